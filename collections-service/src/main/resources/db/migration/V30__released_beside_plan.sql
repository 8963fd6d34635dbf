-- What a dispute running when a payment plan was agreed releases later (rejected, or the rest of one partly upheld) is
-- owed beside the plan, overdue from the invoice's own due date (docs/collections-service.md, "Payment plans";
-- invoice-service since session 32). plan_frozen_left: what was disputed on the invoice when its plan was agreed and is
-- not resolved yet; released_beside_plan: what such disputes released since, owed outside the plan.
-- Plans agreed before: nothing known released (0), their frozen part unknown (0).
alter table open_invoice add column plan_frozen_left numeric(19,4) not null default 0;
alter table open_invoice add column released_beside_plan numeric(19,4) not null default 0;
