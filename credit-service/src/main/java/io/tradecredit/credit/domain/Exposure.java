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
 * rate; the check names it instead), ordered by currency code. An invoice is past due from the day
 * after its due date. {@link BuyerLedger#exposure} is the rule; the credit check reads the same
 * in one SQL statement, pinned to it by a test.
 */
public record Exposure(Money open, Money overdue, LocalDate oldestOverdueDue, List<Money> otherCurrencies) {

    public Exposure {
        otherCurrencies = List.copyOf(otherCurrencies);
    }

    /** Nothing open in another currency than the limit's. */
    public Exposure(Money open, Money overdue, LocalDate oldestOverdueDue) {
        this(open, overdue, oldestOverdueDue, List.of());
    }

    /** Days the oldest overdue invoice is past due on {@code today}; 0 when nothing is overdue. */
    public int maxDaysPastDue(LocalDate today) {
        return oldestOverdueDue == null ? 0 : (int) ChronoUnit.DAYS.between(oldestOverdueDue, today);
    }
}
