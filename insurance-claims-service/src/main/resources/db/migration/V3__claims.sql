-- Claims (docs/insurance-claims-service.md, "Claims"): the claim with its invoices, the indemnity
-- computed at approval, what the insurer paid and what was recovered after; claim_entry keeps every
-- move, payment and recovery with who and when.
create table claim (
    id                   uuid primary key,
    tenant_id            text not null,
    policy_id            uuid not null references insurance_policy (id),
    buyer_id             uuid not null,
    buyer_name           text not null,
    cause                text not null,
    currency             text not null,
    state                text not null,
    opened_on            date not null,
    opened_by            text not null,
    approved_on          date,
    insured_limit        numeric(19, 4),
    capped_loss          numeric(19, 4),
    deductible           numeric(19, 4),
    insured_loss         numeric(19, 4),
    insured_percent      numeric(7, 4),
    indemnity            numeric(19, 4),
    indemnity_paid       numeric(19, 4) not null default 0,
    recovered            numeric(19, 4) not null default 0,
    recovered_to_insurer numeric(19, 4) not null default 0,
    version              int not null default 0
);
create index claim_by_tenant on claim (tenant_id, state, opened_on);
create index claim_by_policy on claim (policy_id, approved_on);

create table claim_invoice (
    claim_id       uuid not null references claim (id),
    line           int not null,
    invoice_number text not null,
    invoice_id     uuid,
    unpaid_amount  numeric(19, 4) not null,
    primary key (claim_id, line)
);

create table claim_entry (
    id          uuid primary key,
    claim_id    uuid not null references claim (id),
    kind        text not null,
    from_state  text,
    to_state    text,
    amount      numeric(19, 4),
    to_insurer  numeric(19, 4),
    to_tenant   numeric(19, 4),
    on_day      date not null,
    at          timestamptz not null,
    by_user     text not null,
    note        text
);
create index claim_entry_by_claim on claim_entry (claim_id, at);
