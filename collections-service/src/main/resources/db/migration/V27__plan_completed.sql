-- A plan ends broken or completed (invoice-service's plan-completed): an invoice of a completed plan that opens
-- again (a bounced payment) is dunned as the remainder of an ended plan, from the day it ended, like a broken one's.
alter table payment_plan drop constraint payment_plan_state;
alter table payment_plan add constraint payment_plan_state check (state in ('AGREED', 'BROKEN', 'COMPLETED'));
alter table payment_plan rename column broken_on to ended_on;
