package io.tradecredit.notification.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * The tenant's holidays and make-up working days, as collections-service shares its calendar
 * ({@code business-days-set} on {@code notification-requests}, docs/notification-service.md "Send
 * windows"): DOMAIN §5 sends to people on business days, and a day of the window's weekdays that is
 * a holiday is none, while a make-up working day (a Saturday worked in China's official schedule)
 * is one whatever its weekday, for the people who live by that calendar: those in its {@code place}.
 *
 * <p>A make-up working day is worked where the calendar is kept, not abroad: DOMAIN §5 sends to a person in
 * the recipient's business hours, and Saturday 10 October 2026, worked in China, is a Saturday off in Berlin.
 * So it opens the window only for a contact whose time zone is the calendar's place (the tenant's time zone, or
 * a zone with the same rules: Asia/Chongqing is Asia/Shanghai); a contact elsewhere keeps the window's
 * weekdays. A holiday holds a message to every contact of the tenant, wherever: waiting for the tenant's next
 * working day never sends outside the recipient's hours, and the tenant is there to answer.
 *
 * @param place the zone whose people work the make-up days (the tenant's time zone); null: everywhere
 */
public record BusinessDays(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays, ZoneId place) {
    /** A tenant that shared no calendar: its window's weekdays alone decide. */
    public static final BusinessDays NONE = new BusinessDays(Set.of(), Set.of());

    public BusinessDays {
        holidays = Set.copyOf(holidays);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    }

    /** A calendar whose make-up days hold everywhere (until it is placed: {@link #in}). */
    public BusinessDays(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
        this(holidays, makeUpWorkingDays, null);
    }

    /** The same calendar, kept in {@code zone} (the tenant's time zone). */
    public BusinessDays in(ZoneId zone) {
        return new BusinessDays(holidays, makeUpWorkingDays, zone);
    }

    /** Whether the tenant works on {@code day} under a window open on {@code weekdays} (in its own place). */
    public boolean sendsOn(LocalDate day, Set<DayOfWeek> weekdays) {
        return makeUpWorkingDays.contains(day) || (weekdays.contains(day.getDayOfWeek()) && !holidays.contains(day));
    }

    /**
     * Whether messages may go out on {@code day} to someone in {@code zone} under a window open on {@code weekdays}:
     * not on a holiday; on a make-up working day only in the calendar's place.
     */
    public boolean sendsOn(LocalDate day, Set<DayOfWeek> weekdays, ZoneId zone) {
        return worksMakeUpDays(zone) ? sendsOn(day, weekdays)
                : weekdays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** Whether people in {@code zone} live by this calendar's make-up working days. */
    boolean worksMakeUpDays(ZoneId zone) {
        return place == null || zone == null || place.equals(zone) || place.getRules().equals(zone.getRules());
    }
}
