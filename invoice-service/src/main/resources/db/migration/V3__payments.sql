-- Payments from buyers, how they were allocated to invoices, and the buyer credit that
-- overpayments leave. Invariant: for a buyer and currency, the sum of credit_remaining over its
-- posted payments equals buyer_credit.balance (credit is spent oldest payment first).
create table payment (
    id                 uuid primary key,
    tenant_id          text          not null,
    buyer_id           uuid          not null,
    currency           char(3)       not null,
    amount             numeric(19,4) not null check (amount > 0),
    received_on        date          not null,
    reference          text,
    unallocated_amount numeric(19,4) not null,
    credit_remaining   numeric(19,4) not null,
    status             text          not null,
    reversal_reason    text,
    reversed_on        date,
    reversed_by        text,
    created_at         timestamptz   not null,
    created_by         text          not null,
    version            bigint        not null default 0,
    constraint payment_amounts_consistent check (
        unallocated_amount >= 0 and unallocated_amount <= amount
        and credit_remaining >= 0 and credit_remaining <= unallocated_amount)
);
create index payment_by_buyer on payment (tenant_id, buyer_id, received_on);
-- credit still to spend, oldest first
create index payment_with_credit on payment (tenant_id, buyer_id, currency, received_on)
    where credit_remaining > 0 and status = 'POSTED';

-- One part of a payment (source PAYMENT) or of a credit application (source CREDIT_APPLICATION)
-- applied to one invoice. Never changed: a reversal records ledger entries, not edits.
create table allocation (
    id             uuid primary key,
    tenant_id      text          not null,
    source_kind    text          not null,
    source_id      uuid          not null,
    invoice_id     uuid          not null references invoice (id),
    invoice_number text          not null,
    amount         numeric(19,4) not null check (amount > 0),
    currency       char(3)       not null,
    created_at     timestamptz   not null
);
create index allocation_by_source on allocation (tenant_id, source_id);
create index allocation_by_invoice on allocation (tenant_id, invoice_id);

-- What a buyer has paid beyond its invoices, per currency; locked by every change to it.
create table buyer_credit (
    tenant_id  text          not null,
    buyer_id   uuid          not null,
    currency   char(3)       not null,
    balance    numeric(19,4) not null check (balance >= 0),
    updated_at timestamptz   not null,
    primary key (tenant_id, buyer_id, currency)
);

-- Every change of a buyer credit balance: an overpayment (+), credit applied to invoices (-),
-- a reversed payment's credit removed (-). A movement of kind APPLIED is a credit application:
-- its id is the reference of that application's allocations and ledger entries.
create table buyer_credit_movement (
    id            uuid primary key,
    tenant_id     text          not null,
    buyer_id      uuid          not null,
    currency      char(3)       not null,
    kind          text          not null,
    amount        numeric(19,4) not null,
    balance_after numeric(19,4) not null,
    reference_id  uuid,
    occurred_on   date          not null,
    created_at    timestamptz   not null,
    created_by    text          not null
);
create index buyer_credit_movement_by_buyer on buyer_credit_movement (tenant_id, buyer_id, created_at);
