package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * What one invoice event says about one invoice, as credit-service needs it. {@code total},
 * {@code invoiceNumber}, {@code dueDate} and {@code issueDate} are set when the event introduces the invoice;
 * {@code disputedDelta} is positive when a dispute opens and negative when one ends; {@code writtenOff} is what a
 * write-off gave up, on {@code writtenOffOn} (the business day of the event, the reader's to say); {@code creditNote}
 * when a credit note brought the open amount down to {@code openAmount} (what it took off is credited, not paid);
 * {@code paidBeforeWriteOff} what the buyer had paid of an invoice written off (its payments still standing) and how
 * late, as invoice-service's {@code written-off} tells it.
 */
public record LedgerChange(UUID invoiceId, String invoiceNumber, Money total, Money openAmount, LocalDate dueDate,
        BigDecimal disputedDelta, LocalDate paidOn, Integer daysPastDue, LocalDate issueDate, Money writtenOff,
        LocalDate writtenOffOn, boolean creditNote, PaidBefore paidBeforeWriteOff) {

    /** What the buyer had paid of an invoice before its rest was written off, and its last payment's days past due. */
    public record PaidBefore(Money amount, int daysPastDue) {
    }

    /** A change that tells nothing paid before a write-off. */
    public LedgerChange(UUID invoiceId, String invoiceNumber, Money total, Money openAmount, LocalDate dueDate,
            BigDecimal disputedDelta, LocalDate paidOn, Integer daysPastDue, LocalDate issueDate, Money writtenOff,
            LocalDate writtenOffOn, boolean creditNote) {
        this(invoiceId, invoiceNumber, total, openAmount, dueDate, disputedDelta, paidOn, daysPastDue, issueDate,
                writtenOff, writtenOffOn, creditNote, null);
    }

    /** A change that is not a credit note. */
    public LedgerChange(UUID invoiceId, String invoiceNumber, Money total, Money openAmount, LocalDate dueDate,
            BigDecimal disputedDelta, LocalDate paidOn, Integer daysPastDue, LocalDate issueDate, Money writtenOff,
            LocalDate writtenOffOn) {
        this(invoiceId, invoiceNumber, total, openAmount, dueDate, disputedDelta, paidOn, daysPastDue, issueDate,
                writtenOff, writtenOffOn, false);
    }

    /** A change that may introduce the invoice (with its issue date), not a write-off. */
    public LedgerChange(UUID invoiceId, String invoiceNumber, Money total, Money openAmount, LocalDate dueDate,
            BigDecimal disputedDelta, LocalDate paidOn, Integer daysPastDue, LocalDate issueDate) {
        this(invoiceId, invoiceNumber, total, openAmount, dueDate, disputedDelta, paidOn, daysPastDue, issueDate,
                null, null);
    }

    /** A change that does not introduce the invoice (no issue date). */
    public LedgerChange(UUID invoiceId, String invoiceNumber, Money total, Money openAmount, LocalDate dueDate,
            BigDecimal disputedDelta, LocalDate paidOn, Integer daysPastDue) {
        this(invoiceId, invoiceNumber, total, openAmount, dueDate, disputedDelta, paidOn, daysPastDue, null);
    }

    /** The open rest of the invoice written off as bad debt: {@code amount} given up, leaving {@code openAfter}. */
    public static LedgerChange writeOff(UUID invoiceId, Money openAfter, Money amount, LocalDate on) {
        return writeOff(invoiceId, openAfter, amount, on, null);
    }

    /**
     * The same, the buyer having paid {@code paidBefore} of the invoice before (null: nothing, or not told by an
     * event published before invoice-service told it).
     */
    public static LedgerChange writeOff(UUID invoiceId, Money openAfter, Money amount, LocalDate on,
            PaidBefore paidBefore) {
        Objects.requireNonNull(on, "a write-off's day");
        return new LedgerChange(invoiceId, null, null, openAfter, null, null, null, null, null, amount, on, false,
                paidBefore);
    }

    /** A credit note that left {@code openAfter} open on the invoice (what it gave back as buyer credit is not here). */
    public static LedgerChange creditNote(UUID invoiceId, Money openAfter) {
        return new LedgerChange(invoiceId, null, null, openAfter, null, null, null, null, null, null, null, true);
    }

    public static LedgerChange open(UUID invoiceId, Money openAmount) {
        return new LedgerChange(invoiceId, null, null, openAmount, null, null, null, null);
    }

    /** Whether it says enough to start a position: the invoice's total and due date. */
    public boolean introducesInvoice() {
        return total != null && dueDate != null;
    }

    public LedgerChange withDueDate(LocalDate due) {
        return new LedgerChange(invoiceId, invoiceNumber, total, openAmount, due, disputedDelta, paidOn, daysPastDue,
                issueDate, writtenOff, writtenOffOn, creditNote, paidBeforeWriteOff);
    }
}
