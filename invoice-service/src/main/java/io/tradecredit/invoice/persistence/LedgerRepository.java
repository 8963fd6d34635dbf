package io.tradecredit.invoice.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.BulkInsert.Column;
import io.tradecredit.common.persistence.BulkInsert;
import io.tradecredit.common.persistence.Rows;
import io.tradecredit.invoice.domain.LedgerEntry;

/** The dated ledger entries of invoices (see {@link LedgerEntry}); written in the caller's transaction. */
@ApplicationScoped
public class LedgerRepository {

    public Uni<Void> record(LedgerEntry e) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into ledger_entry (id, tenant_id, buyer_id, invoice_id, kind, amount, currency, effective_date,
                    reference_id, note, created_at, created_by)
                values (:id, :t, :b, :i, :k, :a, :c, :d, :r, :n, :at, :by)""")
                .setParameter("id", e.id()).setParameter("t", e.tenantId()).setParameter("b", e.buyerId())
                .setParameter("i", e.invoiceId()).setParameter("k", e.kind().name())
                .setParameter("a", e.amount().amount()).setParameter("c", e.amount().currencyCode())
                .setParameter("d", e.effectiveDate()).setParameter("r", e.referenceId()).setParameter("n", e.note())
                .setParameter("at", e.createdAt()).setParameter("by", e.createdBy()).executeUpdate())
                .replaceWithVoid();
    }

    private static final List<Column> COLUMNS = List.of(new Column("id", "uuid"), Column.text("tenant_id"),
            new Column("buyer_id", "uuid"), new Column("invoice_id", "uuid"), Column.text("kind"),
            new Column("amount", "numeric"), Column.text("currency"), new Column("effective_date", "date"),
            new Column("reference_id", "uuid"), Column.text("note"), new Column("created_at", "timestamptz"),
            Column.text("created_by"));

    /** Many entries with one statement, in the caller's transaction. */
    public Uni<Void> recordAll(List<LedgerEntry> entries) {
        return BulkInsert.into("ledger_entry", COLUMNS, entries,
                e -> Arrays.asList(e.id(), e.tenantId(), e.buyerId(), e.invoiceId(), e.kind().name(), e.amount().amount(),
                        e.amount().currencyCode(), e.effectiveDate(), e.referenceId(), e.note(), e.createdAt(),
                        e.createdBy()));
    }

    /** The entries of one invoice, oldest first. */
    public Uni<List<LedgerEntry>> ofInvoice(String tenantId, UUID invoiceId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select id, tenant_id, buyer_id, invoice_id, kind, amount, currency, effective_date, reference_id, note,
                    created_at, created_by
                from ledger_entry where tenant_id = :t and invoice_id = :i order by effective_date, created_at""",
                Object[].class).setParameter("t", tenantId).setParameter("i", invoiceId).getResultList())
                .map(rows -> rows.stream().map(LedgerRepository::toEntry).toList());
    }

    /** Per invoice, the sum of entries effective on or before {@code asOf} (what it had been reduced by). */
    public Uni<Map<UUID, BigDecimal>> reductionsAsOf(String tenantId, Collection<UUID> invoiceIds, LocalDate asOf) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select invoice_id, sum(amount) from ledger_entry
                where tenant_id = :t and invoice_id in (:ids) and effective_date <= :d group by invoice_id""",
                Object[].class).setParameter("t", tenantId).setParameter("ids", invoiceIds).setParameter("d", asOf)
                .getResultList())
                .map(rows -> {
                    Map<UUID, BigDecimal> sums = new HashMap<>();
                    rows.forEach(r -> sums.put((UUID) r[0], (BigDecimal) r[1]));
                    return sums;
                });
    }

    static LedgerEntry toEntry(Object[] r) {
        return new LedgerEntry((UUID) r[0], (String) r[1], (UUID) r[2], (UUID) r[3], LedgerEntry.Kind.valueOf((String) r[4]),
                Money.rounded((BigDecimal) r[5], Money.currencyOf(((String) r[6]).trim())), Rows.date(r[7]), (UUID) r[8],
                (String) r[9], Rows.offsetDateTime(r[10]), (String) r[11]);
    }
}
