package io.tradecredit.invoice.persistence;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.BulkInsert.Column;
import io.tradecredit.common.persistence.BulkInsert;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.InvoiceLinesConverter;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The batch import's statements, on the reactive SQL client: a batch of up to 1,000 new invoices
 * is written with one statement instead of 1,000 entity inserts, because a Hibernate session
 * spent more CPU on bookkeeping the new entities (persist events, dirty checks at every flush)
 * than PostgreSQL spent storing them. Every statement takes the tenant and runs in the current
 * transaction, on its connection.
 */
@ApplicationScoped
public class InvoiceBatchRepository {
    private static final InvoiceLinesConverter LINES = new InvoiceLinesConverter();
    private static final List<Column> COLUMNS = List.of(new Column("id", "uuid"), Column.text("tenant_id"),
            Column.text("invoice_number"), new Column("issue_date", "date"), new Column("shipment_date", "date"),
            new Column("issued_late", "boolean"), Column.text("seller_name"), Column.text("seller_address"),
            Column.text("seller_tax_id"), Column.text("seller_bank_account"), new Column("buyer_id", "uuid"),
            Column.text("buyer_name"), Column.text("buyer_address"), Column.text("buyer_tax_id"),
            Column.text("po_number"), Column.text("currency"), Column.text("lines"),
            new Column("tax_amount", "numeric"), new Column("total_amount", "numeric"), new Column("due_date", "date"),
            Column.text("payment_terms"), Column.text("status"), new Column("paid_amount", "numeric"),
            new Column("credited_amount", "numeric"), new Column("written_off_amount", "numeric"),
            new Column("disputed_amount", "numeric"), new Column("created_at", "timestamptz"),
            new Column("version", "bigint"), new Column("beyond_agreed_terms", "boolean"),
            new Column("late_daily_rate", "numeric"), new Column("late_fee_after_days", "int"),
            new Column("late_fee_rate", "numeric"), Column.text("late_charge_terms_source"),
            Column.text("late_legal_basis"));
    private static final String EXISTING = "select invoice_number from invoice where tenant_id = $1"
            + " and invoice_number = any($2::text[])";

    /** Which of these invoice numbers the tenant already has. */
    public Uni<Set<String>> existingNumbers(String tenantId, Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return CurrentTransaction.execute(EXISTING, Tuple.of(tenantId, numbers.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> found = new HashSet<>();
                    for (Row row : rows) {
                        found.add(row.getString("invoice_number"));
                    }
                    return found;
                });
    }

    /**
     * Inserts newly issued invoices (nothing paid, credited or disputed yet), with the late-charge terms each
     * was issued under, in one statement.
     */
    public Uni<Void> insertIssued(List<Invoice> invoices) {
        return BulkInsert.into("invoice", COLUMNS, invoices, i -> Arrays.asList(i.id, i.tenantId,
                i.invoiceNumber, i.issueDate, i.shipmentDate, i.issuedLate, i.sellerName, i.sellerAddress,
                i.sellerTaxId, i.sellerBankAccount, i.buyerId, i.buyerName, i.buyerAddress, i.buyerTaxId,
                i.purchaseOrderNumber, i.currency, LINES.convertToDatabaseColumn(i.lines), i.taxAmount,
                i.totalAmount, i.dueDate, i.paymentTerms, i.status, i.paidAmount, i.creditedAmount,
                i.writtenOffAmount, i.disputedAmount, i.createdAt, i.version, i.beyondAgreedTerms,
                i.lateDailyRate, i.lateFeeAfterDays, i.lateFeeRate, i.lateChargeTermsSource, i.lateLegalBasis));
    }
}
