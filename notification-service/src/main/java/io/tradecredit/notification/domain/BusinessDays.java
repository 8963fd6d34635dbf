package io.tradecredit.notification.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * The tenant's holidays and make-up working days, as collections-service shares its calendar
 * ({@code business-days-set} on {@code notification-requests}, docs/notification-service.md "Send
 * windows"): DOMAIN §5 sends to people on business days, and a day of the window's weekdays that is
 * a holiday is none, while a make-up working day (a Saturday worked in China's official schedule)
 * is one whatever its weekday.
 */
public record BusinessDays(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
    /** A tenant that shared no calendar: its window's weekdays alone decide. */
    public static final BusinessDays NONE = new BusinessDays(Set.of(), Set.of());

    public BusinessDays {
        holidays = Set.copyOf(holidays);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    }

    /** Whether messages may go out on {@code day} under a window open on {@code weekdays}. */
    public boolean sendsOn(LocalDate day, Set<DayOfWeek> weekdays) {
        return makeUpWorkingDays.contains(day) || (weekdays.contains(day.getDayOfWeek()) && !holidays.contains(day));
    }
}
