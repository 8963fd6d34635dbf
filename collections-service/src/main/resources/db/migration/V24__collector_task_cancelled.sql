-- a ladder task whose invoices a payment or credit note cleared is cancelled, not done: it leaves the
-- worklist (done_on, done_by: the day and invoice-service) with the reason, so nobody reads it as a call made
alter table collector_task add column cancelled_because text;
