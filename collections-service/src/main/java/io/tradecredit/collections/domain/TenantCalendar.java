package io.tradecredit.collections.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * What a tenant said about its working days, kept as said so it can be shown back; refused as
 * {@link BusinessCalendar#of} refuses it (every problem named), so a tenant calendar that exists
 * is a valid one.
 */
public record TenantCalendar(List<DayOfWeek> weekend, List<LocalDate> holidays, List<LocalDate> makeUpWorkingDays) {
    /** {@link BusinessCalendar#DEFAULT}'s days: Saturday and Sunday off, no holidays. */
    public static final TenantCalendar DEFAULT = new TenantCalendar(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            List.of(), List.of());

    public TenantCalendar {
        // refused (a null day named by its index among the other problems) before the copies, which take no null
        BusinessCalendar.of(weekend, holidays, makeUpWorkingDays);
        weekend = List.copyOf(weekend);
        holidays = List.copyOf(holidays);
        makeUpWorkingDays = List.copyOf(makeUpWorkingDays);
    }

    /** The calendar the run counts step days with. */
    public BusinessCalendar calendar() {
        return BusinessCalendar.of(weekend, holidays, makeUpWorkingDays);
    }
}
