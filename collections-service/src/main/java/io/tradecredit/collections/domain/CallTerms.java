package io.tradecredit.collections.domain;

import java.util.ArrayList;
import java.util.List;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * A tenant's numbers for what follows a call: how long the short hold after a payment-system
 * failure lasts, and after how many days the case is looked at again. Calendar days.
 */
public record CallTerms(int shortHoldDays, int followUpDays) {
    /** Chosen here (docs/domain.md §3 gives no figure): a week's hold, a look again after 3 days. */
    public static final CallTerms DEFAULT = new CallTerms(7, 3);

    /**
     * What is wrong with a hold a collector places from {@code from} to {@code until}: it may last no longer than the short
     * hold a payment-system failure suggests ({@code shortHoldDays} from its first day, counted on the tenant's calendar as
     * the suggestion is: 7 days from Tuesday 8 December 2026, until the 15th; a day later is a credit manager's). Empty
     * when it is short enough or has no end date (named by the hold's own rules).
     */
    public java.util.Optional<Violation> collectorHoldTooLong(java.time.LocalDate from, java.time.LocalDate until,
            BusinessCalendar calendar, BusinessCalendar.DayCount count) {
        if (from == null || until == null) {
            return java.util.Optional.empty();
        }
        java.time.LocalDate latest = calendar.stepDay(from, shortHoldDays, count);
        return until.isAfter(latest)
                ? java.util.Optional.of(new Violation("until", "a collector's hold ends by " + latest + " (the short hold of "
                        + shortHoldDays + " days a call suggests); a longer one is placed by a credit manager"))
                : java.util.Optional.empty();
    }

    public CallTerms {
        List<Violation> wrong = new ArrayList<>();
        if (shortHoldDays < 1) {
            wrong.add(new Violation("shortHoldDays", "must be at least 1, was " + shortHoldDays));
        }
        if (followUpDays < 1) {
            wrong.add(new Violation("followUpDays", "must be at least 1, was " + followUpDays));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("call-terms.invalid", "The call terms are inconsistent", wrong);
        }
    }
}
