package io.tradecredit.collections.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.WorklistPriority;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What the worklist ranks buyers by, from the read model, in one statement per figure; and one
 * page of the worklist ordered in the database, so a page costs a page however many cases the
 * tenant has open.
 *
 * <p>{@link #PAGE} computes {@link WorklistPriority#pointsOf} and {@link WorklistPriority#order}'s
 * ties in SQL: a copy of the rule the database needs to page. {@code WorklistPagingTest} pins it
 * to the Java rule on a worklist of every factor (the rule stays decided in {@code domain}).
 */
@ApplicationScoped
public class WorklistRepository {
    /**
     * Of a closed case {@code c}: an agency's settlement proposed writing off what it left ({@code reason} not null), no
     * collector has confirmed it, and the settlement's invoices still owe something collectible (paid since: nothing to
     * confirm, {@code abandonment.nothing-overdue}).
     */
    static final String WRITE_OFF_TO_CONFIRM = """
            exists (select 1 from abandonment_proposal a where a.tenant_id = $1 and a.case_id = c.id
                            and a.reason is not null and a.confirmed_at is null)
                  and exists (select 1 from agency_settled_invoice s join open_invoice o on o.tenant_id = s.tenant_id
                                  and o.invoice_id = s.invoice_id
                              where s.tenant_id = $1 and s.case_id = c.id and o.state = 'OPEN'
                                and o.collectible_amount > 0)
            """;
    /**
     * The worklist's entries: every case not closed (of {@code owner} when given), and every case closed as settled
     * whose write-off an agency's settlement proposed, not confirmed yet while its invoices still owe something
     * ({@link #WRITE_OFF_TO_CONFIRM}: a collector is to confirm it, from the day it closed); and, without an
     * owner, every buyer with an open task, no case not closed and no such settled case (keyed by its own id); each with
     * its next action, the earlier of the case's and its open tasks' due days, only the case's while it waits on a
     * promise, a plan or an agency ({@link WorklistPriority#nextActionOn}), for a settled case the earlier of the day it
     * closed and its buyer's open tasks' due days. Each buyer has one entry of its own ({@code buyers_entry}), which
     * lists its open tasks and counts what it owes overdue: its case not closed, else its first settled case waiting
     * (closed first, then by id), else its tasks' entry (one entry per buyer without a case open, decided session 34).
     * Any other settled case waiting is its confirmation alone, due from the day it closed, nothing owed nor any task
     * on it: a buyer with a case open besides, or with two settlements waiting, has its tasks and its debt listed and
     * counted once (until session 35 two settlements showed both on both entries, their points twice).
     */
    static final String ENTRIES = """
            with entry as (
                select c.buyer_id, c.id as case_id, c.id as sort_key,
                    case when c.state in ('PROMISE_TO_PAY', 'PAYMENT_PLAN', 'WITH_AGENCY') then c.next_action_on
                    else least(c.next_action_on, (select min(t.due_on) from collector_task t where t.tenant_id = $1
                                             and t.buyer_id = c.buyer_id and t.done_on is null)) end as next_action_on,
                    true as buyers_entry
                from collection_case c
                where c.tenant_id = $1 and c.state <> 'CLOSED' and ($2::text is null or c.owner = $2)
                union all
                select c.buyer_id, c.id, c.id, case when c.buyers_entry then least(c.closed_on,
                        (select min(t.due_on) from collector_task t where t.tenant_id = $1 and t.buyer_id = c.buyer_id
                         and t.done_on is null)) else c.closed_on end,
                    c.buyers_entry
                from (select c.buyer_id, c.id, c.closed_on, c.owner,
                          not exists (select 1 from collection_case o where o.tenant_id = $1 and o.buyer_id = c.buyer_id
                                      and o.state <> 'CLOSED')
                          and row_number() over (partition by c.buyer_id order by c.closed_on, c.id) = 1 as buyers_entry
                      from collection_case c
                      where c.tenant_id = $1 and c.state = 'CLOSED' and\s""" + WRITE_OFF_TO_CONFIRM + """
                ) c
                where $2::text is null or c.owner = $2
                union all
                select t.buyer_id, null::uuid, t.buyer_id, min(t.due_on), true
                from collector_task t
                where t.tenant_id = $1 and t.done_on is null and $2::text is null
                  and not exists (select 1 from collection_case c where c.tenant_id = $1 and c.buyer_id = t.buyer_id
                                  and (c.state <> 'CLOSED' or\s""" + WRITE_OFF_TO_CONFIRM + """
                  ))
                group by t.buyer_id
            )""";
    /**
     * What a buyer owes overdue on $3, per currency, and since when (its oldest item past its date): its open invoices'
     * collectible amounts past their due date, except that the invoices of a plan still agreed are replaced by the
     * plan's instalments past their date that still owe something ({@code plan_instalment.open_amount}, which the
     * consumer keeps as {@code PaymentPlanItems} decides it): a buyer keeping its plan is not overdue by its invoices'
     * original due dates. What an agency's settlement left on its invoices ({@code agency_settled_invoice}) is not
     * counted, nor are the instalments of a plan whose first open invoice (the one the run lists them beside) it settled
     * (until session 35 they were): the settlement ended that debt, it is for a collector to write off, not to collect
     * (docs/collections-service.md, "Agencies"; as {@code BuyerStanding} leaves it out of the balance the tolerance is
     * judged on). The buyers are those of the subquery the caller puts in its two {@code %1$s}.
     */
    static final String OWED = """
                select x.buyer_id, x.currency, sum(x.amount) as amount, min(x.due) as oldest from (
                    select o.buyer_id, trim(o.currency) as currency, o.collectible_amount as amount, o.due_date as due
                    from open_invoice o
                    where o.tenant_id = $1 and o.state = 'OPEN' and o.due_date < $3 and o.collectible_amount > 0
                      and o.buyer_id in %1$s
                      and not exists (select 1 from payment_plan p join plan_instalment i on i.tenant_id = p.tenant_id
                                      and i.plan_id = p.plan_id where p.tenant_id = $1 and p.plan_id = o.plan_id
                                      and p.state = 'AGREED')
                      and not exists (select 1 from agency_settled_invoice s where s.tenant_id = $1
                                      and s.invoice_id = o.invoice_id)
                    union all
                    select p.buyer_id, trim(i.currency), i.open_amount, i.due_date
                    from payment_plan p join plan_instalment i on i.tenant_id = p.tenant_id and i.plan_id = p.plan_id
                    where p.tenant_id = $1 and p.state = 'AGREED' and i.due_date < $3 and i.open_amount > 0
                      and p.buyer_id in %1$s
                      and not exists (select 1 from agency_settled_invoice s where s.tenant_id = $1 and s.invoice_id = (
                                      select f.invoice_id from open_invoice f where f.tenant_id = $1
                                          and f.plan_id = p.plan_id and f.state = 'OPEN'
                                      order by f.due_date, f.invoice_number, f.invoice_id limit 1))
                ) x group by x.buyer_id, x.currency""";
    static final String COUNT = ENTRIES + " select count(*) as total from entry";
    /**
     * One page: a buyer's amount points in its best currency (floor of overdue / amount per point of
     * that currency, else the other amount per point), days past due of its oldest overdue invoice,
     * grade, broken promises on the case, the bonus for an action due; ties as the Java rule breaks
     * them (earlier next action, none last; more days past due; the key in uuid order).
     */
    static final String PAGE = ENTRIES + """
            , owed as (""" + OWED.formatted("(select buyer_id from entry)") + """
            ), figures as (
                select buyer_id, $3::date - min(oldest) as days,
                    max(floor(amount / coalesce(($4::text::jsonb ->> currency)::numeric, $5::text::numeric)))::bigint as amount_points
                from owed group by buyer_id
            ), ranked as (
                select e.buyer_id, e.case_id, e.sort_key, e.next_action_on, e.buyers_entry, coalesce(f.days, 0) as days,
                    coalesce(f.amount_points, 0) + $6::bigint * coalesce(f.days, 0) + $7::bigint * coalesce(b.grade, 0)
                        + $8::bigint * coalesce(p.broken, 0)
                        + case when e.next_action_on <= $3 then $9::bigint else 0 end as points
                from entry e
                left join figures f on f.buyer_id = e.buyer_id and e.buyers_entry
                left join buyer b on b.tenant_id = $1 and b.buyer_id = e.buyer_id
                left join (select case_id, count(*) as broken from promise_to_pay
                           where tenant_id = $1 and outcome = 'BROKEN' group by case_id) p on p.case_id = e.case_id
            )
            select buyer_id, case_id, buyers_entry, points from ranked
            order by points desc, next_action_on asc nulls last, days desc, sort_key asc
            limit $10 offset $11""";

    @Inject
    ObjectMapper json;

    /** A buyer's overdue balance in one currency and the due date of its oldest overdue invoice. */
    public record Overdue(UUID buyerId, String currency, BigDecimal amount, LocalDate oldestDueDate) {
    }

    /**
     * A worklist entry of a page, in order: the buyer, its case (null: only tasks), whether it is the buyer's own entry,
     * with its open tasks and what it owes overdue (false: a settled case's confirmation beside it) and its points.
     */
    public record Ranked(UUID buyerId, UUID caseId, boolean buyersEntry, long points) {
    }

    /** The page {@code offset / limit} of the tenant's worklist on {@code today}, ordered by {@code priority}. */
    public Uni<List<Ranked>> page(String tenantId, String owner, LocalDate today, WorklistPriority priority, int limit,
            long offset) {
        Map<String, String> perPoint = new TreeMap<>();
        priority.amountPerPoint().forEach((c, a) -> perPoint.put(c.getCurrencyCode(), a.toPlainString()));
        Tuple params = Tuple.of(tenantId, owner, today, write(perPoint), priority.otherAmountPerPoint().toPlainString())
                .addInteger(priority.pointsPerDayPastDue()).addInteger(priority.pointsPerGrade())
                .addInteger(priority.pointsPerBrokenPromise()).addInteger(priority.pointsForActionDue())
                .addInteger(limit).addLong(offset);
        return CurrentTransaction.execute(PAGE, params).map(rows -> {
            List<Ranked> out = new ArrayList<>();
            rows.forEach(r -> out.add(new Ranked(r.getUUID("buyer_id"), r.getUUID("case_id"), r.getBoolean("buyers_entry"),
                    r.getLong("points"))));
            return out;
        });
    }

    /** How many entries the tenant's worklist (of {@code owner} when given) has. */
    public Uni<Long> count(String tenantId, String owner) {
        return CurrentTransaction.execute(COUNT, Tuple.of(tenantId, owner))
                .map(rows -> rows.iterator().next().getLong("total"));
    }

    /**
     * What the buyers owe overdue on {@code today}, per currency, and the date of the oldest item overdue: their open
     * invoices' collectible amounts past their due date, an agreed plan's instalments in its invoices' place ({@link #OWED}).
     */
    public Uni<List<Overdue>> overdueOf(String tenantId, UUID[] buyerIds, LocalDate today) {
        return CurrentTransaction.execute(OWED.formatted("(select unnest($2::uuid[]))"),
                Tuple.of(tenantId, buyerIds, today)).map(rows -> {
                    List<Overdue> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Overdue(r.getUUID("buyer_id"), r.getString("currency").trim(),
                            r.getBigDecimal("amount"), r.getLocalDate("oldest"))));
                    return out;
                });
    }

    /** The buyers' risk grades from credit-events (ungraded buyers left out). */
    public Uni<Map<UUID, Integer>> gradesOf(String tenantId, UUID[] buyerIds) {
        return CurrentTransaction.execute("select buyer_id, grade from buyer where tenant_id = $1"
                + " and buyer_id = any($2) and grade is not null", Tuple.of(tenantId, buyerIds)).map(rows -> {
                    Map<UUID, Integer> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getUUID("buyer_id"), r.getInteger("grade")));
                    return out;
                });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
