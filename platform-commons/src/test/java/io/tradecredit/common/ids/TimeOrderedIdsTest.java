package io.tradecredit.common.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    @Test
    void carriesItsMillisecondInTheFirst48BitsAsVersion7WithTheRfcVariant() {
        Instant at = Instant.parse("2026-11-22T10:15:30.123Z");
        UUID id = TimeOrderedIds.at(at);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(at, TimeOrderedIds.timeOf(id));
        // 2026-11-22T10:15:30.123Z is 1,795,342,530,123 ms = 0x01A2_02C0_F64B
        assertTrue(id.toString().startsWith("01a202c0-f64b-7"), id.toString());
    }

    @Test
    void laterMillisecondsSortAfterEarlierOnesAsUuidsAndAsText() {
        Instant t = Instant.parse("2026-11-22T10:15:30Z");
        for (int i = 0; i < 1_000; i++) {
            UUID earlier = TimeOrderedIds.at(t.plusMillis(i));
            UUID later = TimeOrderedIds.at(t.plusMillis(i + 1));
            assertTrue(earlier.toString().compareTo(later.toString()) < 0);
            // PostgreSQL orders uuid bytewise, as the text form does; java.util.UUID compares signed
            // halves, which agrees while the time's top bit is 0 (until the year 10889)
            assertTrue(earlier.compareTo(later) < 0);
        }
    }

    @Test
    void idsOfTheSameMillisecondAreStillUnique() {
        Instant at = Instant.parse("2026-11-22T10:15:30Z");
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.at(at));
        }
        assertEquals(100_000, ids.size());
    }

    @Test
    void refusesTimesOutsideTheRangeAndVersion4Ids() {
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedIds.at(Instant.parse("1969-12-31T23:59:59Z")));
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedIds.timeOf(UUID.randomUUID()));
    }
}
