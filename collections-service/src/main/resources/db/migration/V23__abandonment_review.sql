-- The daily abandonment-review job (jobs.AbandonmentReviewJob) looks at each open case once per date: the
-- day it last did, so a batch takes only cases not yet looked at for its date (docs/collections-service.md,
-- "Abandoning small debts").
alter table collection_case add column abandonment_reviewed_on date;
