package io.tradecredit.collections.persistence;

import static io.tradecredit.common.persistence.CurrentTransaction.params;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.CollectorTask;
import io.tradecredit.collections.domain.InvoiceNow;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Tuple;

/** Collectors' tasks from the ladder, always within the caller's tenant. */
@ApplicationScoped
public class TaskRepository {
    private static final String COLUMNS =
            "id, buyer_id, item_reference, step_key, action_key, due_on, created_at, done_on, done_by";

    /** Adds the task unless the same step already gave the item this task (a re-run adds nothing). */
    public Uni<Boolean> insert(String tenantId, CollectorTask t) {
        return CurrentTransaction.execute("insert into collector_task (tenant_id, " + COLUMNS + ")"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, null, null) on conflict do nothing returning id",
                params(tenantId, t.id(), t.buyerId(), t.itemReference(), t.stepKey(), t.actionKey(), t.dueOn(),
                        t.createdAt()))
                .map(rows -> rows.size() == 1);
    }

    /** The open tasks of the buyers, by due date. */
    public Uni<List<CollectorTask>> openOf(String tenantId, UUID[] buyerIds) {
        return many("select " + COLUMNS + " from collector_task where tenant_id = $1 and buyer_id = any($2)"
                + " and done_on is null order by due_on, id", Tuple.of(tenantId, buyerIds));
    }

    public Uni<List<CollectorTask>> find(String tenantId, UUID id) {
        return many("select " + COLUMNS + " from collector_task where tenant_id = $1 and id = $2", params(tenantId, id));
    }

    /** A concerned invoice as it stands now (cleared, or under a plan still agreed), with its plan (null: none). */
    public record ConcernedInvoice(UUID planId, InvoiceNow invoice) {
    }

    /** The invoices that are {@code invoiceIds} or covered by {@code planIds}, as the read model holds them now. */
    public Uni<List<ConcernedInvoice>> invoicesConcerned(String tenantId, UUID[] invoiceIds, UUID[] planIds) {
        return CurrentTransaction.execute("""
                select o.invoice_id, o.plan_id, o.invoice_number, o.state, o.currency, o.open_amount,
                    o.collectible_amount, exists (select 1 from payment_plan p where p.tenant_id = o.tenant_id
                        and p.plan_id = o.plan_id and p.state = 'AGREED') as under_plan, s.agency_code as settled_by_agency
                from open_invoice o left join agency_settled_invoice s on s.tenant_id = o.tenant_id
                    and s.invoice_id = o.invoice_id
                where o.tenant_id = $1 and (o.invoice_id = any($2) or o.plan_id = any($3))""",
                Tuple.of(tenantId, invoiceIds, planIds)).map(rows -> {
                    List<ConcernedInvoice> out = new ArrayList<>();
                    rows.forEach(r -> {
                        var currency = Money.currencyOf(r.getString("currency").trim());
                        out.add(new ConcernedInvoice(r.getUUID("plan_id"), new InvoiceNow(r.getUUID("invoice_id"),
                                r.getString("invoice_number"), r.getString("state"),
                                Money.rounded(r.getBigDecimal("open_amount"), currency),
                                Money.rounded(r.getBigDecimal("collectible_amount"), currency),
                                r.getBoolean("under_plan"), r.getString("settled_by_agency"))));
                    });
                    return out;
                });
    }

    /** Marks the open task cancelled on {@code on} by {@code by}, with the reason; false when it was no longer open. */
    public Uni<Boolean> cancelled(String tenantId, UUID id, LocalDate on, String by, String because) {
        return CurrentTransaction.execute("update collector_task set done_on = $3, done_by = $4, cancelled_because = $5"
                + " where tenant_id = $1 and id = $2 and done_on is null", params(tenantId, id, on, by, because))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Marks the task done; false when it was done already. */
    public Uni<Boolean> done(String tenantId, UUID id, LocalDate on, String by) {
        return CurrentTransaction.execute("update collector_task set done_on = $3, done_by = $4"
                + " where tenant_id = $1 and id = $2 and done_on is null", params(tenantId, id, on, by))
                .map(rows -> rows.rowCount() == 1);
    }

    private Uni<List<CollectorTask>> many(String sql, Tuple params) {
        return CurrentTransaction.execute(sql, params).map(rows -> {
            List<CollectorTask> out = new ArrayList<>();
            rows.forEach(r -> out.add(new CollectorTask(r.getUUID("id"), r.getUUID("buyer_id"), r.getString("item_reference"),
                    r.getString("step_key"), r.getString("action_key"), r.getLocalDate("due_on"),
                    r.getOffsetDateTime("created_at"), r.getLocalDate("done_on"), r.getString("done_by"))));
            return out;
        });
    }
}
