package io.tradecredit.credit.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The credit check's two statements: one query for everything the decision needs (the buyer's
 * profile and its open positions summed, in the limit's currency), one insert for the record.
 * Kept to plain SQL because the check is the service's hot path.
 */
@ApplicationScoped
public class CreditCheckRepository {
    static final String SNAPSHOT = """
            select b.blocked, b.block_reason, b.grade, b.credit_limit, b.currency, b.payment_term_days,
                (select coalesce(sum(p.open_amount), 0) from invoice_position p
                    where p.tenant_id = b.tenant_id and p.buyer_id = b.id and p.open_amount > 0
                      and p.currency = b.currency),
                (select coalesce(sum(p.open_amount), 0) from invoice_position p
                    where p.tenant_id = b.tenant_id and p.buyer_id = b.id and p.open_amount > 0
                      and p.currency = b.currency and p.due_date < :today),
                (select min(p.due_date) from invoice_position p
                    where p.tenant_id = b.tenant_id and p.buyer_id = b.id and p.open_amount > 0
                      and p.due_date < :today),
                exists (select 1 from invoice_position p where p.tenant_id = b.tenant_id and p.buyer_id = b.id)
            from buyer b where b.tenant_id = :t and b.id = :id""";
    static final String RECORD = """
            insert into credit_check (id, tenant_id, buyer_id, currency, order_amount, outcome, reasons, exposure_after,
                credit_limit, grade, term_days, checked_by, checked_at)
            values (:id, :t, :b, :c, :amount, :outcome, :reasons, :after, :limit, :grade, :terms, :by, :at)""";

    /** What the check reads about a buyer; {@code oldestOverdueDue} is null when nothing is overdue. */
    public record Snapshot(boolean blocked, String blockReason, Integer grade, BigDecimal creditLimit, String currency,
            int paymentTermDays, BigDecimal exposure, BigDecimal overdue, LocalDate oldestOverdueDue,
            boolean tradedBefore) {
    }

    public record CheckRow(UUID id, String tenantId, UUID buyerId, String currency, BigDecimal orderAmount,
            String outcome, String reasons, BigDecimal exposureAfter, BigDecimal creditLimit, Integer grade,
            int termDays, String checkedBy, OffsetDateTime checkedAt) {
    }

    public Uni<Snapshot> snapshot(String tenantId, UUID buyerId, LocalDate today) {
        return Panache.getSession().chain(s -> s.createNativeQuery(SNAPSHOT, Object[].class)
                .setParameter("t", tenantId).setParameter("id", buyerId).setParameter("today", today)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : toSnapshot(rows.get(0)));
    }

    public Uni<Void> record(CheckRow r) {
        return Panache.getSession().chain(s -> s.createNativeQuery(RECORD)
                .setParameter("id", r.id()).setParameter("t", r.tenantId()).setParameter("b", r.buyerId())
                .setParameter("c", r.currency()).setParameter("amount", r.orderAmount())
                .setParameter("outcome", r.outcome()).setParameter("reasons", r.reasons())
                .setParameter("after", r.exposureAfter()).setParameter("limit", r.creditLimit())
                .setParameter("grade", r.grade()).setParameter("terms", r.termDays())
                .setParameter("by", r.checkedBy()).setParameter("at", r.checkedAt())
                .executeUpdate()).replaceWithVoid();
    }

    private static Snapshot toSnapshot(Object[] r) {
        return new Snapshot((Boolean) r[0], (String) r[1], r[2] == null ? null : ((Number) r[2]).intValue(),
                (BigDecimal) r[3], ((String) r[4]).strip(), ((Number) r[5]).intValue(), (BigDecimal) r[6],
                (BigDecimal) r[7], toDate(r[8]), (Boolean) r[9]);
    }

    private static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
