package io.tradecredit.collections.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * A tenant's working days: every day except its weekend days and holidays, plus its make-up
 * working days (weekend days worked in exchange for a longer holiday, as in China's official
 * schedule, 调休). The platform ships no holiday data: each tenant keeps its own.
 *
 * <p>Where a step falls ({@link #stepDay}): counted in calendar days, due date + offset, and a
 * day that is not a working day moves to the next working day; counted in business days, the
 * offset counts working days only (forwards after the due date, backwards before it), and on the
 * due date itself (offset 0) a non-working due date moves to the next working day. Either way a
 * step never falls on a day the tenant does not work, and a later step never falls before an
 * earlier one (two can land on the same day after a long holiday: the run then sends only the
 * higher one's message).
 */
public final class BusinessCalendar {
    /** Saturday and Sunday off, no holidays: the calendar of a tenant that has not set one. */
    public static final BusinessCalendar DEFAULT =
            of(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of(), List.of());

    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;

    private BusinessCalendar(List<DayOfWeek> weekend, List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays) {
        this.weekend = Set.copyOf(weekend);
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    }

    /**
     * The calendar, or a refusal naming every problem: a weekend of all seven days (no day would
     * ever be worked), a make-up working day that is not a weekend day (it would change nothing)
     * or that is also a holiday, a day listed twice, a missing (null) day of any of the lists.
     */
    public static BusinessCalendar of(List<DayOfWeek> weekend, List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays) {
        List<Violation> problems = new ArrayList<>();
        missing("weekend", weekend, problems);
        missing("holidays", holidays, problems);
        missing("makeUpWorkingDays", makeUpWorkingDays, problems);
        if (weekend.stream().filter(Objects::nonNull).distinct().count() == DayOfWeek.values().length) {
            problems.add(new Violation("weekend", "at least one day of the week must be a working day"));
        }
        duplicates("weekend", weekend, problems);
        duplicates("holidays", holidays, problems);
        duplicates("makeUpWorkingDays", makeUpWorkingDays, problems);
        for (int i = 0; i < makeUpWorkingDays.size(); i++) {
            LocalDate day = makeUpWorkingDays.get(i);
            if (day == null) {
                continue;
            }
            if (!weekend.contains(day.getDayOfWeek())) {
                problems.add(new Violation("makeUpWorkingDays[" + i + "]", day + " is a " + day.getDayOfWeek()
                        + ", already a working day: a make-up working day is a weekend day worked"));
            }
            if (holidays.contains(day)) {
                problems.add(new Violation("makeUpWorkingDays[" + i + "]", day + " is also listed as a holiday"));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainError.invalid("dunning.calendar-invalid", "The business calendar is not valid", problems);
        }
        return new BusinessCalendar(weekend, holidays, makeUpWorkingDays);
    }

    private static <T> void missing(String field, List<T> items, List<Violation> problems) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                problems.add(new Violation(field + "[" + i + "]", "is required: a null is not a day"));
            }
        }
    }

    private static <T> void duplicates(String field, List<T> items, List<Violation> problems) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null && items.subList(0, i).contains(items.get(i))) {
                problems.add(new Violation(field + "[" + i + "]", items.get(i) + " is listed twice"));
            }
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        return !holidays.contains(day) && !weekend.contains(day.getDayOfWeek());
    }

    /** {@code day} if it is a working day, else the next working day. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The {@code n}-th working day after {@code day} ({@code n} > 0) or before it ({@code n} < 0). */
    public LocalDate plusWorkingDays(LocalDate day, int n) {
        int direction = Integer.signum(n);
        LocalDate d = day;
        for (int left = Math.abs(n); left > 0; ) {
            d = d.plusDays(direction);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** The day a step {@code offsetDays} from {@code dueDate} falls on, counted as {@code count} says. */
    public LocalDate stepDay(LocalDate dueDate, int offsetDays, DayCount count) {
        if (count == DayCount.BUSINESS_DAYS && offsetDays != 0) {
            return plusWorkingDays(dueDate, offsetDays);
        }
        return nextWorkingDay(dueDate.plusDays(offsetDays));
    }

    /** How a tenant counts a step's offset from the due date. */
    public enum DayCount {
        CALENDAR_DAYS, BUSINESS_DAYS
    }
}
