-- An invoice keeps the late-charge terms in force for its buyer when it was issued (its own terms, else the
-- tenant's: domain.LateChargeTerms.applying): its charges are a term of its contract, so a later change of the
-- tenant's or the buyer's terms applies only to invoices issued after it (domain.Invoice.lateChargeTerms).
alter table invoice add column late_daily_rate numeric(12,8),
    add column late_fee_after_days int,
    add column late_fee_rate numeric(12,8),
    add column late_charge_terms_source text;

-- Invoices issued before this migration: the terms were never recorded, so they get those that apply to them
-- today, the best knowledge there is and what their charges were computed with until now (so no figure moves).
update invoice i set late_daily_rate = b.late_daily_rate, late_fee_after_days = b.late_fee_after_days,
    late_fee_rate = b.late_fee_rate, late_charge_terms_source = 'BUYER'
from buyer_late_charge_policy b
where b.tenant_id = i.tenant_id and b.buyer_id = i.buyer_id;

update invoice i set late_daily_rate = p.late_daily_rate, late_fee_after_days = p.late_fee_after_days,
    late_fee_rate = p.late_fee_rate, late_charge_terms_source = 'TENANT'
from invoicing_policy p
where p.tenant_id = i.tenant_id and i.late_charge_terms_source is null;

-- a tenant that never saved a policy has the defaults (domain.LateChargePolicy.DEFAULT: 0.05% a day, 3% at 30 days)
update invoice set late_daily_rate = 0.0005, late_fee_after_days = 30, late_fee_rate = 0.03,
    late_charge_terms_source = 'TENANT'
where late_charge_terms_source is null;

alter table invoice alter column late_daily_rate set not null,
    alter column late_fee_after_days set not null,
    alter column late_fee_rate set not null,
    alter column late_charge_terms_source set not null,
    add constraint invoice_late_charge_terms check (late_daily_rate >= 0 and late_fee_rate >= 0
        and late_fee_after_days >= 1 and late_charge_terms_source in ('BUYER', 'TENANT'));
