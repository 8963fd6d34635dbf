-- Disputes: a buyer's objection to part of an invoice. The disputed amount is frozen out of
-- collection (invoice.disputed_amount) until the dispute is resolved.
create table dispute (
    id                       uuid primary key,
    tenant_id                text          not null,
    invoice_id               uuid          not null references invoice (id),
    buyer_id                 uuid          not null,
    type                     text          not null,
    disputed_amount          numeric(19,4) not null check (disputed_amount > 0),
    currency                 char(3)       not null,
    description              text          not null,
    evidence                 text          not null,
    raised_on                date          not null,
    status                   text          not null,
    responsible_party        text,
    findings                 text,
    negotiation_stage        text,
    outcome                  text,
    credited_amount          numeric(19,4),
    credit_note_id           uuid,
    root_cause               text,
    credit_policy_adjustment text,
    resolved_on              date,
    step_count               int           not null,
    created_at               timestamptz   not null,
    created_by               text          not null,
    version                  bigint        not null default 0
);
create index dispute_by_invoice on dispute (tenant_id, invoice_id, created_at);
create index dispute_unresolved on dispute (tenant_id, buyer_id) where status <> 'RESOLVED';

-- The history of a dispute, append only: each step (registered, assessed, negotiation note,
-- resolved) with who and when.
create table dispute_step (
    id          uuid primary key,
    tenant_id   text        not null,
    dispute_id  uuid        not null references dispute (id),
    seq         int         not null,
    step        text        not null,
    stage       text,
    summary     text        not null,
    at          timestamptz not null,
    by_subject  text        not null,
    constraint dispute_step_order unique (dispute_id, seq)
);

-- Credit notes, numbered per tenant (CN-000001, ...); from the credit-note endpoint or a
-- dispute resolved in the buyer's favour (dispute_id set).
create table credit_note (
    id          uuid primary key,
    tenant_id   text          not null,
    number      text          not null,
    invoice_id  uuid          not null references invoice (id),
    buyer_id    uuid          not null,
    dispute_id  uuid references dispute (id),
    amount      numeric(19,4) not null check (amount > 0),
    currency    char(3)       not null,
    reason      text          not null,
    issued_on   date          not null,
    created_at  timestamptz   not null,
    created_by  text          not null,
    constraint credit_note_number_unique unique (tenant_id, number)
);
create index credit_note_by_invoice on credit_note (tenant_id, invoice_id, created_at);

-- The last credit note number given per tenant; incremented under the row lock of an upsert.
create table credit_note_counter (
    tenant_id   text   primary key,
    last_number bigint not null
);
