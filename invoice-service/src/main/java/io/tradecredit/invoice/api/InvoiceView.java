package io.tradecredit.invoice.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.InvoiceLine;
import io.tradecredit.invoice.domain.InvoiceStanding;
import io.tradecredit.invoice.domain.InvoiceStatus;

/**
 * An invoice as the API shows it, with where its amount stands and its days past due as of a date, and the
 * late-charge terms it was issued under (its charges follow them).
 */
public record InvoiceView(UUID id, String invoiceNumber, InvoiceStatus status, LocalDate issueDate,
        LocalDate shipmentDate, boolean issuedLate, boolean beyondAgreedTerms, Seller seller, Buyer buyer, String purchaseOrderNumber,
        List<InvoiceLine> lines, Money tax, Money total, LocalDate dueDate, String paymentTerms,
        LateChargeTermsJson.Applied lateChargeTerms, Amounts amounts,
        LocalDate asOf, int daysPastDue, Receipt receipt, UUID paymentPlanId, String closedReason, LocalDate closedOn,
        OffsetDateTime createdAt) {

    public record Seller(String name, String address, String taxId, String bankAccount) {
    }

    public record Buyer(UUID id, String name, String address, String taxId) {
    }

    public record Amounts(Money paid, Money credited, Money writtenOff, Money disputed, Money open, Money collectible) {
    }

    public record Receipt(String confirmedBy, OffsetDateTime confirmedAt) {
    }

    /** What the invoice's row says today: the answer to a change. */
    public static InvoiceView of(Invoice i, LocalDate today) {
        return of(i, InvoiceStanding.ofRow(i, today));
    }

    public static InvoiceView of(Invoice i, InvoiceStanding s) {
        return new InvoiceView(i.id, i.invoiceNumber, s.status(), i.issueDate, i.shipmentDate, i.issuedLate,
                i.beyondAgreedTerms,
                new Seller(i.sellerName, i.sellerAddress, i.sellerTaxId, i.sellerBankAccount),
                new Buyer(i.buyerId, i.buyerName, i.buyerAddress, i.buyerTaxId), i.purchaseOrderNumber, i.lines,
                i.tax(), i.total(), i.dueDate, i.paymentTerms, LateChargeTermsJson.Applied.of(i.lateChargeTerms()),
                new Amounts(s.paid(), s.credited(), s.writtenOff(), s.disputed(), s.open(), s.collectible()),
                s.asOf(), s.daysPastDue(),
                i.receiptConfirmedAt == null ? null : new Receipt(i.receiptConfirmedBy, i.receiptConfirmedAt),
                i.paymentPlanId, i.closedReason, i.closedOn, i.createdAt);
    }
}
