-- Insured limits from insurance-claims-service (claim-events' insured-limit-changed; docs/credit-service.md,
-- "Insurance in the credit check"): every insurer decision on a buyer's limit as it was recorded there, kept
-- as history, so the limit in force on any day follows from them (domain.InsuredLimits). sequence is the
-- order they arrived in (events of one buyer are keyed by buyer id, so in the order claims recorded them):
-- of two decisions effective the same day, the later one is a correction and wins.
create table insured_limit_decision (
    tenant_id      text          not null,
    policy_id      uuid          not null,
    decision_id    text          not null,
    buyer_id       uuid          not null,
    policy_number  text          not null,
    insurer        text          not null,
    outcome        text          not null,
    amount         numeric(19,4),
    currency       char(3)       not null,
    effective_from date          not null,
    expires_on     date,
    source         text          not null,
    recorded_on    date          not null,
    sequence       bigserial     not null,
    received_at    timestamptz   not null,
    primary key (tenant_id, policy_id, decision_id)
);
create index insured_limit_decision_by_buyer on insured_limit_decision (tenant_id, buyer_id);

-- an invoice is insured only if issued while a limit was in force and before stop-deliveries: its issue
-- date, from invoice-issued (null for positions recorded before this migration)
alter table invoice_position add column issue_date date;

-- the check's answer as given: the insured limit on the day, the insured part of exposure plus the order,
-- the order's insured part and the reason (all null: no insurance known, or a check recorded before V7)
alter table credit_check add column insured_limit numeric(19,4);
alter table credit_check add column insured_exposure numeric(19,4);
alter table credit_check add column uninsured_exposure numeric(19,4);
alter table credit_check add column order_insured numeric(19,4);
alter table credit_check add column insurance_reason text;
