-- Late charges given up on an invoice, with who, when and why (the audit trail of DOMAIN.md §2).
-- The amounts are what had accrued and was not yet waived on waived_on, under the terms then
-- in force (kept here, since a tenant's or buyer's terms can change afterwards).
create table late_charge_waiver (
    id               uuid primary key,
    tenant_id        text          not null,
    invoice_id       uuid          not null references invoice (id),
    buyer_id         uuid          not null,
    scope            text          not null check (scope in ('INTEREST', 'FEE', 'ALL')),
    reason           text          not null,
    interest_waived  numeric(19,4) not null check (interest_waived >= 0),
    fee_waived       numeric(19,4) not null check (fee_waived >= 0),
    currency         char(3)       not null,
    late_daily_rate  numeric(12,8) not null,
    late_fee_after_days int        not null,
    late_fee_rate    numeric(12,8) not null,
    waived_on        date          not null,
    waived_at        timestamptz   not null,
    waived_by        text          not null
);
create index late_charge_waiver_by_invoice on late_charge_waiver (tenant_id, invoice_id, waived_on);
create index late_charge_waiver_by_buyer on late_charge_waiver (tenant_id, buyer_id, waived_on);
