package io.tradecredit.credit.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.BulkInsert.Column;
import io.tradecredit.common.persistence.GroupedInsert;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The credit check's two statements: one query for everything the decision needs (the buyer's
 * profile and its open positions summed, in the limit's currency), one insert for the record.
 * Kept to plain SQL on the reactive client without a Hibernate session, because the check is the
 * service's hot path: a session per check cost more than the check itself (a native query's plan
 * was cached anew at every call, and its bulk-operation bookkeeping was logged as a warning at
 * every close). The read needs no transaction (one statement sees one snapshot); the records of
 * concurrent checks share one insert and one commit ({@link GroupedInsert}).
 */
@ApplicationScoped
public class CreditCheckRepository {
    /**
     * $1 tenant, $2 buyer, $3 today. One pass over the buyer's open positions: exposure and
     * overdue in the limit's currency, the oldest overdue due date in any currency. The rule is
     * {@code BuyerLedger.exposure} and {@code tradedBefore}; CreditCheckSnapshotFollowsTheRulesTest
     * pins this statement to it.
     */
    static final String SNAPSHOT = """
            select b.blocked, b.block_reason, b.grade, b.credit_limit, b.currency, b.payment_term_days,
                coalesce(p.exposure, 0) as exposure, coalesce(p.overdue, 0) as overdue, p.oldest_overdue_due,
                exists (select 1 from invoice_position t where t.tenant_id = b.tenant_id and t.buyer_id = b.id)
                    as traded_before
            from buyer b left join lateral (
                select sum(o.open_amount) filter (where o.currency = b.currency) as exposure,
                    sum(o.open_amount) filter (where o.currency = b.currency and o.due_date < $3) as overdue,
                    min(o.due_date) filter (where o.due_date < $3) as oldest_overdue_due
                from invoice_position o
                where o.tenant_id = b.tenant_id and o.buyer_id = b.id and o.open_amount > 0) p on true
            where b.tenant_id = $1 and b.id = $2""";
    static final List<Column> RECORD = List.of(new Column("id", "uuid"), Column.text("tenant_id"),
            new Column("buyer_id", "uuid"), Column.text("currency"), new Column("order_amount", "numeric"),
            Column.text("outcome"), Column.text("reasons"), new Column("exposure_after", "numeric"),
            new Column("credit_limit", "numeric"), new Column("grade", "int"), new Column("term_days", "int"),
            Column.text("checked_by"), new Column("checked_at", "timestamptz"));

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

    /** Decisions are group-committed: concurrent checks share one insert and one commit. */
    private GroupedInsert<CheckRow> records;

    @PostConstruct
    void init() {
        records = new GroupedInsert<>(pool, "credit_check", RECORD, r -> Arrays.asList(r.id(), r.tenantId(),
                r.buyerId(), r.currency(), r.orderAmount(), r.outcome(), r.reasons(), r.exposureAfter(),
                r.creditLimit(), r.grade(), r.termDays(), r.checkedBy(), r.checkedAt()));
    }

    /** The buyer as the check sees it, or null when the tenant has no such buyer. One statement, no transaction. */
    public Uni<Snapshot> snapshot(String tenantId, UUID buyerId, LocalDate today) {
        return pool.preparedQuery(SNAPSHOT).execute(Tuple.of(tenantId, buyerId, today))
                .map(rows -> rows.size() == 0 ? null : toSnapshot(rows.iterator().next()));
    }

    /** Records the decision; completes once it is committed. */
    public Uni<Void> record(CheckRow r) {
        return records.insert(r);
    }

    /** A row of {@link #SNAPSHOT}. */
    private static Snapshot toSnapshot(Row r) {
        return new Snapshot(r.getBoolean("blocked"), r.getString("block_reason"), r.getInteger("grade"),
                r.getBigDecimal("credit_limit"), r.getString("currency").strip(), r.getInteger("payment_term_days"),
                r.getBigDecimal("exposure"), r.getBigDecimal("overdue"), r.getLocalDate("oldest_overdue_due"),
                r.getBoolean("traded_before"));
    }
}
