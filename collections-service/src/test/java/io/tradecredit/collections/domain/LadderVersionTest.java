package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class LadderVersionTest {
    static LadderVersion v(int version, String from) {
        return new LadderVersion("big-buyers", version, LocalDate.parse(from), DunningLadder.DEFAULT, null, "ann");
    }

    static final List<LadderVersion> VERSIONS = List.of(v(1, "2026-03-01"), v(2, "2026-06-01"), v(3, "2026-06-01"),
            v(4, "2026-05-01"));

    @Test
    void theVersionInForceIsTheOneWithTheLatestDateOnOrBeforeTheDay() {
        assertEquals(1, LadderVersion.inForceOn(VERSIONS, LocalDate.parse("2026-03-01")).orElseThrow().version());
        assertEquals(1, LadderVersion.inForceOn(VERSIONS, LocalDate.parse("2026-04-30")).orElseThrow().version());
        // recorded after version 3 but in force from an earlier date: in force until June
        assertEquals(4, LadderVersion.inForceOn(VERSIONS, LocalDate.parse("2026-05-31")).orElseThrow().version());
    }

    @Test
    void ofTwoFromTheSameDayTheHigherNumberIsInForce() {
        assertEquals(3, LadderVersion.inForceOn(VERSIONS, LocalDate.parse("2026-06-01")).orElseThrow().version());
        assertEquals(3, LadderVersion.inForceOn(List.of(v(3, "2026-06-01"), v(2, "2026-06-01")),
                LocalDate.parse("2026-06-01")).orElseThrow().version());
    }

    @Test
    void beforeTheFirstVersionNoneIsInForce() {
        assertTrue(LadderVersion.inForceOn(VERSIONS, LocalDate.parse("2026-02-28")).isEmpty());
        assertTrue(LadderVersion.inForceOn(List.of(), LocalDate.parse("2026-02-28")).isEmpty());
    }

    @Test
    void thePlatformDefaultIsTheDomainLadderUnderTheDefaultKey() {
        assertEquals("default", LadderVersion.PLATFORM_DEFAULT.key());
        assertEquals(0, LadderVersion.PLATFORM_DEFAULT.version());
        assertEquals(DunningLadder.DEFAULT, LadderVersion.PLATFORM_DEFAULT.ladder());
    }
}
