package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * A tenant's terms for promises to pay (docs/domain.md §3 "Holds"): the grace after the promised
 * date during which a payment still keeps the promise, in days counted as the tenant's ladder
 * counts them ({@link #deadline}), and how far ahead a promise may be dated ({@link #latestPromisedDate}):
 * a promise holds the buyer's dunning, so one dated years ahead would hold it for years.
 */
public record PromiseTerms(int graceDays, int maxPromiseDays) {
    /** The widest bound a tenant may set: a year. */
    public static final int MAX_PROMISE_DAYS_LIMIT = 365;

    /** §3's defaults: 3 days of grace, a promise at most 30 days ahead. */
    public static final PromiseTerms DEFAULT = new PromiseTerms(3, 30);

    /** The widest terms a tenant may set: for checking a body before the tenant's own terms are read. */
    public static final PromiseTerms WIDEST = new PromiseTerms(DEFAULT.graceDays(), MAX_PROMISE_DAYS_LIMIT);

    public PromiseTerms {
        List<Violation> wrong = new ArrayList<>();
        if (graceDays < 0) {
            wrong.add(new Violation("graceDays", "must be 0 or more, was " + graceDays));
        }
        if (maxPromiseDays < 1 || maxPromiseDays > MAX_PROMISE_DAYS_LIMIT) {
            wrong.add(new Violation("maxPromiseDays", "must be 1 to " + MAX_PROMISE_DAYS_LIMIT + ", was " + maxPromiseDays));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("promise-terms.invalid", "The promise terms are inconsistent", wrong);
        }
    }

    /**
     * The last day a promise made on {@code madeOn} may be dated: {@code maxPromiseDays} calendar days after it (made on
     * 7 December with the default 30: 6 January at the latest). Calendar days, not working days: the bound is how long
     * the buyer's dunning may be held, whatever the calendar.
     */
    public LocalDate latestPromisedDate(LocalDate madeOn) {
        return madeOn.plusDays(maxPromiseDays);
    }

    /** {@code field} named when {@code promisedDate} lies after {@link #latestPromisedDate} of {@code madeOn}. */
    public Optional<Violation> violationIfTooFar(String field, LocalDate madeOn, LocalDate promisedDate) {
        LocalDate latest = latestPromisedDate(madeOn);
        return promisedDate.isAfter(latest) ? Optional.of(new Violation(field, "must not be after " + latest + ": at most "
                + maxPromiseDays + " days after the day the promise is made (" + madeOn + "), the tenant's bound"))
                : Optional.empty();
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
