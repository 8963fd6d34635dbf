package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * How an invoice came to be paid in full, as {@code paid} tells it: the day it became settled
 * ({@code paidOn}), the day the buyer's money last came in on it ({@code lastPaymentOn}, from which
 * {@code daysPastDue} is counted: how late the buyer paid, its payment behaviour), and what
 * settled it. A payment (or buyer credit applied) that settles the invoice is the buyer paying on its
 * date. A credit note that settles what payments left open is not the buyer paying: it takes back
 * what was never owed, so the buyer had paid everything it owed on its last payment's day.
 * Example: 1,243.00 due 1 March, 1,000.00 paid on 1 March, 243.00 credited on 30 April (a price
 * agreed): paid on 30 April, 0 days past due, not 60.
 */
public record PaidInFull(LocalDate paidOn, LocalDate lastPaymentOn, SettledBy settledBy) {

    /** What took the last of the open amount. */
    public enum SettledBy {
        /** A payment, or buyer credit from an earlier payment, applied to the invoice. */
        PAYMENT,
        /** A credit note, after payments had paid the rest. */
        CREDIT_NOTE,
        /**
         * The buyer's credit insurer's payment of a claim's indemnity: not the buyer paying (the {@code paid} event then
         * tells what the insurer and the buyer each paid of it).
         */
        INSURER
    }

    /** Settled by a payment (or applied credit) effective on {@code on}: the buyer paid it then. */
    public static PaidInFull byPayment(LocalDate on) {
        return new PaidInFull(on, on, SettledBy.PAYMENT);
    }

    /**
     * Settled by the buyer's credit insurer's payment effective on {@code on} (a claim's indemnity): the days past due
     * count to it, as to any settling payment, and the event tells apart what the buyer paid itself.
     */
    public static PaidInFull byInsurer(LocalDate on) {
        return new PaidInFull(on, on, SettledBy.INSURER);
    }

    /**
     * Settled by a credit note of {@code noteDate} on an invoice payments had paid the rest of: the
     * buyer last paid on the latest day of the payments that still stand on it ({@code entries}, the
     * invoice's ledger; a reversed payment never paid, its entries net to nothing). Without one (not
     * expected: a note settles a PAID invoice only when something was paid), the note's day.
     */
    public static PaidInFull byCreditNote(LocalDate noteDate, List<LedgerEntry> entries) {
        Map<UUID, Money> netByPayment = new HashMap<>();
        Map<UUID, LocalDate> dayOfPayment = new HashMap<>();
        for (LedgerEntry e : entries) {
            if (e.kind() == LedgerEntry.Kind.PAYMENT || e.kind() == LedgerEntry.Kind.PAYMENT_REVERSAL) {
                netByPayment.merge(e.referenceId(), e.amount(), Money::plus);
            }
            if (e.kind() == LedgerEntry.Kind.PAYMENT) {
                dayOfPayment.merge(e.referenceId(), e.effectiveDate(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        LocalDate last = null;
        for (var paid : netByPayment.entrySet()) {
            LocalDate day = dayOfPayment.get(paid.getKey());
            if (paid.getValue().isPositive() && day != null && (last == null || day.isAfter(last))) {
                last = day;
            }
        }
        return new PaidInFull(noteDate, last == null ? noteDate : last, SettledBy.CREDIT_NOTE);
    }

    /** Days from the due date to the buyer's last payment; 0 when paid by the due date. */
    public int daysPastDue(LocalDate dueDate) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, lastPaymentOn));
    }
}
