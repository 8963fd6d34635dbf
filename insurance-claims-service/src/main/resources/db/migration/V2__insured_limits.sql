-- Insured limits per buyer (docs/insurance-claims-service.md, "Insured limits"): the tenant's
-- requests and the insurer's decisions, all kept. decision_ref is the insurer's own reference: a
-- decision sent twice is recorded once. seq orders decisions as recorded (a same-day correction wins).
create table limit_request (
    id           uuid primary key,
    tenant_id    text not null,
    policy_id    uuid not null references insurance_policy (id),
    buyer_id     uuid not null,
    kind         text not null,
    amount       numeric(19, 4),
    currency     text,
    note         text,
    requested_at timestamptz not null,
    requested_by text not null
);
create index limit_request_by_buyer on limit_request (tenant_id, policy_id, buyer_id);

create table limit_decision (
    seq            bigserial primary key,
    tenant_id      text not null,
    policy_id      uuid not null references insurance_policy (id),
    buyer_id       uuid not null,
    decision_ref   text not null,
    outcome        text not null,
    amount         numeric(19, 4),
    currency       text,
    effective_from date not null,
    expires_on     date,
    request_id     uuid,
    source         text not null,
    recorded_at    timestamptz not null,
    recorded_by    text not null,
    unique (policy_id, decision_ref)
);
create index limit_decision_by_buyer on limit_decision (tenant_id, policy_id, buyer_id);
