-- Buyer credit: buyers and their credit profile, statements, assessments, the invoice read
-- model (exposure), warning signals, limit requests, alerts, credit checks, tenant policy.
create table buyer (
    id                   uuid primary key,
    tenant_id            text          not null,
    name                 text          not null,
    country              char(2)       not null,
    registration_number  text          not null,
    tax_id               text          not null,
    address              text          not null,
    industry             text,
    founded_on           date,
    currency             char(3)       not null,
    payment_term_days    int           not null,
    credit_limit         numeric(19,4),
    limit_set_by         text,
    limit_set_at         timestamptz,
    review_due_on        date,
    review_announced_for date,
    score                int,
    grade                int,
    assessed_at          timestamptz,
    blocked              boolean       not null default false,
    block_reason         text,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0,
    constraint buyer_registration_unique unique (tenant_id, registration_number),
    constraint buyer_limit_not_negative check (credit_limit is null or credit_limit >= 0)
);
create index buyer_by_name on buyer (tenant_id, lower(name));
create index buyer_review_due on buyer (review_due_on) where review_due_on is not null;

create table financial_statement (
    buyer_id            uuid          not null references buyer (id),
    fiscal_year         int           not null,
    tenant_id           text          not null,
    currency            char(3)       not null,
    total_assets        numeric(19,2) not null,
    current_assets      numeric(19,2) not null,
    current_liabilities numeric(19,2) not null,
    total_liabilities   numeric(19,2) not null,
    retained_earnings   numeric(19,2) not null,
    ebit                numeric(19,2) not null,
    equity              numeric(19,2) not null,
    revenue             numeric(19,2) not null,
    net_worth           numeric(19,2) not null,
    recorded_by         text          not null,
    recorded_at         timestamptz   not null,
    primary key (buyer_id, fiscal_year)
);

create table assessment (
    id             uuid primary key,
    tenant_id      text        not null,
    buyer_id       uuid        not null references buyer (id),
    score          int         not null,
    grade          int         not null,
    previous_grade int,
    factors        text        not null,
    cause          text        not null,
    assessed_at    timestamptz not null
);
create index assessment_by_buyer on assessment (buyer_id, assessed_at desc);

-- One row per invoice of invoice-events; buyer_id has no foreign key: invoices may name a
-- buyer before (or without) its registration here.
create table invoice_position (
    tenant_id       text          not null,
    invoice_id      uuid          not null,
    buyer_id        uuid          not null,
    invoice_number  text          not null,
    currency        char(3)       not null,
    total           numeric(19,4) not null,
    open_amount     numeric(19,4) not null,
    due_date        date          not null,
    disputed_amount numeric(19,4) not null default 0,
    disputed_total  numeric(19,4) not null default 0,
    paid_on         date,
    days_past_due   int,
    updated_at      timestamptz   not null,
    primary key (tenant_id, invoice_id)
);
-- the credit check sums a buyer's open positions: an index that holds only those
create index invoice_position_open on invoice_position (tenant_id, buyer_id, due_date, currency, open_amount)
    where open_amount > 0;
create index invoice_position_by_buyer on invoice_position (tenant_id, buyer_id);

create table warning_signal (
    id          uuid primary key,
    tenant_id   text        not null,
    buyer_id    uuid        not null references buyer (id),
    type        text        not null,
    source      text        not null,
    observed_on date        not null,
    details     text,
    reported_at timestamptz not null,
    resolved_at timestamptz,
    resolved_by text,
    resolution  text
);
create index warning_signal_by_buyer on warning_signal (buyer_id, reported_at);

create table limit_request (
    id              uuid primary key,
    tenant_id       text          not null,
    buyer_id        uuid          not null references buyer (id),
    currency        char(3)       not null,
    requested_limit numeric(19,4) not null check (requested_limit >= 0),
    reason          text          not null,
    requested_by    text          not null,
    requested_at    timestamptz   not null,
    status          text          not null,
    decided_by      text,
    decided_at      timestamptz,
    decision_note   text
);
create index limit_request_by_tenant on limit_request (tenant_id, status, requested_at);
-- at most one pending request per buyer: the latest proposal replaces nothing silently
create unique index limit_request_one_pending on limit_request (buyer_id) where status = 'PENDING';

create table alert (
    id              uuid primary key,
    tenant_id       text        not null,
    buyer_id        uuid        not null references buyer (id),
    kind            text        not null,
    message         text        not null,
    raised_at       timestamptz not null,
    acknowledged_by text,
    acknowledged_at timestamptz
);
create index alert_by_tenant on alert (tenant_id, raised_at desc);

-- Decisions at order time, recorded as made (no foreign key: the hot path inserts only).
create table credit_check (
    id             uuid primary key,
    tenant_id      text          not null,
    buyer_id       uuid          not null,
    currency       char(3)       not null,
    order_amount   numeric(19,4) not null,
    outcome        text          not null,
    reasons        text          not null,
    exposure_after numeric(19,4) not null,
    credit_limit   numeric(19,4),
    grade          int,
    term_days      int           not null,
    checked_by     text          not null,
    checked_at     timestamptz   not null
);
create index credit_check_by_buyer on credit_check (tenant_id, buyer_id, checked_at desc);

-- A tenant's CreditPolicy as one JSON document; no row = CreditPolicy.DEFAULT.
create table credit_policy (
    tenant_id  text primary key,
    policy     text        not null,
    updated_by text        not null,
    updated_at timestamptz not null
);
