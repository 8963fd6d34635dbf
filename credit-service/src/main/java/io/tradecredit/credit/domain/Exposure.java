package io.tradecredit.credit.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.tradecredit.common.money.Money;

/**
 * What a buyer owes now, as the credit check weighs it (DOMAIN.md §1): the open amounts of its
 * invoices in the limit's currency, the part of them past due, the oldest due date still
 * unpaid past due in any currency (how late the buyer is does not depend on the currency), and
 * what is open in each other currency (it cannot be added to the limit's without an exchange
 * rate; the check names it instead), ordered by currency code; and what is overdue in each currency with
 * its own oldest due date, oldest first (then by currency code), so that a reason quotes an amount and an age of
 * the same currency. An invoice is past due from the day after its due date. {@link BuyerLedger#exposure} is the
 * rule; the credit check reads the same in one SQL statement, pinned to it by a test.
 */
public record Exposure(Money open, Money overdue, LocalDate oldestOverdueDue, List<Money> otherCurrencies,
        List<Overdue> overdueByCurrency) {

    /** What is overdue in one currency, and the due date of its oldest overdue invoice. */
    public record Overdue(Money amount, LocalDate oldestDue) {
        /** Its days past due on {@code today}. */
        public int daysPastDue(LocalDate today) {
            return (int) ChronoUnit.DAYS.between(oldestDue, today);
        }
    }

    public Exposure {
        otherCurrencies = List.copyOf(otherCurrencies);
        overdueByCurrency = List.copyOf(overdueByCurrency);
    }

    /** Everything in the limit's currency: what is overdue of it is all that is overdue. */
    public Exposure(Money open, Money overdue, LocalDate oldestOverdueDue) {
        this(open, overdue, oldestOverdueDue, List.of(),
                overdue.isPositive() ? List.of(new Overdue(overdue, oldestOverdueDue)) : List.of());
    }

    /** Days the oldest overdue invoice is past due on {@code today}; 0 when nothing is overdue. */
    public int maxDaysPastDue(LocalDate today) {
        return oldestOverdueDue == null ? 0 : (int) ChronoUnit.DAYS.between(oldestOverdueDue, today);
    }
}
