package io.tradecredit.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The business day turns at midnight in the business zone: in Shanghai, at 16:00 UTC of the day before. */
class BusinessTimeZoneTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static BusinessTimeZone at(String instant, ZoneId zone) {
        return new BusinessTimeZone(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), zone);
    }

    @Test
    void todayIsTheDateInTheBusinessZoneNotUtcs() {
        assertEquals(LocalDate.of(2026, 11, 21), at("2026-11-21T15:59:59Z", SHANGHAI).today());
        assertEquals(LocalDate.of(2026, 11, 22), at("2026-11-21T16:00:00Z", SHANGHAI).today());
        assertEquals(LocalDate.of(2026, 11, 21), at("2026-11-21T16:00:00Z", ZoneOffset.UTC).today());
    }

    @Test
    void anInstantFallsOnItsDateInTheBusinessZoneWhateverOffsetItCarries() {
        BusinessTimeZone day = at("2026-11-21T00:00:00Z", SHANGHAI);
        assertEquals(LocalDate.of(2026, 11, 22), day.dateOf(OffsetDateTime.parse("2026-11-21T17:00:00Z")));
        assertEquals(LocalDate.of(2026, 11, 22), day.dateOf(OffsetDateTime.parse("2026-11-21T12:00:00-05:00")));
        assertEquals(LocalDate.of(2026, 11, 21), day.dateOf(Instant.parse("2026-11-21T15:59:59Z")));
    }

    @Test
    void theLatestTodayOnEarthIsKiritimatisUtcPlus14() {
        // 10:00 UTC on 21 November is already 00:00 on the 22nd at UTC+14; a second earlier it is not
        assertEquals(LocalDate.of(2026, 11, 22), at("2026-11-21T10:00:00Z", ZoneOffset.UTC).latestTodayOnEarth());
        assertEquals(LocalDate.of(2026, 11, 21), at("2026-11-21T09:59:59Z", SHANGHAI).latestTodayOnEarth());
    }

    @Test
    void aDayStartsAtItsMidnightInTheBusinessZone() {
        assertEquals(Instant.parse("2026-11-21T16:00:00Z"), at("2026-11-21T00:00:00Z", SHANGHAI)
                .startOf(LocalDate.of(2026, 11, 22)));
        assertEquals(SHANGHAI, at("2026-11-21T00:00:00Z", SHANGHAI).zone());
    }

    @Test
    void theZoneIsReadFromItsNameAndAWrongOneNamesTheProperty() {
        assertEquals(SHANGHAI, BusinessTimeZone.zone(" Asia/Shanghai "));
        assertEquals(ZoneId.of("UTC"), BusinessTimeZone.zone("UTC"));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> BusinessTimeZone.zone("Beijing"));
        assertTrue(wrong.getMessage().contains(BusinessTimeZone.ZONE_PROPERTY), wrong.getMessage());
        assertTrue(wrong.getMessage().contains("'Beijing'"), wrong.getMessage());
    }
}
