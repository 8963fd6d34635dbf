package io.tradecredit.e2e.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The zone the scenarios' platform keeps its dates in: it is about noon there when the module starts. */
class NoonZoneTest {
    @Test
    void atShanghaisMidnightTheScenariosRunAtNoonFourHoursBehindUtc() {
        // 16:00 UTC: the build that met Shanghai's midnight between two scenarios
        assertEquals(ZoneOffset.ofHours(-4), Harness.noonZone(Instant.parse("2026-12-06T16:00:00Z")));
    }

    @Test
    void roundsToTheNearestQuarterHour() {
        assertEquals(ZoneOffset.ofHoursMinutes(8, 0), Harness.noonZone(Instant.parse("2026-12-06T04:07:29Z")));
        assertEquals(ZoneOffset.ofHoursMinutes(7, 45), Harness.noonZone(Instant.parse("2026-12-06T04:07:31Z")));
    }

    @Test
    void fromUtcMidnightToItsLastMinuteTheOffsetStaysAZone() {
        assertEquals(ZoneOffset.ofHours(12), Harness.noonZone(Instant.parse("2026-12-06T00:00:00Z")));
        assertEquals(ZoneOffset.ofHours(-12), Harness.noonZone(Instant.parse("2026-12-06T23:59:59Z")));
    }

    @Test
    void itIsNoonThereWithinSevenAndAHalfMinutes() {
        for (int minute = 0; minute < 24 * 60; minute += 7) {
            Instant now = Instant.parse("2026-12-06T00:00:00Z").plusSeconds(minute * 60L);
            int local = now.atOffset(Harness.noonZone(now)).toLocalTime().toSecondOfDay();
            assertEquals(12 * 3600, local, 450, "at " + now);
        }
    }
}
