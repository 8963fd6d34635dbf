package io.tradecredit.devstack.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What happens to the demo book's invoices after they are issued, each on its own date. */
public final class BookEvents {
    private BookEvents() {
    }

    /** A payment received; {@code invoiceNumber} null leaves the allocation to invoice-service (oldest first). */
    public record Payment(DemoBuyer buyer, String invoiceNumber, LocalDate receivedOn, BigDecimal amount) {
    }

    /** Part of an invoice disputed by its buyer. */
    public record Dispute(DemoInvoice invoice, LocalDate raisedOn, BigDecimal amount, String description) {
    }

    /** Overdue invoices put on a payment plan of monthly instalments. */
    public record Plan(DemoBuyer buyer, List<DemoInvoice> invoices, LocalDate agreedOn, LocalDate firstDue,
            int instalments) {
    }

    /** An insolvency filing reported against the buyer. */
    public record Insolvency(DemoBuyer buyer, LocalDate filedOn, String court) {
    }
}
