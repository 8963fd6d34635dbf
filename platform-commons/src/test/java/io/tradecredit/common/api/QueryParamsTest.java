package io.tradecredit.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.errors.ProblemException;
import io.tradecredit.common.time.BusinessTimeZone;

class QueryParamsTest {
    /** 01:00 on 22 November in Shanghai, still the 21st in UTC: a date left out is the business day's. */
    private static final BusinessTimeZone DAY = new BusinessTimeZone(Clock.fixed(Instant.parse("2026-11-21T17:00:00Z"),
            ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));

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
        assertEquals(LocalDate.of(2026, 11, 22), QueryParams.dateOrToday(null, "asOf", DAY));
        assertEquals(LocalDate.of(2026, 1, 31), QueryParams.dateOrToday("2026-01-31", "asOf", DAY));
        ProblemException bad = assertThrows(ProblemException.class,
                () -> QueryParams.dateOrToday("31.01.2026", "asOf", DAY));
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
