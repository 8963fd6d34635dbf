-- An upheld dispute's credit note keeps as the buyer's credit the part the buyer had paid already;
-- credit_remaining is what of it is not yet applied to invoices. Credit is spent oldest first across
-- payments and these notes (domain.CreditSource), so V3's invariant now reads: for a buyer and
-- currency, buyer_credit.balance = credit_remaining of its posted payments + of its credit notes.
alter table credit_note add column credit_remaining numeric(19,4) not null default 0;
alter table credit_note add constraint credit_note_credit_within_amount
    check (credit_remaining >= 0 and credit_remaining <= amount);

-- Credit notes kept as credit before this migration: the balance the payments do not account for
-- (none of it could be applied: applying it failed) is theirs, given to the newest notes first, as
-- spending oldest first would have left it.
with unaccounted as (
    select b.tenant_id, b.buyer_id, b.currency, b.balance - coalesce((select sum(p.credit_remaining) from payment p
        where p.tenant_id = b.tenant_id and p.buyer_id = b.buyer_id and p.currency = b.currency
          and p.status = 'POSTED'), 0) as amount
    from buyer_credit b),
kept as (
    select m.reference_id as note_id, m.tenant_id, m.buyer_id, m.currency, m.amount,
        sum(m.amount) over (partition by m.tenant_id, m.buyer_id, m.currency
                            order by m.created_at desc, m.id desc) as this_and_newer
    from buyer_credit_movement m where m.kind = 'CREDIT_NOTE')
update credit_note n
set credit_remaining = greatest(0, least(k.amount, u.amount - (k.this_and_newer - k.amount)))
from kept k join unaccounted u on u.tenant_id = k.tenant_id and u.buyer_id = k.buyer_id and u.currency = k.currency
where n.id = k.note_id and u.amount > 0;

create index credit_note_with_credit on credit_note (tenant_id, buyer_id, currency) where credit_remaining > 0;
