-- The read model of the receivables ledger (docs/insurance-claims-service.md, "Read model"): each
-- invoice of each buyer with what is still open of it, kept from invoice-events.
create table open_invoice (
    invoice_id     uuid primary key,
    tenant_id      text not null,
    buyer_id       uuid not null,
    invoice_number text not null,
    issue_date     date not null,
    due_date       date not null,
    currency       text not null,
    total          numeric(19, 4) not null,
    open_amount    numeric(19, 4) not null
);
create index open_invoice_by_buyer on open_invoice (tenant_id, buyer_id);
