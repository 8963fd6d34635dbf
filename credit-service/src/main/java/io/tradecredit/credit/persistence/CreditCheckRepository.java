package io.tradecredit.credit.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The credit check's two statements: one query for everything the decision needs (the buyer's
 * profile and its open positions summed, in the limit's currency), one insert for the record.
 * Kept to plain SQL on the reactive client, in a transaction of their own and without a
 * Hibernate session, because the check is the service's hot path: a session per check cost
 * more than the check itself (a native query's plan was cached anew at every call, and its
 * bulk-operation bookkeeping was logged as a warning at every close).
 */
@ApplicationScoped
public class CreditCheckRepository {
    /** $1 tenant, $2 buyer, $3 today. */
    static final String SNAPSHOT = """
            select b.blocked, b.block_reason, b.grade, b.credit_limit, b.currency, b.payment_term_days,
                (select coalesce(sum(p.open_amount), 0) from invoice_position p
                    where p.tenant_id = b.tenant_id and p.buyer_id = b.id and p.open_amount > 0
                      and p.currency = b.currency),
                (select coalesce(sum(p.open_amount), 0) from invoice_position p
                    where p.tenant_id = b.tenant_id and p.buyer_id = b.id and p.open_amount > 0
                      and p.currency = b.currency and p.due_date < $3),
                (select min(p.due_date) from invoice_position p
                    where p.tenant_id = b.tenant_id and p.buyer_id = b.id and p.open_amount > 0
                      and p.due_date < $3),
                exists (select 1 from invoice_position p where p.tenant_id = b.tenant_id and p.buyer_id = b.id)
            from buyer b where b.tenant_id = $1 and b.id = $2""";
    static final String RECORD = """
            insert into credit_check (id, tenant_id, buyer_id, currency, order_amount, outcome, reasons, exposure_after,
                credit_limit, grade, term_days, checked_by, checked_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)""";

    /** What the check reads about a buyer; {@code oldestOverdueDue} is null when nothing is overdue. */
    public record Snapshot(boolean blocked, String blockReason, Integer grade, BigDecimal creditLimit, String currency,
            int paymentTermDays, BigDecimal exposure, BigDecimal overdue, LocalDate oldestOverdueDue,
            boolean tradedBefore) {
    }

    public record CheckRow(UUID id, String tenantId, UUID buyerId, String currency, BigDecimal orderAmount,
            String outcome, String reasons, BigDecimal exposureAfter, BigDecimal creditLimit, Integer grade,
            int termDays, String checkedBy, OffsetDateTime checkedAt) {
    }

    @Inject
    Pool pool;

    /** Runs {@code work} in one database transaction: committed when it succeeds, rolled back when it fails. */
    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    public Uni<Snapshot> snapshot(SqlConnection connection, String tenantId, UUID buyerId, LocalDate today) {
        return connection.preparedQuery(SNAPSHOT).execute(Tuple.of(tenantId, buyerId, today))
                .map(rows -> rows.size() == 0 ? null : toSnapshot(rows.iterator().next()));
    }

    public Uni<Void> record(SqlConnection connection, CheckRow r) {
        return connection.preparedQuery(RECORD).execute(Tuple.from(Arrays.asList(r.id(), r.tenantId(), r.buyerId(),
                r.currency(), r.orderAmount(), r.outcome(), r.reasons(), r.exposureAfter(), r.creditLimit(), r.grade(),
                r.termDays(), r.checkedBy(), r.checkedAt()))).replaceWithVoid();
    }

    private static Snapshot toSnapshot(Row r) {
        return new Snapshot(r.getBoolean(0), r.getString(1), r.getInteger(2), r.getBigDecimal(3), r.getString(4).strip(),
                r.getInteger(5), r.getBigDecimal(6), r.getBigDecimal(7), r.getLocalDate(8), r.getBoolean(9));
    }
}
