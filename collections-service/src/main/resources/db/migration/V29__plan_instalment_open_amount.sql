-- What each instalment of an agreed plan still owes (docs/collections-service.md, "Payment plans"): its principal
-- less the plan's payments, which pay the instalments in their order. The consumer of invoice-events keeps it
-- (app.ReadModel, domain.PaymentPlanItems) whenever the plan is agreed or one of its invoices' amounts changes, so
-- the collector's worklist ranks a buyer keeping its plan by what is overdue under the plan (instalments past their
-- date still owing), not by its invoices' original due dates (WorklistRepository).
alter table plan_instalment add column open_amount numeric(19,4);

-- plans agreed before: filled once here as PaymentPlanItems decides it (principal, else amount; the payments are
-- the plan's principal less what is still collectible on its open invoices, never below zero); from now on the
-- consumer writes it.
with paid as (
    select p.tenant_id, p.plan_id,
        greatest(coalesce(p.principal, (select sum(coalesce(i.principal, i.amount)) from plan_instalment i
                                        where i.tenant_id = p.tenant_id and i.plan_id = p.plan_id))
                 - coalesce((select sum(o.collectible_amount) from open_invoice o
                             where o.tenant_id = p.tenant_id and o.plan_id = p.plan_id and o.state = 'OPEN'), 0), 0) as paid
    from payment_plan p where p.state = 'AGREED'
), owed as (
    select i.tenant_id, i.plan_id, i.number, coalesce(i.principal, i.amount) as principal,
        sum(coalesce(i.principal, i.amount)) over (partition by i.tenant_id, i.plan_id order by i.number) as due_so_far
    from plan_instalment i join paid on paid.tenant_id = i.tenant_id and paid.plan_id = i.plan_id
)
update plan_instalment t set open_amount = least(greatest(owed.due_so_far - paid.paid, 0), owed.principal)
from owed join paid on paid.tenant_id = owed.tenant_id and paid.plan_id = owed.plan_id
where t.tenant_id = owed.tenant_id and t.plan_id = owed.plan_id and t.number = owed.number;
