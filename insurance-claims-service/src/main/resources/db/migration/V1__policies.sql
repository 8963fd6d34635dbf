-- A tenant's credit-insurance policies (docs/insurance-claims-service.md, "Policies").
-- The policy is the identity (its number is unique per tenant); its terms are versions, each in
-- force from its effective date until the next version's, so a claim is judged by the terms of its day.
create table insurance_policy (
    id              uuid primary key,
    tenant_id       text not null,
    policy_number   text not null,
    callback_secret text,
    created_at      timestamptz not null,
    created_by      text not null,
    unique (tenant_id, policy_number)
);

create table policy_version (
    id                     uuid primary key,
    tenant_id              text not null,
    policy_id              uuid not null references insurance_policy (id),
    version                int not null,
    effective_from         date not null,
    insurer                text not null,
    policy_number          text not null,
    currency               text not null,
    insured_percent        numeric(7, 4) not null,
    deductible_kind        text not null,
    deductible_amount      numeric(19, 4) not null,
    maximum_extension_days int not null,
    notification_days      int not null,
    claim_filing_days      int not null,
    waiting_period_days    int not null,
    collector_name         text not null,
    transfer_days          int not null,
    warning_lead_days      int not null,
    recorded_at            timestamptz not null,
    recorded_by            text not null,
    unique (policy_id, version)
);
create index policy_version_by_tenant on policy_version (tenant_id, policy_id);
