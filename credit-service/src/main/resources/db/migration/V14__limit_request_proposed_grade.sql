-- A limit increase the service proposes after a buyer's grade rose is made at a grade (docs/credit-service.md,
-- "what a re-grade does to the limit"): kept, so that a later re-grade to a worse grade withdraws the proposal
-- (status WITHDRAWN, by credit-service, the cause in decision_note) instead of leaving it to be approved at a limit
-- the grade no longer allows. Null for requests asked by a user, and for proposals made before this migration (a fall
-- in a later re-grade withdraws those).
alter table limit_request add column proposed_at_grade int check (proposed_at_grade between 1 and 10);
