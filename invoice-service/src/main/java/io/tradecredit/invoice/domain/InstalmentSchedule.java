package io.tradecredit.invoice.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.tradecredit.common.money.Money;

/**
 * Turns a balance into instalments: equal parts of the principal (the last one takes the
 * rounding rest) and, if a rate is agreed, simple interest on the principal still outstanding
 * over each period (actual days / 365). E.g. 100,000.00 over 6 interest-free monthly
 * instalments: five of 16,666.66 and a last one of 16,666.70. No instalment is of less than the
 * currency's smallest unit: a principal of fewer units than the instalments asked is spread over
 * one instalment per unit, on the first dates of the schedule (0.05 CNY over 12 monthly
 * instalments: five of 0.01, not eleven of 0.00 and a last of 0.05).
 */
public final class InstalmentSchedule {
    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365");

    public enum Frequency {
        WEEKLY, MONTHLY;

        LocalDate next(LocalDate first, int index) {
            return this == WEEKLY ? first.plusWeeks(index) : first.plusMonths(index);
        }
    }

    public record Instalment(int number, LocalDate dueDate, Money principal, Money interest) {
        public Money amount() {
            return principal.plus(interest);
        }
    }

    private InstalmentSchedule() {
    }

    /**
     * The schedule for {@code principal} agreed on {@code agreedOn}, first due on {@code firstDue}.
     * {@code annualRate} is a fraction (0.06 = 6% a year); zero for an interest-free plan.
     */
    public static List<Instalment> of(Money principal, int count, Frequency frequency, LocalDate agreedOn,
            LocalDate firstDue, BigDecimal annualRate) {
        if (count < 1 || count > 120) {
            throw new IllegalArgumentException("between 1 and 120 instalments");
        }
        if (!principal.isPositive()) {
            throw new IllegalArgumentException("nothing to spread: the balance is " + principal);
        }
        if (firstDue.isBefore(agreedOn)) {
            throw new IllegalArgumentException("the first instalment cannot fall before the agreement");
        }
        int scale = Money.scaleOf(principal.currency());
        count = instalmentsFor(principal, count);
        BigDecimal part = principal.amount().divide(BigDecimal.valueOf(count), scale, RoundingMode.DOWN);
        List<Instalment> schedule = new ArrayList<>(count);
        Money outstanding = principal;
        LocalDate periodStart = agreedOn;
        for (int i = 0; i < count; i++) {
            LocalDate due = frequency.next(firstDue, i);
            Money share = i == count - 1 ? outstanding : new Money(part, principal.currency());
            long days = ChronoUnit.DAYS.between(periodStart, due);
            Money interest = outstanding.times(annualRate.multiply(BigDecimal.valueOf(days))
                    .divide(DAYS_PER_YEAR, 12, RoundingMode.HALF_UP));
            schedule.add(new Instalment(i + 1, due, share, interest));
            outstanding = outstanding.minus(share);
            periodStart = due;
        }
        return schedule;
    }

    /** How many instalments {@code principal} is spread over when {@code asked} are: at most one per smallest unit. */
    public static int instalmentsFor(Money principal, int asked) {
        BigDecimal units = principal.amount().movePointRight(Money.scaleOf(principal.currency()));
        return units.min(BigDecimal.valueOf(asked)).intValueExact();
    }
}
