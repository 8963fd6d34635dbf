package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.tradecredit.claims.domain.Deadline.Met;
import io.tradecredit.claims.domain.Deadline.MetBy;
import io.tradecredit.claims.domain.Deadline.Missed;
import io.tradecredit.claims.domain.Deadline.Warn;

/** How the daily job judges one deadline on a day: warned once within the lead time, met by its act, or missed. */
class DeadlineTest {
    static final LocalDate NOTIFY_BY = LocalDate.parse("2026-10-10");
    static final Deadline NOTIFY = new Deadline(DeadlineKind.NOTIFY_OVERDUE, NOTIFY_BY, DeadlineState.UPCOMING);

    static LocalDate day(String d) {
        return LocalDate.parse(d);
    }

    static Deadline of(DeadlineKind kind, DeadlineState state) {
        return new Deadline(kind, NOTIFY_BY, state);
    }

    @Test
    void warnedFromFiveDaysBeforeWithTheDaysLeftAndOnlyOnce() {
        assertEquals(Deadline.UNCHANGED, NOTIFY.judge(5, DeadlineFacts.NOTHING, day("2026-10-04")));
        assertEquals(new Warn(5), NOTIFY.judge(5, DeadlineFacts.NOTHING, day("2026-10-05")));
        assertEquals(new Warn(0), NOTIFY.judge(5, DeadlineFacts.NOTHING, NOTIFY_BY));
        assertEquals(Deadline.UNCHANGED, of(DeadlineKind.NOTIFY_OVERDUE, DeadlineState.WARNED)
                .judge(5, DeadlineFacts.NOTHING, day("2026-10-06")));
    }

    @Test
    void withoutLeadTimeTheWarningComesOnTheDayItself() {
        assertEquals(Deadline.UNCHANGED, NOTIFY.judge(0, DeadlineFacts.NOTHING, day("2026-10-09")));
        assertEquals(new Warn(0), NOTIFY.judge(0, DeadlineFacts.NOTHING, NOTIFY_BY));
    }

    @Test
    void notMetByTheEndOfItsDayItIsMissedWarnedOrNot() {
        assertEquals(new Missed(), NOTIFY.judge(5, DeadlineFacts.NOTHING, day("2026-10-11")));
        assertEquals(new Missed(), of(DeadlineKind.NOTIFY_OVERDUE, DeadlineState.WARNED)
                .judge(5, DeadlineFacts.NOTHING, day("2026-10-11")));
    }

    @Test
    void anOverdueNotificationOnOrBeforeTheDateMeetsNotifyOverdueALateOneDoesNot() {
        var onTheDay = new DeadlineFacts(false, NOTIFY_BY, NOTIFY_BY, null);
        assertEquals(new Met(MetBy.OVERDUE_NOTIFIED, NOTIFY_BY), NOTIFY.judge(5, onTheDay, day("2026-10-12")));
        assertEquals(new Met(MetBy.OVERDUE_NOTIFIED, day("2026-10-01")),
                NOTIFY.judge(5, new DeadlineFacts(false, day("2026-10-01"), null, null), day("2026-10-01")));
        var late = new DeadlineFacts(false, day("2026-10-11"), day("2026-10-11"), null);
        assertEquals(new Missed(), NOTIFY.judge(5, late, day("2026-10-11")));
    }

    @Test
    void aNotificationAfterTheDayJudgedDoesNotCountYet() {
        // a catch-up run for 8 October does not see the notification of 9 October
        var later = new DeadlineFacts(false, day("2026-10-09"), day("2026-10-09"), null);
        assertEquals(new Warn(2), NOTIFY.judge(5, later, day("2026-10-08")));
    }

    @Test
    void eachKindIsMetByItsOwnAct() {
        var claimFiled = new DeadlineFacts(false, null, null, day("2026-10-03"));
        assertEquals(new Met(MetBy.CLAIM_FILED, day("2026-10-03")),
                of(DeadlineKind.FILE_CLAIM, DeadlineState.WARNED).judge(5, claimFiled, day("2026-10-20")));
        assertEquals(new Met(MetBy.CLAIM_FILED, day("2026-10-03")),
                of(DeadlineKind.TRANSFER_TO_COLLECTOR, DeadlineState.UPCOMING).judge(5, claimFiled, day("2026-10-20")));
        assertEquals(new Missed(), NOTIFY.judge(5, claimFiled, day("2026-10-20")));
        var stopped = new DeadlineFacts(false, null, day("2026-10-02"), null);
        assertEquals(new Met(MetBy.STOP_DELIVERIES_STARTED, day("2026-10-02")),
                of(DeadlineKind.STOP_DELIVERIES, DeadlineState.UPCOMING).judge(5, stopped, day("2026-10-20")));
        assertEquals(new Missed(), NOTIFY.judge(5, stopped, day("2026-10-20")));
        assertEquals(new Missed(), of(DeadlineKind.FILE_CLAIM, DeadlineState.UPCOMING).judge(5, stopped,
                day("2026-10-20")));
    }

    @Test
    void aPaidInvoiceEndsItsOpenDeadlinesAsMetButNotAMissedOne() {
        var paid = new DeadlineFacts(true, null, null, null);
        assertEquals(new Met(MetBy.PAID, day("2026-10-07")), NOTIFY.judge(5, paid, day("2026-10-07")));
        assertEquals(new Met(MetBy.PAID, day("2026-10-15")), of(DeadlineKind.NOTIFY_OVERDUE, DeadlineState.WARNED)
                .judge(5, paid, day("2026-10-15")));
        assertEquals(Deadline.UNCHANGED, of(DeadlineKind.NOTIFY_OVERDUE, DeadlineState.MISSED)
                .judge(5, paid, day("2026-10-15")));
        assertEquals(Deadline.UNCHANGED, of(DeadlineKind.NOTIFY_OVERDUE, DeadlineState.MET)
                .judge(5, DeadlineFacts.NOTHING, day("2026-10-15")));
        // notified in time and paid later: met by the notification
        assertEquals(new Met(MetBy.OVERDUE_NOTIFIED, day("2026-10-09")),
                NOTIFY.judge(5, new DeadlineFacts(true, day("2026-10-09"), null, null), day("2026-10-15")));
    }

    @Test
    void onlyUpcomingAndWarnedAreOpen() {
        assertTrue(DeadlineState.UPCOMING.isOpen());
        assertTrue(DeadlineState.WARNED.isOpen());
        assertFalse(DeadlineState.MET.isOpen());
        assertFalse(DeadlineState.MISSED.isOpen());
    }

    /**
     * The first run (docs/insurance-claims-service.md, "The first run"): tracking began on 1 December 2026. A deadline
     * of 30 November is first seen missed on 1 December, on time: an ordinary miss. One of 29 November or earlier
     * would have been reported by a run of 30 November or before: missed before tracking.
     */
    @Test
    void aDeadlineMissedBeforeTheFirstRunWouldHaveSeenItIsMissedBeforeTracking() {
        LocalDate since = day("2026-12-01");
        assertFalse(new Deadline(DeadlineKind.NOTIFY_OVERDUE, day("2026-11-30"), DeadlineState.UPCOMING)
                .missedBeforeTracking(since));
        assertTrue(new Deadline(DeadlineKind.NOTIFY_OVERDUE, day("2026-11-29"), DeadlineState.UPCOMING)
                .missedBeforeTracking(since));
        assertTrue(new Deadline(DeadlineKind.TRANSFER_TO_COLLECTOR, day("2026-10-01"), DeadlineState.UPCOMING)
                .missedBeforeTracking(since));
        assertFalse(new Deadline(DeadlineKind.FILE_CLAIM, day("2026-12-30"), DeadlineState.UPCOMING)
                .missedBeforeTracking(since));
        assertFalse(new Deadline(DeadlineKind.NOTIFY_OVERDUE, day("2026-01-01"), DeadlineState.UPCOMING)
                .missedBeforeTracking(null), "not tracked yet: as tracked from the start");
    }
}
