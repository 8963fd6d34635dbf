package io.tradecredit.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.errors.ProblemException;

class QueryParamsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void pagingDefaultsToTheFirstPageOfTheDefaultSize() {
        assertEquals(0, QueryParams.page(null));
        assertEquals(3, QueryParams.page(3));
        assertEquals(Page.DEFAULT_SIZE, QueryParams.size(null));
        assertEquals(20, QueryParams.size(20));
    }

    @Test
    void aDateIsOptionalOrTodayAndAnUnreadableOneNamesItsParameter() {
        assertNull(QueryParams.date(null, "dueFrom"));
        assertNull(QueryParams.date(" ", "dueFrom"));
        assertEquals(LocalDate.of(2026, 3, 1), QueryParams.date("2026-03-01", "dueFrom"));
        assertEquals(LocalDate.of(2026, 11, 22), QueryParams.dateOrToday(null, "asOf", CLOCK));
        assertEquals(LocalDate.of(2026, 1, 31), QueryParams.dateOrToday("2026-01-31", "asOf", CLOCK));
        ProblemException bad = assertThrows(ProblemException.class,
                () -> QueryParams.dateOrToday("31.01.2026", "asOf", CLOCK));
        assertEquals(400, bad.problem().status());
        assertEquals(List.of(new Problem.FieldError("asOf", "must be a date like 2026-11-22, got '31.01.2026'")),
                bad.problem().errors());
    }

    @Test
    void anIdIsOptionalAndAnUnreadableOneNamesItsParameter() {
        UUID id = UUID.randomUUID();
        assertNull(QueryParams.uuid("", "buyerId"));
        assertEquals(id, QueryParams.uuid(" " + id + " ", "buyerId"));
        ProblemException bad = assertThrows(ProblemException.class, () -> QueryParams.uuid("nope", "buyerId"));
        assertEquals(List.of(new Problem.FieldError("buyerId", "must be a UUID, got 'nope'")), bad.problem().errors());
    }
}
