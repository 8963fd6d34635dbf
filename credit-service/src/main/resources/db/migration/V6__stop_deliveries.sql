-- Stop-deliveries from insurance-claims-service (claim-events' stop-deliveries-started; docs/credit-service.md,
-- "Insurance in the credit check"): from from_day on, new deliveries to the buyer are not insured under the
-- policy. One row per policy and buyer: the first notification's day stands.
create table stop_deliveries (
    tenant_id       text not null,
    buyer_id        uuid not null,
    policy_id       uuid not null,
    from_day        date not null,
    notification_id uuid not null,
    primary key (tenant_id, buyer_id, policy_id)
);

-- the check's answer as given: the stop-deliveries day it named (null: none known)
alter table credit_check add column stop_deliveries_from date;
