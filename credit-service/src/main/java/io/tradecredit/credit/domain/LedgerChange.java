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
 * {@code paidByBuyer} what the buyer had paid of an invoice written off, or settled by its credit insurer's indemnity
 * (its own payments still standing), and how late, as invoice-service's {@code written-off} and {@code paid} tell it;
 * {@code paidByInsurer} what the insurer's indemnity paid of it (not the buyer's money: not its payment behaviour).
 */
public record LedgerChange(UUID invoiceId, String invoiceNumber, Money total, Money openAmount, LocalDate dueDate,
        BigDecimal disputedDelta, LocalDate paidOn, Integer daysPastDue, LocalDate issueDate, Money writtenOff,
        LocalDate writtenOffOn, boolean creditNote, PaidBefore paidByBuyer, Money paidByInsurer) {

    /** What the buyer had paid of an invoice before its rest was written off, and its last payment's days past due. */
    public record PaidBefore(Money amount, int daysPastDue) {
    }

    /** A change that tells nothing the insurer paid. */
    public LedgerChange(UUID invoiceId, String invoiceNumber, Money total, Money openAmount, LocalDate dueDate,
            BigDecimal disputedDelta, LocalDate paidOn, Integer daysPastDue, LocalDate issueDate, Money writtenOff,
            LocalDate writtenOffOn, boolean creditNote, PaidBefore paidByBuyer) {
        this(invoiceId, invoiceNumber, total, openAmount, dueDate, disputedDelta, paidOn, daysPastDue, issueDate,
                writtenOff, writtenOffOn, creditNote, paidByBuyer, null);
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
        return writeOff(invoiceId, openAfter, amount, on, paidBefore, null);
    }

    /**
     * The same, the buyer's credit insurer having paid {@code paidByInsurer} of it (a claim's indemnity, the rest
     * written off as the insured loss; null: nothing, or not told by an event published before invoice-service told it).
     */
    public static LedgerChange writeOff(UUID invoiceId, Money openAfter, Money amount, LocalDate on,
            PaidBefore paidBefore, Money paidByInsurer) {
        Objects.requireNonNull(on, "a write-off's day");
        return new LedgerChange(invoiceId, null, null, openAfter, null, null, null, null, null, amount, on, false,
                paidBefore, paidByInsurer);
    }

    /**
     * The invoice paid in full on {@code paidOn}, {@code daysPastDue} after its due date (to the settling entry);
     * when its credit insurer's indemnity settled it, {@code paidByInsurer} of it was the insurer's and
     * {@code paidByBuyer} (null: nothing) the buyer's own, at its last payment's days past due.
     */
    public static LedgerChange paid(UUID invoiceId, Money openAfter, LocalDate paidOn, int daysPastDue,
            PaidBefore paidByBuyer, Money paidByInsurer) {
        return new LedgerChange(invoiceId, null, null, openAfter, null, null, paidOn, daysPastDue, null, null, null,
                false, paidByBuyer, paidByInsurer);
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
                issueDate, writtenOff, writtenOffOn, creditNote, paidByBuyer, paidByInsurer);
    }
}
