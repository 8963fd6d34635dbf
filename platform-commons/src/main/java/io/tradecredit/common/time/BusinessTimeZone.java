package io.tradecredit.common.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The zone whose midnight turns the platform's "today" ({@value #ZONE_PROPERTY}; Asia/Shanghai in the chassis'
 * microprofile-config.properties): which date today is, and on which date an instant fell. Due dates, days past due,
 * the daily jobs' date and every date a request leaves out are dates in this zone, so a Chinese seller's day turns
 * at its own midnight, not at 08:00 (UTC's). Instants stay instants (timestamps on the wire and in the databases
 * are UTC); only the dates read off them go through here.
 */
public final class BusinessTimeZone {
    /** The configuration property naming the zone ({@code TRADECREDIT_BUSINESS_TIME_ZONE}). */
    public static final String ZONE_PROPERTY = "tradecredit.business-time-zone";

    /** The earliest time zone: its date is the latest on earth. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private final Clock clock;
    private final ZoneId zone;

    public BusinessTimeZone(Clock clock, ZoneId zone) {
        this.clock = clock.withZone(zone);
        this.zone = zone;
    }

    /** The zone named by {@code id}; a clear error naming the property when it is no zone. */
    public static ZoneId zone(String id) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(ZONE_PROPERTY + " must be a time zone such as Asia/Shanghai or UTC, got '"
                    + id + "'", e);
        }
    }

    /** Today's date in the business zone, on the injected clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The latest date it is anywhere on earth now (UTC+14's): a date someone, somewhere, may truthfully call today,
     * such as the day a payment was received.
     */
    public LocalDate latestTodayOnEarth() {
        return LocalDate.now(clock.withZone(EARLIEST_ZONE));
    }

    /** The date on which {@code at} fell in the business zone. */
    public LocalDate dateOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** The date on which {@code at} fell in the business zone, whatever offset it carries. */
    public LocalDate dateOf(OffsetDateTime at) {
        return dateOf(at.toInstant());
    }

    /** The first instant of {@code day} in the business zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public ZoneId zone() {
        return zone;
    }
}
