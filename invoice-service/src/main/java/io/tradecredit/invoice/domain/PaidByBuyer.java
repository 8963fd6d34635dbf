package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * What the buyer's own payments still standing paid of an invoice, and the day of the last of them: what a
 * {@code written-off} event tells beside what was given up, so that the buyer's payment behaviour weighs the part
 * it paid at its days past due and only the rest as never paid. A reversed payment never paid (its entries net to
 * nothing); an insurer's payment (a claim's indemnity) is not the buyer paying and is left out; buyer credit applied
 * counts on the day it was applied, as it does when it settles an invoice ({@link PaidInFull#byPayment}).
 * Example: 100,000.00 due 1 March, 60,000.00 paid on 31 March, the 40,000.00 left written off on 1 June: the buyer
 * paid 60,000.00, last on 31 March, 30 days past due. What the insurer paid is told apart ({@link #insurersPart}), on a
 * write-off and on an invoice the insurer's payment settles.
 */
public record PaidByBuyer(Money amount, LocalDate lastPaidOn) {

    /**
     * From the invoice's ledger {@code entries}; {@code insurerPayments} are the ids of the insurer's payments among
     * their references. Null when the buyer's payments left nothing standing on it.
     */
    public static PaidByBuyer of(Iterable<LedgerEntry> entries, Set<UUID> insurerPayments) {
        Map<UUID, Money> netByPayment = new LinkedHashMap<>();
        Map<UUID, LocalDate> dayOfPayment = new LinkedHashMap<>();
        for (LedgerEntry e : entries) {
            boolean payment = e.kind() == LedgerEntry.Kind.PAYMENT || e.kind() == LedgerEntry.Kind.PAYMENT_REVERSAL;
            if (!payment || insurerPayments.contains(e.referenceId())) {
                continue;
            }
            netByPayment.merge(e.referenceId(), e.amount(), Money::plus);
            if (e.kind() == LedgerEntry.Kind.PAYMENT) {
                // every entry of one payment is dated on the day it was received
                dayOfPayment.putIfAbsent(e.referenceId(), e.effectiveDate());
            }
        }
        Money paid = null;
        LocalDate last = null;
        for (var net : netByPayment.entrySet()) {
            LocalDate day = dayOfPayment.get(net.getKey());
            if (!net.getValue().isPositive() || day == null) {
                continue;
            }
            paid = paid == null ? net.getValue() : paid.plus(net.getValue());
            if (last == null || day.isAfter(last)) {
                last = day;
            }
        }
        return paid == null ? null : new PaidByBuyer(paid, last);
    }

    /**
     * What the insurer's payments still standing ({@code insurerPayments}, a claim's indemnity) paid of the invoice
     * whose ledger {@code entries} these are: not the buyer paying, so the buyer's payment behaviour weighs it as never
     * paid (credit-service). Null when they paid nothing. Example: 100,000.00 claimed, the insurer's 72,000.00 on it,
     * 28,000.00 written off: 72,000.00.
     */
    public static Money insurersPart(Iterable<LedgerEntry> entries, Set<UUID> insurerPayments) {
        Money paid = null;
        for (LedgerEntry e : entries) {
            boolean payment = e.kind() == LedgerEntry.Kind.PAYMENT || e.kind() == LedgerEntry.Kind.PAYMENT_REVERSAL;
            if (payment && insurerPayments.contains(e.referenceId())) {
                paid = paid == null ? e.amount() : paid.plus(e.amount());
            }
        }
        return paid == null || !paid.isPositive() ? null : paid;
    }

    /** Days from the due date to the buyer's last payment; 0 when paid by the due date. */
    public int daysPastDue(LocalDate dueDate) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, lastPaidOn));
    }
}
