package io.tradecredit.collections.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Tuple;

/** What the worklist ranks buyers by, from the read model, in one statement per figure. */
@ApplicationScoped
public class WorklistRepository {

    /** A buyer's overdue balance in one currency and the due date of its oldest overdue invoice. */
    public record Overdue(UUID buyerId, String currency, BigDecimal amount, LocalDate oldestDueDate) {
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
}
