package io.tradecredit.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/**
 * What an unreadable value is said to have to be. A send window's {@code "opens": "9am"} was answered "cannot read
 * '9am' as an object": a time is read from a string, and the tenant was not told what to write instead.
 */
class UnreadableValueWordsTest {
    @Test
    void aTimeIsAskedForAsOneLikeNineOClock() {
        assertEquals("a time like 09:00", WholeBodyReading.NoteUnreadableValues.expected(LocalTime.class));
    }

    @Test
    void instantsDateTimesAndDurationsAreNamedWithAnExampleNotAsObjects() {
        assertEquals("a date and time like 2026-10-09T09:00:00+08:00",
                WholeBodyReading.NoteUnreadableValues.expected(OffsetDateTime.class));
        assertEquals("a date and time like 2026-10-09T09:00:00+08:00",
                WholeBodyReading.NoteUnreadableValues.expected(Instant.class));
        assertEquals("a date and time like 2026-10-09T09:00:00",
                WholeBodyReading.NoteUnreadableValues.expected(LocalDateTime.class));
        assertEquals("a duration like PT30S", WholeBodyReading.NoteUnreadableValues.expected(Duration.class));
        assertEquals("an object", WholeBodyReading.NoteUnreadableValues.expected(UnreadableValueWordsTest.class));
    }
}
