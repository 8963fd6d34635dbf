package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * An entry as a buyer statement lists it: a ledger entry on one of its invoices (with the invoice's number), or a
 * movement of the buyer's credit (no invoice, but credit kept from a credit note names the note and its invoice). A positive amount reduced what the buyer owes net of its credit, a
 * negative one raised it, so the entries reconcile with the totals: what was invoiced less the entries is the
 * balance, and the credit entries add up to the credit held. 12,000.00 paid on a 10,000.00 invoice is a PAYMENT of
 * 10,000.00 and a CREDIT_KEPT of 2,000.00; that 2,000.00 applied later to another invoice is a PAYMENT of 2,000.00
 * on it and a CREDIT_APPLIED of -2,000.00 (the balance unchanged); 500.00 kept as credit and bounced is a CREDIT_KEPT
 * of 500.00 and a CREDIT_REVERSED of -500.00, both on the day it was received (a bounced payment never paid, as its
 * PAYMENT_REVERSAL entries are dated). {@code creditNoteNumber}: the credit note a CREDIT_NOTE_KEPT entry kept credit
 * from (null on other entries), so a buyer finds it among its documents.
 */
public record StatementEntry(Kind kind, LocalDate effectiveDate, UUID invoiceId, String invoiceNumber, Money amount,
        UUID referenceId, String note, String creditNoteNumber, OffsetDateTime createdAt) {

    /** The credit note a movement of the buyer's credit came from: its number and the invoice it credits. */
    public record CreditNoteOf(String number, UUID invoiceId, String invoiceNumber) {
    }

    public enum Kind {
        /** Part of a payment, or of the buyer's credit, applied to the invoice; reference = payment or application id. */
        PAYMENT,
        /** A payment allocation taken back (negative); reference = payment id. */
        PAYMENT_REVERSAL,
        /** A credit note on the invoice; reference = credit note id. */
        CREDIT_NOTE,
        /** The open rest written off as bad debt. */
        WRITE_OFF,
        /** A payment, or the part of one beyond the invoices it settled, kept as the buyer's credit; reference = payment id. */
        CREDIT_KEPT,
        /**
         * The part of an upheld dispute's credit note the buyer had paid already, kept as its credit; reference = credit
         * note id, with its number and the invoice it credits.
         */
        CREDIT_NOTE_KEPT,
        /** Credit applied to invoices (negative; its PAYMENT entries carry the same reference = the application id). */
        CREDIT_APPLIED,
        /** The credit of a payment reversed as posted in error (negative), on the day the payment was received; reference = payment id. */
        CREDIT_REVERSED,
        /** Penalty interest charged on the invoice in the period (negative), on the statement's date; see {@link LateChargeEntries}. */
        LATE_INTEREST,
        /** The one-off late fee charged on the invoice (negative), on the day it fell due. */
        LATE_FEE,
        /** Late charges on the invoice given up by waivers in the period (positive); reference = the latest waiver's id. */
        LATE_CHARGES_WAIVED
    }

    /**
     * In the order they took effect; on a day, those on invoices before those of the credit (a payment applied, then
     * its excess kept; credit applied, then taken from the credit), each in the order recorded.
     */
    public static final Comparator<StatementEntry> IN_ORDER = Comparator.comparing(StatementEntry::effectiveDate)
            .thenComparing(StatementEntry::isCredit)
            .thenComparing(StatementEntry::createdAt, Comparator.nullsLast(Comparator.naturalOrder()));

    /** A ledger entry on the buyer's invoice numbered {@code invoiceNumber}. */
    public static StatementEntry of(LedgerEntry e, String invoiceNumber) {
        Kind kind = switch (e.kind()) {
            case PAYMENT -> Kind.PAYMENT;
            case PAYMENT_REVERSAL -> Kind.PAYMENT_REVERSAL;
            case CREDIT_NOTE -> Kind.CREDIT_NOTE;
            case WRITE_OFF -> Kind.WRITE_OFF;
        };
        return new StatementEntry(kind, e.effectiveDate(), e.invoiceId(), invoiceNumber, e.amount(), e.referenceId(),
                e.note(), null, e.createdAt());
    }

    /**
     * A movement of the buyer's credit: its signed amount (+ kept, - applied or removed), on its day, but a reversed
     * payment's removal on the day the payment was received ({@code paymentReceivedOn}; null for other movements).
     * Credit kept from a credit note names the note and the invoice it credits ({@code creditNote}; null for other
     * movements): 2,000.00 of CN-000002 on INV-000001, which the buyer had paid in full.
     */
    public static StatementEntry of(CreditMovement m, LocalDate paymentReceivedOn, CreditNoteOf creditNote) {
        return switch (m.kind()) {
            case OVERPAYMENT -> credit(Kind.CREDIT_KEPT, m, m.occurredOn(), "kept as credit");
            case CREDIT_NOTE -> creditNote == null
                    ? credit(Kind.CREDIT_NOTE_KEPT, m, m.occurredOn(), "credit note, paid part kept as credit")
                    : new StatementEntry(Kind.CREDIT_NOTE_KEPT, m.occurredOn(), creditNote.invoiceId(),
                            creditNote.invoiceNumber(), m.amount(), m.referenceId(), "credit note " + creditNote.number()
                                    + " on invoice " + creditNote.invoiceNumber() + ", paid part kept as credit",
                            creditNote.number(), m.createdAt());
            case APPLIED -> credit(Kind.CREDIT_APPLIED, m, m.occurredOn(), "credit applied to invoices");
            case PAYMENT_REVERSED -> credit(Kind.CREDIT_REVERSED, m,
                    paymentReceivedOn != null ? paymentReceivedOn : m.occurredOn(), "payment reversed: credit removed");
        };
    }

    private static StatementEntry credit(Kind kind, CreditMovement m, LocalDate on, String note) {
        return new StatementEntry(kind, on, null, null, m.amount(), m.referenceId(), note, null, m.createdAt());
    }

    /** Whether the entry is a movement of the buyer's credit rather than on an invoice (it may name one). */
    public boolean isCredit() {
        return switch (kind) {
            case CREDIT_KEPT, CREDIT_NOTE_KEPT, CREDIT_APPLIED, CREDIT_REVERSED -> true;
            default -> false;
        };
    }
}
