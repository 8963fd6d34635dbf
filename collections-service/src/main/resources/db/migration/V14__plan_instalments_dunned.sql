-- Payment-plan instalments are what the run duns (docs/collections-service.md, "Payment plans").
-- Append-only: adds what the run needs to make items of a plan, and names the instalment in the
-- log of steps. Rows already taken are untouched: an invoice's steps keep its invoice id as
-- item_ref; an instalment's item_ref is '<planId>#<number>' and a broken plan's invoice
-- '<invoiceId>/<planId>', so dunning_step_taken_once (tenant, item_ref, step) keeps every item
-- to one step once without a new index.

-- what the plan spread (payment-plan-agreed's principal): the payments it has had are this less
-- what is still collectible on its invoices
alter table payment_plan add column principal numeric(19,4);
-- the day invoice-service broke it (plan-broken's asOf): the remaining invoices' ladder counts from it
alter table payment_plan add column broken_on date;
-- an instalment's share of the principal (payment-plan-agreed's instalments[].principal; older
-- events carry only the amount, which is the principal of an interest-free plan)
alter table plan_instalment add column principal numeric(19,4);

-- plans agreed before: their principal is their schedule's amounts (interest-free plans) and a
-- broken one broke on the day it was last changed
update payment_plan p set principal = (select sum(i.amount) from plan_instalment i
    where i.tenant_id = p.tenant_id and i.plan_id = p.plan_id);
update payment_plan set broken_on = (updated_at at time zone 'UTC')::date where state = 'BROKEN';

-- the instalment a step was taken for (null: an invoice), for a reader of the log
alter table dunning_step_log add column instalment_number int;
