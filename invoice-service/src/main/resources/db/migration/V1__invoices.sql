-- The receivables ledger: invoices and the tenant's invoicing policy.
create table invoice (
    id                   uuid primary key,
    tenant_id            text          not null,
    invoice_number       text          not null,
    issue_date           date          not null,
    shipment_date        date,
    issued_late          boolean       not null default false,
    seller_name          text          not null,
    seller_address       text          not null,
    seller_tax_id        text          not null,
    seller_bank_account  text          not null,
    buyer_id             uuid          not null,
    buyer_name           text          not null,
    buyer_address        text          not null,
    buyer_tax_id         text          not null,
    po_number            text          not null,
    currency             char(3)       not null,
    lines                text          not null,
    tax_amount           numeric(19,4) not null,
    total_amount         numeric(19,4) not null,
    due_date             date          not null,
    payment_terms        text,
    status               text          not null,
    paid_amount          numeric(19,4) not null default 0,
    credited_amount      numeric(19,4) not null default 0,
    written_off_amount   numeric(19,4) not null default 0,
    disputed_amount      numeric(19,4) not null default 0,
    overdue_since        date,
    receipt_confirmed_by text,
    receipt_confirmed_at timestamptz,
    closed_reason        text,
    closed_on            date,
    payment_plan_id      uuid,
    created_at           timestamptz   not null,
    version              bigint        not null default 0,
    constraint invoice_number_unique unique (tenant_id, invoice_number),
    constraint invoice_amounts_consistent check (
        paid_amount >= 0 and credited_amount >= 0 and written_off_amount >= 0 and disputed_amount >= 0
        and paid_amount + credited_amount + written_off_amount <= total_amount)
);
create index invoice_by_buyer on invoice (tenant_id, buyer_id, due_date);
create index invoice_by_status_due on invoice (tenant_id, status, due_date);
create index invoice_open_due on invoice (due_date) where status in ('OPEN', 'OVERDUE');

-- A tenant's terms; absent row = the defaults of DOMAIN.md.
create table invoicing_policy (
    tenant_id             text primary key,
    issue_deadline_hours  int           not null,
    late_daily_rate       numeric(12,8) not null,
    late_fee_after_days   int           not null,
    late_fee_rate         numeric(12,8) not null,
    dso_period_days       int           not null,
    updated_at            timestamptz   not null,
    updated_by            text          not null
);

-- Late-charge terms agreed with one buyer (e.g. a key customer), overriding the tenant's.
create table buyer_late_charge_policy (
    tenant_id           text          not null,
    buyer_id            uuid          not null,
    late_daily_rate     numeric(12,8) not null,
    late_fee_after_days int           not null,
    late_fee_rate       numeric(12,8) not null,
    updated_at          timestamptz   not null,
    updated_by          text          not null,
    primary key (tenant_id, buyer_id)
);
