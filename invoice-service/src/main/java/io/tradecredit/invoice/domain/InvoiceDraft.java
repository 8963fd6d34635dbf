package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * An invoice as submitted, before validation: any field may be missing. {@link InvoiceRules}
 * names every missing or invalid one.
 */
public record InvoiceDraft(String invoiceNumber, LocalDate issueDate, LocalDate shipmentDate, Party seller,
        UUID buyerId, Party buyer, String purchaseOrderNumber, List<Line> lines, Money tax, Money total,
        LocalDate dueDate, String paymentTerms) {

    /** A submitted line; quantity and price may be missing too. The unit price may have more decimals than money. */
    public record Line(String description, java.math.BigDecimal quantity, UnitPrice unitPrice) {
        /** A line priced in whole money, e.g. 100.00 CNY. */
        public Line(String description, java.math.BigDecimal quantity, Money unitPrice) {
            this(description, quantity, unitPrice == null ? null : UnitPrice.of(unitPrice));
        }
    }
}
