-- A claim on the credit insurer pauses dunning of the claimed invoices (docs/collections-service.md,
-- "Claims"): holds get the reason CLAIM, placed and ended by claim-events.
alter table dunning_hold drop constraint dunning_hold_reason_check;
alter table dunning_hold add constraint dunning_hold_reason_check
    check (reason in ('DISPUTE', 'PROMISE_TO_PAY', 'PAYMENT_PLAN', 'MANUAL', 'CLAIM'));
