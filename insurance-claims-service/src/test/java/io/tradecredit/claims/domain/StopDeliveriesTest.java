package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * An invoice due 1 March 2026, MEP 60 days, notify within 10 days: the overdue must be notified by 10 May, and new
 * deliveries are uninsured from 11 May (the stop-deliveries deadline) at the latest.
 */
class StopDeliveriesTest {
    static final Optional<LocalDate> MISSED = Optional.of(LocalDate.parse("2026-05-11"));

    @Test
    void notifiedInTimeTheStopStartsOnTheNotificationsDay() {
        assertEquals(Optional.of(LocalDate.parse("2026-05-04")),
                StopDeliveries.from(Optional.of(LocalDate.parse("2026-05-04")), Optional.empty()));
    }

    @Test
    void neverNotifiedTheStopStartsOnTheMissedDeadlinesDay() {
        assertEquals(MISSED, StopDeliveries.from(Optional.empty(), MISSED));
    }

    @Test
    void notifiedLateTheMissedDeadlineStandsTheEarlierDay() {
        assertEquals(MISSED, StopDeliveries.from(Optional.of(LocalDate.parse("2026-06-20")), MISSED));
        assertEquals(Optional.of(LocalDate.parse("2026-05-10")),
                StopDeliveries.from(Optional.of(LocalDate.parse("2026-05-10")), MISSED));
    }

    /** A claim for insolvency stops deliveries from its day, never notified or before the notification; else the earlier. */
    @Test
    void aClaimForInsolvencyStopsDeliveriesFromItsDayTheEarliestStopStanding() {
        Optional<LocalDate> claimed = Optional.of(LocalDate.parse("2026-11-24"));
        assertEquals(claimed, StopDeliveries.from(Optional.empty(), Optional.empty(), claimed));
        assertEquals(claimed, StopDeliveries.from(Optional.of(LocalDate.parse("2026-11-25")), Optional.empty(), claimed));
        assertEquals(MISSED, StopDeliveries.from(Optional.empty(), MISSED, claimed));
        assertEquals(Optional.of(LocalDate.parse("2026-05-04")),
                StopDeliveries.from(Optional.of(LocalDate.parse("2026-05-04")), MISSED, claimed));
        assertEquals(Optional.empty(), StopDeliveries.from(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void neitherNoStop() {
        assertEquals(Optional.empty(), StopDeliveries.from(Optional.empty(), Optional.empty()));
    }

    @Test
    void theStopThatStandsIsTheEarlierStartTheNotificationOnTheSameDay() {
        java.util.UUID notification = java.util.UUID.randomUUID();
        java.util.UUID deadline = java.util.UUID.randomUUID();
        StopDeliveries.Start notified = new StopDeliveries.Start(LocalDate.parse("2026-05-04"), notification,
                StopDeliveries.Cause.NOTIFIED);
        StopDeliveries.Start missed = new StopDeliveries.Start(LocalDate.parse("2026-05-11"), deadline,
                StopDeliveries.Cause.DEADLINE_MISSED);
        assertEquals(Optional.empty(), StopDeliveries.standing(Optional.empty(), Optional.empty()));
        assertEquals(Optional.of(missed), StopDeliveries.standing(Optional.empty(), Optional.of(missed)));
        assertEquals(Optional.of(notified), StopDeliveries.standing(Optional.of(notified), Optional.of(missed)));
        StopDeliveries.Start lateNotice = new StopDeliveries.Start(LocalDate.parse("2026-06-20"), notification,
                StopDeliveries.Cause.NOTIFIED);
        assertEquals(Optional.of(missed), StopDeliveries.standing(Optional.of(lateNotice), Optional.of(missed)));
        StopDeliveries.Start sameDay = new StopDeliveries.Start(LocalDate.parse("2026-05-11"), notification,
                StopDeliveries.Cause.NOTIFIED);
        assertEquals(Optional.of(sameDay), StopDeliveries.standing(Optional.of(sameDay), Optional.of(missed)));
    }
}
