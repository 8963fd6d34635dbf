package io.tradecredit.credit.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.tradecredit.common.money.Money;

/**
 * What a buyer owes now, as the credit check weighs it (DOMAIN.md §1): the open amounts of its
 * invoices in the limit's currency, the part of them past due, and the oldest due date still
 * unpaid past due in any currency (how late the buyer is does not depend on the currency). An
 * invoice is past due from the day after its due date. {@link BuyerLedger#exposure} is the rule;
 * the credit check reads the same sums in one SQL statement, pinned to it by a test.
 */
public record Exposure(Money open, Money overdue, LocalDate oldestOverdueDue) {

    /** Days the oldest overdue invoice is past due on {@code today}; 0 when nothing is overdue. */
    public int maxDaysPastDue(LocalDate today) {
        return oldestOverdueDue == null ? 0 : (int) ChronoUnit.DAYS.between(oldestOverdueDue, today);
    }
}
