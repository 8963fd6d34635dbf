package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * One dated change to what a buyer owes on an invoice. A positive amount reduces the open
 * amount (a payment allocated, a credit note, a write-off); a reversal is negative.
 */
public record LedgerEntry(UUID id, String tenantId, UUID buyerId, UUID invoiceId, Kind kind, Money amount,
        LocalDate effectiveDate, UUID referenceId, String note, OffsetDateTime createdAt, String createdBy) {

    public enum Kind {
        /** Part of a payment applied to the invoice; reference = payment id. */
        PAYMENT,
        /** A payment allocation taken back (negative amount); reference = payment id. */
        PAYMENT_REVERSAL,
        /** A credit note; reference = credit note id. */
        CREDIT_NOTE,
        /** The open rest written off as bad debt. */
        WRITE_OFF
    }

    public static LedgerEntry of(Invoice invoice, Kind kind, Money amount, LocalDate effectiveDate, UUID referenceId,
            String note, OffsetDateTime at, String by) {
        return new LedgerEntry(UUID.randomUUID(), invoice.tenantId, invoice.buyerId, invoice.id, kind, amount,
                effectiveDate, referenceId, note, at, by);
    }
}
