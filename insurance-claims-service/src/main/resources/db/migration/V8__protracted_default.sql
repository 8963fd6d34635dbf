-- Protracted default (docs/insurance-claims-service.md, "Protracted default"): the daily job
-- insurance-protracted-default looks at each overdue notification until its waiting period has run.
-- waited_on is the last date it looked (a run of a date takes each notification once); waiting_over
-- marks a notification whose waiting period has run and was acted on, so it is never looked at again.
alter table overdue_notification add column waited_on date;
alter table overdue_notification add column waiting_over boolean not null default false;
create index overdue_notification_waiting on overdue_notification (id) where not waiting_over;
