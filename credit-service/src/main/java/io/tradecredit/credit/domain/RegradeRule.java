package io.tradecredit.credit.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When something the receivables ledger reports about a buyer speaks to its credit, so that the
 * buyer is graded again (DOMAIN.md §1), and the cause the new assessment records: a payment
 * after the due date, an invoice falling overdue or written off or settled by the buyer's credit insurer (or paid by the
 * buyer after its insurer had paid part of it), a dispute opened or resolved, a missed
 * instalment or a broken payment plan; and, every day a buyer leaves invoices unpaid past their due date, the
 * daily overdue re-grade ({@link #overdueCause}), kept only when the grade moved ({@link #gradeMoved}); and a credit
 * note on an invoice past its due date, which takes what it credited out of the payment behaviour (an overdue
 * invoice credited to nothing no longer counts: without it, a grade it had brought down stayed down, the daily
 * re-grade looking only at buyers that still owe past due). Everything else (issue, receipt, payments on time or not
 * yet due, a credit note before the due date or of an upheld dispute, whose resolution re-grades, cancellations) only
 * moves amounts: the next assessment sees them in the positions.
 */
public final class RegradeRule {

    /** What happened, in the ledger's words. */
    public enum Happened {
        ISSUED, RECEIPT_CONFIRMED, WRITTEN_OFF, CREDIT_NOTE_ISSUED, CANCELLED, PAYMENT_RECEIVED, PAYMENT_REVERSED,
        BUYER_CREDIT_APPLIED, PAID, BECAME_OVERDUE, DISPUTE_OPENED, DISPUTE_RESOLVED, INSTALMENT_MISSED,
        PLAN_BROKEN,
        /** Paid in full by the buyer's credit insurer's indemnity ({@code paid} with {@code settledBy} INSURER). */
        SETTLED_BY_INSURER,
        /**
         * Paid in full by the buyer (its payment, credit or a credit note took the last of it) after its credit insurer's
         * indemnity had paid part of it ({@code paid} with {@code paidByInsurer} and another {@code settledBy}).
         */
        PAID_PARTLY_BY_INSURER
    }

    /**
     * One ledger event about a buyer: what happened and the details a cause names. {@code
     * invoiceNumber} for what happened to one invoice, {@code daysPastDue} for a payment in full,
     * {@code instalmentNumber} for a missed instalment, {@code reason} for a broken plan or, of a resolved dispute,
     * the adjustment of the buyer's credit policy its resolution asks for.
     */
    public record LedgerEvent(Happened happened, String invoiceNumber, Integer daysPastDue, Integer instalmentNumber,
            String reason) {

        public LedgerEvent {
            Objects.requireNonNull(happened, "happened");
        }

        /** An event that names nothing a cause needs. */
        public static LedgerEvent of(Happened happened) {
            return new LedgerEvent(happened, null, null, null, null);
        }

        public static LedgerEvent ofInvoice(Happened happened, String invoiceNumber) {
            return new LedgerEvent(happened, invoiceNumber, null, null, null);
        }

        /** A credit note on an invoice {@code daysPastDue} days after its due date (0 or less: not past due). */
        public static LedgerEvent creditNote(String invoiceNumber, int daysPastDue) {
            return new LedgerEvent(Happened.CREDIT_NOTE_ISSUED, invoiceNumber, daysPastDue, null, null);
        }

        public static LedgerEvent paid(String invoiceNumber, int daysPastDue) {
            return new LedgerEvent(Happened.PAID, invoiceNumber, daysPastDue, null, null);
        }

        /**
         * A {@code paid} event: settled {@code settledBy} (PAYMENT, CREDIT_NOTE, INSURER; null in events published before
         * it was told) {@code daysPastDue} days after its due date, its credit insurer having paid part of it or not
         * ({@code paidByInsurer} told). Settled by the insurer: {@link #settledByInsurer}; by the buyer after the insurer
         * paid part: {@link Happened#PAID_PARTLY_BY_INSURER}; else {@link #paid(String, int)}.
         */
        public static LedgerEvent paid(String invoiceNumber, int daysPastDue, String settledBy, boolean insurerPaidPart) {
            if ("INSURER".equals(settledBy)) {
                return settledByInsurer(invoiceNumber, daysPastDue);
            }
            return insurerPaidPart ? new LedgerEvent(Happened.PAID_PARTLY_BY_INSURER, invoiceNumber, daysPastDue, null,
                    null) : paid(invoiceNumber, daysPastDue);
        }

        /** Settled by the buyer's credit insurer's indemnity {@code daysPastDue} days after its due date. */
        public static LedgerEvent settledByInsurer(String invoiceNumber, int daysPastDue) {
            return new LedgerEvent(Happened.SETTLED_BY_INSURER, invoiceNumber, daysPastDue, null, null);
        }

        /** A dispute resolved; {@code creditPolicyAdjustment} what its resolution asks of the buyer's credit policy, or null. */
        public static LedgerEvent disputeResolved(String invoiceNumber, String creditPolicyAdjustment) {
            return new LedgerEvent(Happened.DISPUTE_RESOLVED, invoiceNumber, null, null, creditPolicyAdjustment);
        }

        public static LedgerEvent instalmentMissed(int instalmentNumber) {
            return new LedgerEvent(Happened.INSTALMENT_MISSED, null, null, instalmentNumber, null);
        }

        public static LedgerEvent planBroken(String reason) {
            return new LedgerEvent(Happened.PLAN_BROKEN, null, null, null, reason);
        }
    }

    private RegradeRule() {
    }

    /** Why the buyer is graded again after {@code e}; null when {@code e} does not call for it. */
    public static String causeOf(LedgerEvent e) {
        return switch (e.happened()) {
            case PAID -> e.daysPastDue() != null && e.daysPastDue() > 0
                    ? "invoice " + e.invoiceNumber() + " paid " + e.daysPastDue() + " days late" : null;
            case BECAME_OVERDUE -> "invoice " + e.invoiceNumber() + " became overdue";
            case WRITTEN_OFF -> "invoice " + e.invoiceNumber() + " written off as bad debt";
            // the buyer did not pay it: its insurer did, after a claim, whenever that was
            case SETTLED_BY_INSURER -> "invoice " + e.invoiceNumber() + " not paid by the buyer: settled by its credit"
                    + " insurer's indemnity " + e.daysPastDue() + " days past due";
            // the buyer paid the last of it, but not what its insurer had paid, whatever the days
            case PAID_PARTLY_BY_INSURER -> "invoice " + e.invoiceNumber() + " paid " + e.daysPastDue() + " days past due,"
                    + " part of it not by the buyer: by its credit insurer's indemnity";
            case DISPUTE_OPENED -> "dispute opened on invoice " + e.invoiceNumber();
            case DISPUTE_RESOLVED -> "dispute resolved on invoice " + e.invoiceNumber();
            case INSTALMENT_MISSED -> "payment plan instalment " + e.instalmentNumber() + " missed";
            case PLAN_BROKEN -> "payment plan broken: " + e.reason();
            case CREDIT_NOTE_ISSUED -> e.daysPastDue() != null && e.daysPastDue() > 0
                    ? "credit note on invoice " + e.invoiceNumber() + ", " + e.daysPastDue() + " days past due" : null;
            case ISSUED, RECEIPT_CONFIRMED, CANCELLED, PAYMENT_RECEIVED,
                    PAYMENT_REVERSED, BUYER_CREDIT_APPLIED -> null;
        };
    }

    /**
     * What the credit manager is told when a dispute's resolution asks to adjust the buyer's credit policy (dispute
     * step 4, docs/domain.md §2: the grade reacts by itself, the policy is the manager's); null for anything else.
     */
    public static String policyReviewOf(LedgerEvent e) {
        if (e.happened() != Happened.DISPUTE_RESOLVED || e.reason() == null || e.reason().isBlank()) {
            return null;
        }
        return "dispute on invoice " + e.invoiceNumber() + " resolved; adjust the buyer's credit policy: "
                + e.reason().strip();
    }

    /** Why the daily overdue re-grade graded the buyer again: its oldest unpaid invoice's days past due on {@code asOf}. */
    public static String overdueCause(LocalDate oldestOverdueDue, LocalDate asOf) {
        long days = ChronoUnit.DAYS.between(oldestOverdueDue, asOf);
        return "invoices still unpaid, the oldest " + days + (days == 1 ? " day" : " days") + " past due on " + asOf;
    }

    /**
     * Whether the daily overdue re-grade keeps its assessment: only when the grade moved (or the buyer had none), so
     * the history holds what changed, not one unchanged assessment a day for every buyer that owes.
     */
    public static boolean gradeMoved(Integer gradeBefore, int gradeNow) {
        return gradeBefore == null || gradeBefore != gradeNow;
    }
}
