package io.tradecredit.invoice.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
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
        return ofInvoices(List.of(tenantId), List.of(invoiceId));
    }

    /**
     * The entries of these invoices (of these tenants: a batch of the daily job spans tenants), with
     * one statement however many; each invoice's oldest first.
     */
    public Uni<List<LedgerEntry>> ofInvoices(Collection<String> tenantIds, Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select id, tenant_id, buyer_id, invoice_id, kind, amount, currency, effective_date, reference_id, note,
                    created_at, created_by
                from ledger_entry where tenant_id in (:t) and invoice_id in (:ids)
                order by invoice_id, effective_date, created_at""",
                Tuple.class).setParameter("t", tenantIds).setParameter("ids", invoiceIds).getResultList())
                .map(rows -> rows.stream().map(LedgerRepository::toEntry).toList());
    }

    /** Per invoice, the sum of entries effective on or before {@code asOf} (what it had been reduced by). */
    public Uni<Map<UUID, BigDecimal>> reductionsAsOf(String tenantId, Collection<UUID> invoiceIds, LocalDate asOf) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select invoice_id, sum(amount) as reduced from ledger_entry
                where tenant_id = :t and invoice_id in (:ids) and effective_date <= :d group by invoice_id""",
                Tuple.class).setParameter("t", tenantId).setParameter("ids", invoiceIds).setParameter("d", asOf)
                .getResultList())
                .map(rows -> {
                    Map<UUID, BigDecimal> sums = new HashMap<>();
                    rows.forEach(r -> sums.put(r.get("invoice_id", UUID.class), r.get("reduced", BigDecimal.class)));
                    return sums;
                });
    }

    /** A row of ledger_entry (its columns as {@link #ofInvoices} selects them; the receivables read them too). */
    static LedgerEntry toEntry(Tuple r) {
        return new LedgerEntry(r.get("id", UUID.class), r.get("tenant_id", String.class),
                r.get("buyer_id", UUID.class), r.get("invoice_id", UUID.class),
                LedgerEntry.Kind.valueOf(r.get("kind", String.class)), Rows.money(r, "amount", "currency"),
                r.get("effective_date", LocalDate.class), r.get("reference_id", UUID.class),
                r.get("note", String.class), r.get("created_at", OffsetDateTime.class),
                r.get("created_by", String.class));
    }
}
