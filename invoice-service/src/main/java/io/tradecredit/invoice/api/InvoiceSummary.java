package io.tradecredit.invoice.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.InvoiceStanding;
import io.tradecredit.invoice.domain.InvoiceStatus;

/** A line of an invoice list. */
public record InvoiceSummary(UUID id, String invoiceNumber, UUID buyerId, String buyerName, InvoiceStatus status,
        LocalDate issueDate, LocalDate dueDate, Money total, Money open, Money disputed, int daysPastDue,
        OffsetDateTime receiptConfirmedAt) {

    public static InvoiceSummary of(Invoice i, InvoiceStanding s) {
        return new InvoiceSummary(i.id, i.invoiceNumber, i.buyerId, i.buyerName, s.status(), i.issueDate, i.dueDate,
                i.total(), s.open(), s.disputed(), s.daysPastDue(), i.receiptConfirmedAt);
    }
}
