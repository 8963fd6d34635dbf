-- Every change to what a buyer owes on an invoice, with the date it takes effect. An invoice's
-- open amount as of a date is its total minus the entries effective on or before that date,
-- which is what aging, DSO and buyer statements "as of" a past date are computed from.
create table ledger_entry (
    id             uuid primary key,
    tenant_id      text          not null,
    buyer_id       uuid          not null,
    invoice_id     uuid          not null references invoice (id),
    kind           text          not null,
    amount         numeric(19,4) not null,
    currency       char(3)       not null,
    effective_date date          not null,
    reference_id   uuid,
    note           text,
    created_at     timestamptz   not null,
    created_by     text          not null
);
create index ledger_entry_by_invoice on ledger_entry (tenant_id, invoice_id, effective_date);
create index ledger_entry_by_buyer on ledger_entry (tenant_id, buyer_id, effective_date);
