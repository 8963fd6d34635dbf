package io.tradecredit.notification.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * The hours in which a message to a person may go out (docs/domain.md §5 "Send windows"): from
 * {@code opens} (inclusive) to {@code closes} (exclusive) local time, on the given days, in the
 * recipient's time zone, and on the tenant's business days ({@link BusinessDays}: not on its
 * holidays, and on its make-up working days for a recipient in the tenant's time zone, not abroad). Outside it a
 * message waits for the next opening.
 */
public record SendWindow(LocalTime opens, LocalTime closes, Set<DayOfWeek> days, BusinessDays businessDays) {
    /** 09:00-18:00, Monday to Friday. */
    public static final SendWindow DEFAULT = new SendWindow(LocalTime.of(9, 0), LocalTime.of(18, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public SendWindow {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        businessDays = businessDays == null ? BusinessDays.NONE : businessDays;
    }

    /** A window of a tenant that shared no calendar. */
    public SendWindow(LocalTime opens, LocalTime closes, Set<DayOfWeek> days) {
        this(opens, closes, days, BusinessDays.NONE);
    }

    /**
     * Whether the tenant's own hours and weekdays are those of {@code other}, whatever the calendar of each: a
     * settings change that keeps them leaves the queued messages where they are.
     */
    public boolean sameHoursAndDaysAs(SendWindow other) {
        return opens.equals(other.opens) && closes.equals(other.closes) && days.equals(other.days);
    }

    /** The same hours and weekdays on the tenant's business days {@code b}. */
    public SendWindow on(BusinessDays b) {
        return new SendWindow(opens, closes, days, b);
    }

    /** A window as a tenant sets it, refused naming every wrong field. */
    public static SendWindow of(LocalTime opens, LocalTime closes, Set<DayOfWeek> days) {
        List<Violation> wrong = new ArrayList<>();
        if (opens == null) {
            wrong.add(new Violation("sendWindow.opens", "must be given, e.g. 09:00"));
        }
        if (closes == null) {
            wrong.add(new Violation("sendWindow.closes", "must be given, e.g. 18:00"));
        } else if (opens != null && !opens.isBefore(closes)) {
            wrong.add(new Violation("sendWindow.closes", "must be after opens (" + opens + ")"));
        }
        if (days == null || days.isEmpty()) {
            wrong.add(new Violation("sendWindow.days", "must name at least one day, e.g. MONDAY"));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("send-window.invalid", "The send window is incomplete or inconsistent", wrong);
        }
        return new SendWindow(opens, closes, days);
    }

    /**
     * Whether the tenant works on {@code day}: one of the window's weekdays that its calendar does not make a holiday,
     * or a make-up working day of its calendar ({@link BusinessDays#sendsOn}). A moved payment deadline lands on such a
     * day ({@link LetterDate#madeOn}).
     */
    public boolean works(LocalDate day) {
        return businessDays.sendsOn(day, days);
    }

    /** Whether a message may go out at {@code at} to someone in {@code zone}. */
    public boolean isOpen(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return businessDays.sendsOn(local.toLocalDate(), days, zone) && !time.isBefore(opens) && time.isBefore(closes);
    }

    /**
     * The first instant at or after {@code at} when the window is open in {@code zone}: {@code at}
     * itself while it is open, else the next opening time on a day of the window.
     */
    public Instant nextOpening(Instant at, ZoneId zone) {
        if (isOpen(at, zone)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!local.toLocalTime().isBefore(opens)) {
            day = day.plusDays(1);
        }
        while (!businessDays.sendsOn(day, days, zone)) {
            day = day.plusDays(1);
        }
        return day.atTime(opens).atZone(zone).toInstant();
    }
}
