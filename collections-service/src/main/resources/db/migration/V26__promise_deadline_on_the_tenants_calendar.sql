-- A promise's deadline is its promised date plus the grace days counted on the tenant's calendar as
-- its ladder counts (PromiseTerms.deadline: never a day the tenant does not work), fixed when the
-- promise is made. It can no longer be derived from the promised date and the grace, so it is kept.
-- Promises made before keep the deadline they were made with: promised date + grace in calendar days.
alter table promise_to_pay add column deadline date;
update promise_to_pay set deadline = promised_date + grace_days;
alter table promise_to_pay alter column deadline set not null;
alter table promise_to_pay add constraint promise_to_pay_deadline check (deadline >= promised_date);

-- the promise-review job's selection: pending promises by deadline
drop index promise_to_pay_pending;
create index promise_to_pay_pending on promise_to_pay (deadline, id) where outcome = 'PENDING';
