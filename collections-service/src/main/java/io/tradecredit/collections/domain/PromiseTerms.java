package io.tradecredit.collections.domain;

import java.time.LocalDate;

import io.tradecredit.common.domain.DomainError;

/**
 * A tenant's terms for promises to pay (docs/domain.md §3 "Holds"): the grace after the promised
 * date during which a payment still keeps the promise, in days counted as the tenant's ladder
 * counts them ({@link #deadline}).
 */
public record PromiseTerms(int graceDays) {
    /** §3's default: 3 days of grace. */
    public static final PromiseTerms DEFAULT = new PromiseTerms(3);

    public PromiseTerms {
        if (graceDays < 0) {
            throw DomainError.invalidField("promise-terms.invalid", "graceDays", "must be 0 or more, was " + graceDays);
        }
    }

    /**
     * The last day a payment still keeps a promise for {@code promisedDate}: the grace days after it
     * counted as a step's offset is ({@link BusinessCalendar#stepDay}), so never a day the tenant does
     * not work. A buyer who promises for the eve of a holiday is not judged broken in the middle of it
     * (in calendar days the deadline moves to the next working day; in business days the grace counts
     * working days only).
     */
    public LocalDate deadline(LocalDate promisedDate, BusinessCalendar calendar, BusinessCalendar.DayCount count) {
        return calendar.stepDay(promisedDate, graceDays, count);
    }
}
