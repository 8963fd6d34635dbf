-- Claims opened at once on a buyer's insolvency signal (docs/insurance-claims-service.md, "Claims from
-- credit-events"): one row per policy, buyer and signal, taken before the claim is written, so a second
-- delivery of the same signal (under another event id too) finds it and opens nothing.
create table claim_signal (
    tenant_id   text not null,
    policy_id   uuid not null references insurance_policy (id),
    buyer_id    uuid not null,
    signal_id   uuid not null,
    claim_id    uuid not null,
    trigger     text not null,
    received_at timestamptz not null,
    primary key (tenant_id, policy_id, buyer_id, signal_id)
);
