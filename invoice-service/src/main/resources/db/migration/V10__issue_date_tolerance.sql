-- How many days after today an invoice's issue date may lie (default 1: a seller east of UTC
-- is already on tomorrow's date); a later issue date is refused.
alter table invoicing_policy add column issue_date_tolerance_days int not null default 1
    constraint invoicing_policy_issue_date_tolerance check (issue_date_tolerance_days between 0 and 366);
