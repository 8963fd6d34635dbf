-- V18 moved the insurer's deadlines recorded before it from the due date to the MEP's end and reopened the
-- stop-deliveries deadlines that were never missed; it could not take back the stop-deliveries-started (cause
-- DEADLINE_MISSED) their misses had published, so credit-service kept saying "stop-deliveries since" the early day.
-- Every buyer with a stop-deliveries deadline under a policy is due to have the stop this service stands by now
-- published once, as stop-deliveries-withdrawn (docs/insurance-claims-service.md, "Withdrawing a stop"): none, or the
-- first notification's day or first missed deadline's day. The service drains this table soon after startup
-- (app.StopDeliveriesWithdrawals.publishDue) and it stays empty afterwards. Running it again marks them due again.
create table if not exists stop_deliveries_due (
    tenant_id text not null,
    policy_id uuid not null,
    buyer_id  uuid not null,
    primary key (tenant_id, policy_id, buyer_id)
);
insert into stop_deliveries_due (tenant_id, policy_id, buyer_id)
select distinct tenant_id, policy_id, buyer_id from insured_deadline where kind = 'STOP_DELIVERIES'
on conflict do nothing;
