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
     * The worklist's entries: every case not closed (of {@code owner} when given), and, without an
     * owner, every buyer with an open task and no such case (keyed by its own id).
     */
    static final String ENTRIES = """
            with entry as (
                select c.buyer_id, c.id as case_id, c.id as sort_key, c.next_action_on
                from collection_case c
                where c.tenant_id = $1 and c.state <> 'CLOSED' and ($2::text is null or c.owner = $2)
                union all
                select distinct t.buyer_id, null::uuid, t.buyer_id, null::date
                from collector_task t
                where t.tenant_id = $1 and t.done_on is null and $2::text is null
                  and not exists (select 1 from collection_case c where c.tenant_id = $1 and c.buyer_id = t.buyer_id
                                  and c.state <> 'CLOSED')
            )""";
    static final String COUNT = ENTRIES + " select count(*) as total from entry";
    /**
     * One page: a buyer's amount points in its best currency (floor of overdue / amount per point of
     * that currency, else the other amount per point), days past due of its oldest overdue invoice,
     * grade, broken promises on the case, the bonus for an action due; ties as the Java rule breaks
     * them (earlier next action, none last; more days past due; the key in uuid order).
     */
    static final String PAGE = ENTRIES + """
            , owed as (
                select o.buyer_id, trim(o.currency) as currency, sum(o.collectible_amount) as amount, min(o.due_date) as oldest
                from open_invoice o
                where o.tenant_id = $1 and o.state = 'OPEN' and o.due_date < $3 and o.collectible_amount > 0
                  and o.buyer_id in (select buyer_id from entry)
                group by o.buyer_id, trim(o.currency)
            ), figures as (
                select buyer_id, $3::date - min(oldest) as days,
                    max(floor(amount / coalesce(($4::text::jsonb ->> currency)::numeric, $5::text::numeric)))::bigint as amount_points
                from owed group by buyer_id
            ), ranked as (
                select e.buyer_id, e.case_id, e.sort_key, e.next_action_on, coalesce(f.days, 0) as days,
                    coalesce(f.amount_points, 0) + $6::bigint * coalesce(f.days, 0) + $7::bigint * coalesce(b.grade, 0)
                        + $8::bigint * coalesce(p.broken, 0)
                        + case when e.next_action_on <= $3 then $9::bigint else 0 end as points
                from entry e
                left join figures f on f.buyer_id = e.buyer_id
                left join buyer b on b.tenant_id = $1 and b.buyer_id = e.buyer_id
                left join (select case_id, count(*) as broken from promise_to_pay
                           where tenant_id = $1 and outcome = 'BROKEN' group by case_id) p on p.case_id = e.case_id
            )
            select buyer_id, case_id, points from ranked
            order by points desc, next_action_on asc nulls last, days desc, sort_key asc
            limit $10 offset $11""";

    @Inject
    ObjectMapper json;

    /** A buyer's overdue balance in one currency and the due date of its oldest overdue invoice. */
    public record Overdue(UUID buyerId, String currency, BigDecimal amount, LocalDate oldestDueDate) {
    }

    /** A worklist entry of a page, in order: the buyer, its case (null: only tasks) and its points. */
    public record Ranked(UUID buyerId, UUID caseId, long points) {
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
            rows.forEach(r -> out.add(new Ranked(r.getUUID("buyer_id"), r.getUUID("case_id"), r.getLong("points"))));
            return out;
        });
    }

    /** How many entries the tenant's worklist (of {@code owner} when given) has. */
    public Uni<Long> count(String tenantId, String owner) {
        return CurrentTransaction.execute(COUNT, Tuple.of(tenantId, owner))
                .map(rows -> rows.iterator().next().getLong("total"));
    }

    /** The collectible amounts of the buyers' open invoices past their due date on {@code today}, per currency. */
    public Uni<List<Overdue>> overdueOf(String tenantId, UUID[] buyerIds, LocalDate today) {
        return CurrentTransaction.execute("select buyer_id, currency, sum(collectible_amount) as amount,"
                + " min(due_date) as oldest from open_invoice where tenant_id = $1 and buyer_id = any($2)"
                + " and state = 'OPEN' and due_date < $3 and collectible_amount > 0 group by buyer_id, currency",
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
