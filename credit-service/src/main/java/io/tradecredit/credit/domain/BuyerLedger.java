package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.tradecredit.common.money.Money;
import io.tradecredit.credit.domain.PaymentIndex.Settlement;

/**
 * What the tenant's ledger says about one buyer, from the invoice positions credit-service keeps:
 * the payment history for the payment index and the disputed share. A paid invoice counts with
 * what the buyer paid of it (its total less what credit notes took off: a credit note is not a payment) and the days
 * it was paid past due (to the buyer's last payment, as invoice-service tells it); an invoice credited to nothing
 * was never paid and does not count; an invoice still open past its due date counts
 * with its open amount and its days past due so far (the daily overdue re-grade looks again every day it stays
 * unpaid); a written-off invoice counts with what was written off as never paid
 * ({@link PaymentIndex#NEVER_PAID_DAYS} days beyond terms, or the days it had been due when given up if more) and
 * with what the buyer had paid of it before at its last payment's days past due, as invoice-service tells it
 * (100,000 due 1 March, 60,000 paid 31 March, 40,000 written off 1 June: 60,000 at 30 days and 40,000 at 180, 90).
 * What the buyer's credit insurer paid of an invoice (a claim's indemnity) is not the buyer paying: it counts as never
 * paid, with the written-off rest, or on its own when the indemnity settled the invoice (whose days past due are then
 * the insurer's), beside what the buyer paid itself at its lateness (100,000 due 1 March, the insurer's 72,000 on
 * 1 July and 28,000 written off: 100,000 at 180 days, not 28,000; 60,000 settled by the insurer 122 days after its due
 * date: 60,000 at 180, not at 122 as if the buyer had paid it).
 * Amounts of different currencies are never added up (there is no exchange rate): the weighted days and the
 * disputed share are worked out within each currency, and the worst currency's is the buyer's.
 * The same positions give the buyer's {@link Exposure} for the credit check.
 */
public record BuyerLedger(List<Position> positions) {

    /** One invoice as the ledger's events described it; amounts in the invoice currency. */
    public record Position(String currency, BigDecimal total, BigDecimal open, LocalDate dueDate,
            BigDecimal disputedTotal, LocalDate paidOn, Integer daysPastDue, BigDecimal writtenOff,
            LocalDate writtenOffOn, BigDecimal credited, BigDecimal paidByBuyer,
            Integer paidByBuyerDays, BigDecimal paidByInsurer) {

        /** A position nothing of which the buyer's credit insurer paid (or not told). */
        public Position(String currency, BigDecimal total, BigDecimal open, LocalDate dueDate,
                BigDecimal disputedTotal, LocalDate paidOn, Integer daysPastDue, BigDecimal writtenOff,
                LocalDate writtenOffOn, BigDecimal credited, BigDecimal paidByBuyer,
                Integer paidByBuyerDays) {
            this(currency, total, open, dueDate, disputedTotal, paidOn, daysPastDue, writtenOff, writtenOffOn,
                    credited, paidByBuyer, paidByBuyerDays, null);
        }

        /** A position nothing of which the buyer paid before a write-off (or not told). */
        public Position(String currency, BigDecimal total, BigDecimal open, LocalDate dueDate,
                BigDecimal disputedTotal, LocalDate paidOn, Integer daysPastDue, BigDecimal writtenOff,
                LocalDate writtenOffOn, BigDecimal credited) {
            this(currency, total, open, dueDate, disputedTotal, paidOn, daysPastDue, writtenOff, writtenOffOn,
                    credited, null, null);
        }

        /** A position nothing of which was credited. */
        public Position(String currency, BigDecimal total, BigDecimal open, LocalDate dueDate,
                BigDecimal disputedTotal, LocalDate paidOn, Integer daysPastDue, BigDecimal writtenOff,
                LocalDate writtenOffOn) {
            this(currency, total, open, dueDate, disputedTotal, paidOn, daysPastDue, writtenOff, writtenOffOn,
                    BigDecimal.ZERO);
        }

        /** A position nothing of which was written off. */
        public Position(String currency, BigDecimal total, BigDecimal open, LocalDate dueDate,
                BigDecimal disputedTotal, LocalDate paidOn, Integer daysPastDue) {
            this(currency, total, open, dueDate, disputedTotal, paidOn, daysPastDue, null, null);
        }

        /** What the buyer paid of it once settled: the total less what credit notes took off. */
        public BigDecimal paid() {
            return total.subtract(credited);
        }

        /** Something is still owed on it (disputed or not). */
        public boolean isOpen() {
            return open.signum() > 0;
        }

        /** Still owed after its due date: overdue from the day after it. */
        public boolean overdueOn(LocalDate asOf) {
            return isOpen() && dueDate.isBefore(asOf);
        }
    }

    /** Whether the buyer was ever invoiced: a buyer that never was gets its first order on first-order terms. */
    public boolean tradedBefore() {
        return !positions.isEmpty();
    }

    /**
     * What the buyer owes on {@code today}, summed in {@code currency} (its limit's), and per other currency; what is
     * overdue in each currency with its own oldest due date, oldest first.
     */
    public Exposure exposure(String currency, LocalDate today) {
        Money open = Money.zero(currency);
        Money overdue = Money.zero(currency);
        LocalDate oldestOverdueDue = null;
        Map<String, Money> others = new TreeMap<>();
        Map<String, Exposure.Overdue> overdueIn = new TreeMap<>();
        for (Position p : positions) {
            if (!p.isOpen()) {
                continue;
            }
            boolean inCurrency = p.currency().equals(currency);
            if (inCurrency) {
                open = open.plus(Money.of(p.open(), currency));
            } else {
                others.merge(p.currency(), Money.of(p.open(), p.currency()), Money::plus);
            }
            if (p.overdueOn(today)) {
                if (inCurrency) {
                    overdue = overdue.plus(Money.of(p.open(), currency));
                }
                if (oldestOverdueDue == null || p.dueDate().isBefore(oldestOverdueDue)) {
                    oldestOverdueDue = p.dueDate();
                }
                overdueIn.merge(p.currency(), new Exposure.Overdue(Money.of(p.open(), p.currency()), p.dueDate()),
                        (a, b) -> new Exposure.Overdue(a.amount().plus(b.amount()),
                                a.oldestDue().isBefore(b.oldestDue()) ? a.oldestDue() : b.oldestDue()));
            }
        }
        // the oldest first: the one whose age decides; the TreeMap's currency order breaks ties
        List<Exposure.Overdue> byAge = overdueIn.values().stream()
                .sorted(java.util.Comparator.comparing(Exposure.Overdue::oldestDue)).toList();
        return new Exposure(open, overdue, oldestOverdueDue, List.copyOf(others.values()), byAge);
    }

    /** The due date of the oldest invoice still owed after it on {@code asOf}, in any currency; null when none is. */
    public LocalDate oldestOverdueDue(LocalDate asOf) {
        LocalDate oldest = null;
        for (Position p : positions) {
            if (p.overdueOn(asOf) && (oldest == null || p.dueDate().isBefore(oldest))) {
                oldest = p.dueDate();
            }
        }
        return oldest;
    }

    public List<Settlement> settlements(LocalDate asOf) {
        List<Settlement> history = new ArrayList<>();
        for (Position p : positions) {
            // a paid day on a position open again is a reversal's recorded before the position cleared it
            if (p.paidOn() != null && p.daysPastDue() != null && !p.isOpen()) {
                if (p.paidByInsurer() != null && p.paidByInsurer().signum() > 0) {
                    // settled by the credit insurer's indemnity: the buyer paid its own part at its lateness and
                    // never paid the insurer's (the daysPastDue told are the insurer's payment's, not the buyer's)
                    addPaidByBuyer(history, p);
                    history.add(new Settlement(p.paidByInsurer(), neverPaidDays(p.dueDate(), p.paidOn())));
                } else {
                    // weighed by what the buyer paid: a credit note is not a payment, on time or late
                    history.add(new Settlement(p.paid(), p.daysPastDue()));
                }
            } else if (p.writtenOff() != null && p.writtenOffOn() != null) {
                // what the buyer paid before the rest was given up counts as paid, at its last payment's lateness
                addPaidByBuyer(history, p);
                // what the insurer's indemnity paid of it the buyer never paid either: it weighs with the rest
                BigDecimal neverPaid = p.paidByInsurer() == null ? p.writtenOff() : p.writtenOff().add(p.paidByInsurer());
                history.add(new Settlement(neverPaid, neverPaidDays(p.dueDate(), p.writtenOffOn())));
            } else if (p.overdueOn(asOf)) {
                history.add(new Settlement(p.open(), (int) ChronoUnit.DAYS.between(p.dueDate(), asOf)));
            }
        }
        return history;
    }

    /** What the buyer paid itself of an invoice written off or settled by its insurer, at its last payment's lateness. */
    private static void addPaidByBuyer(List<Settlement> history, Position p) {
        if (p.paidByBuyer() != null && p.paidByBuyerDays() != null && p.paidByBuyer().signum() > 0) {
            history.add(new Settlement(p.paidByBuyer(), p.paidByBuyerDays()));
        }
    }

    /** Never paid by the buyer: {@link PaymentIndex#NEVER_PAID_DAYS}, or the days it had been due on {@code on} if more. */
    private static int neverPaidDays(LocalDate dueDate, LocalDate on) {
        return Math.max(PaymentIndex.NEVER_PAID_DAYS, (int) ChronoUnit.DAYS.between(dueDate, on));
    }

    /**
     * Days beyond terms weighted by amount within each currency, the worst currency's (amounts of two currencies
     * are not added up without an exchange rate); null before anything was paid or fell overdue.
     */
    public BigDecimal weightedDaysBeyondTerms(LocalDate asOf) {
        return byCurrency().stream().map(inOne -> PaymentIndex.weightedDaysBeyondTerms(inOne.settlements(asOf)))
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    /** Share of the invoiced amount ever disputed, the highest of the buyer's currencies; null before the first invoice. */
    public BigDecimal disputedShare() {
        return byCurrency().stream().map(BuyerLedger::disputedShareInOneCurrency).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private BigDecimal disputedShareInOneCurrency() {
        BigDecimal invoiced = positions.stream().map(Position::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (invoiced.signum() == 0) {
            return null;
        }
        BigDecimal disputed = positions.stream().map(Position::disputedTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return disputed.divide(invoiced, MathContext.DECIMAL64);
    }

    /** The positions of each currency, as a ledger of their own. */
    private List<BuyerLedger> byCurrency() {
        Map<String, List<Position>> byCurrency = new TreeMap<>();
        for (Position p : positions) {
            byCurrency.computeIfAbsent(p.currency(), c -> new ArrayList<>()).add(p);
        }
        return byCurrency.values().stream().map(BuyerLedger::new).toList();
    }
}
