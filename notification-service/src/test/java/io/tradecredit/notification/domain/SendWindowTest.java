package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;

class SendWindowTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final SendWindow W = SendWindow.DEFAULT;

    @Test
    void thursdayAtTenInShanghaiIsOpenAndGoesAtOnce() {
        Instant at = Instant.parse("2026-12-03T02:00:00Z"); // Thu 10:00 in Shanghai
        assertTrue(W.isOpen(at, SHANGHAI));
        assertEquals(at, W.nextOpening(at, SHANGHAI));
    }

    @Test
    void theSameInstantIsThreeInTheMorningInBerlinAndWaitsUntilNine() {
        Instant at = Instant.parse("2026-12-03T02:00:00Z"); // Thu 03:00 in Berlin
        assertFalse(W.isOpen(at, BERLIN));
        assertEquals(Instant.parse("2026-12-03T08:00:00Z"), W.nextOpening(at, BERLIN));
    }

    @Test
    void nineIsOpenAndSixInTheEveningIsClosed() {
        assertTrue(W.isOpen(Instant.parse("2026-12-03T01:00:00Z"), SHANGHAI)); // 09:00
        assertTrue(W.isOpen(Instant.parse("2026-12-03T09:59:59Z"), SHANGHAI)); // 17:59:59
        assertFalse(W.isOpen(Instant.parse("2026-12-03T10:00:00Z"), SHANGHAI)); // 18:00
        assertFalse(W.isOpen(Instant.parse("2026-12-03T00:59:59Z"), SHANGHAI)); // 08:59:59
    }

    @Test
    void fridayEveningWaitsForMondayMorning() {
        Instant fridayEight = Instant.parse("2026-12-04T12:00:00Z"); // Fri 20:00 Shanghai
        assertEquals(Instant.parse("2026-12-07T01:00:00Z"), W.nextOpening(fridayEight, SHANGHAI)); // Mon 09:00
    }

    @Test
    void justBeforeMidnightAndJustAfterBothWaitForNineOnTheNextBusinessDay() {
        Instant before = Instant.parse("2026-12-02T15:59:00Z"); // Wed 23:59 Shanghai
        Instant after = Instant.parse("2026-12-02T16:01:00Z"); // Thu 00:01 Shanghai
        assertEquals(Instant.parse("2026-12-03T01:00:00Z"), W.nextOpening(before, SHANGHAI));
        assertEquals(Instant.parse("2026-12-03T01:00:00Z"), W.nextOpening(after, SHANGHAI));
    }

    @Test
    void saturdayMorningIsClosedAndWaitsForMonday() {
        Instant saturdayTen = Instant.parse("2026-12-05T02:00:00Z");
        assertFalse(W.isOpen(saturdayTen, SHANGHAI));
        assertEquals(Instant.parse("2026-12-07T01:00:00Z"), W.nextOpening(saturdayTen, SHANGHAI));
    }

    @Test
    void aSaturdayWindowOpensOnSaturday() {
        SendWindow weekend = SendWindow.of(LocalTime.of(10, 0), LocalTime.of(12, 0), Set.of(DayOfWeek.SATURDAY));
        Instant fridayNoon = Instant.parse("2026-12-04T04:00:00Z");
        assertEquals(Instant.parse("2026-12-05T02:00:00Z"), weekend.nextOpening(fridayNoon, SHANGHAI));
        assertEquals(EnumSet.of(DayOfWeek.SATURDAY), EnumSet.copyOf(weekend.days()));
    }

    @Test
    void aWindowThatClosesBeforeItOpensAndHasNoDaysIsRefusedNamingBoth() {
        DomainError e = assertThrows(DomainError.class,
                () -> SendWindow.of(LocalTime.of(18, 0), LocalTime.of(9, 0), Set.of()));
        assertEquals("send-window.invalid", e.code());
        assertEquals(java.util.List.of("sendWindow.closes", "sendWindow.days"),
                e.violations().stream().map(v -> v.field()).toList());
        DomainError missing = assertThrows(DomainError.class, () -> SendWindow.of(null, null, null));
        assertEquals(java.util.List.of("sendWindow.opens", "sendWindow.closes", "sendWindow.days"),
                missing.violations().stream().map(v -> v.field()).toList());
        DomainError equal = assertThrows(DomainError.class,
                () -> SendWindow.of(LocalTime.of(9, 0), LocalTime.of(9, 0), Set.of(DayOfWeek.MONDAY)));
        assertEquals("sendWindow.closes", equal.violations().get(0).field());
    }

    /** National Day 2026: Thursday 1 to Wednesday 7 October off; Saturday 10 October worked. */
    static final BusinessDays NATIONAL_DAY = new BusinessDays(Set.of(java.time.LocalDate.parse("2026-10-01"),
            java.time.LocalDate.parse("2026-10-02"), java.time.LocalDate.parse("2026-10-05"),
            java.time.LocalDate.parse("2026-10-06"), java.time.LocalDate.parse("2026-10-07")),
            Set.of(java.time.LocalDate.parse("2026-10-10")));

    @Test
    void aRequestTheEveningBeforeTheHolidaysWaitsUntilTheFirstWorkingDayAfterThem() {
        Instant wednesdayEvening = Instant.parse("2026-09-30T11:00:00Z"); // Wed 19:00 in Shanghai
        assertEquals(Instant.parse("2026-10-01T01:00:00Z"), W.nextOpening(wednesdayEvening, SHANGHAI),
                "without the tenant's calendar: Thursday 09:00");
        assertEquals(Instant.parse("2026-10-08T01:00:00Z"), W.on(NATIONAL_DAY).nextOpening(wednesdayEvening, SHANGHAI),
                "with it: Thursday 8 October 09:00");
        assertFalse(W.on(NATIONAL_DAY).isOpen(Instant.parse("2026-10-05T02:00:00Z"), SHANGHAI), "Monday 5 October 10:00");
        assertTrue(W.isOpen(Instant.parse("2026-10-05T02:00:00Z"), SHANGHAI));
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDayForTheWindow() {
        Instant fridayEvening = Instant.parse("2026-10-09T10:30:00Z"); // Fri 18:30 in Shanghai
        assertEquals(Instant.parse("2026-10-12T01:00:00Z"), W.nextOpening(fridayEvening, SHANGHAI), "Monday 09:00");
        assertEquals(Instant.parse("2026-10-10T01:00:00Z"), W.on(NATIONAL_DAY).nextOpening(fridayEvening, SHANGHAI),
                "Saturday 10 October 09:00");
        assertTrue(W.on(NATIONAL_DAY).isOpen(Instant.parse("2026-10-10T09:59:59Z"), SHANGHAI), "Saturday 17:59:59");
        assertFalse(W.on(NATIONAL_DAY).isOpen(Instant.parse("2026-10-10T10:00:00Z"), SHANGHAI), "Saturday 18:00");
        assertFalse(W.on(NATIONAL_DAY).isOpen(Instant.parse("2026-10-11T02:00:00Z"), SHANGHAI), "Sunday stays off");
    }

    /**
     * DOMAIN §5: messages to people go out in the recipient's business hours. A Shanghai tenant's make-up Saturday
     * (10 October 2026, worked in China after National Day) is a Saturday off for its buyer's contact in Berlin: the
     * window opened there at 09:00 Berlin time on that Saturday. Now it opens on Monday 12 October 09:00 in Berlin;
     * for a contact in Shanghai (or Chongqing, the same zone's rules) the Saturday stays a working day; the holidays
     * hold everyone (waiting never sends outside the recipient's hours).
     */
    @Test
    void aMakeUpSaturdayOfTheTenantsCalendarIsNoWorkingDayForAContactAbroad() {
        SendWindow kept = W.on(NATIONAL_DAY.in(SHANGHAI));
        Instant fridayEveningInBerlin = Instant.parse("2026-10-09T16:30:00Z"); // Fri 18:30 in Berlin
        assertEquals(Instant.parse("2026-10-12T07:00:00Z"), kept.nextOpening(fridayEveningInBerlin, BERLIN),
                "Monday 12 October 09:00 in Berlin, not Saturday 10 October");
        assertFalse(kept.isOpen(Instant.parse("2026-10-10T08:00:00Z"), BERLIN), "Saturday 10:00 in Berlin");
        assertTrue(kept.isOpen(Instant.parse("2026-10-10T02:00:00Z"), SHANGHAI), "Saturday 10:00 in Shanghai");
        assertTrue(kept.isOpen(Instant.parse("2026-10-10T02:00:00Z"), ZoneId.of("Asia/Chongqing")), "the same zone's rules");
        assertFalse(kept.isOpen(Instant.parse("2026-10-05T08:00:00Z"), BERLIN), "a holiday of the tenant holds Berlin too");
        assertTrue(kept.works(java.time.LocalDate.parse("2026-10-10")), "the tenant itself works that Saturday");
        assertTrue(W.on(NATIONAL_DAY).isOpen(Instant.parse("2026-10-10T08:00:00Z"), BERLIN), "a calendar placed nowhere holds everywhere");
    }

    @Test
    void aWindowWithOtherHoursOrDaysIsAChangeAndAnotherCalendarAloneIsNot() {
        assertTrue(W.sameHoursAndDaysAs(W.on(new BusinessDays(Set.of(java.time.LocalDate.of(2026, 10, 1)), Set.of()))));
        assertFalse(W.sameHoursAndDaysAs(new SendWindow(LocalTime.of(8, 0), LocalTime.of(18, 0), W.days())), "opens 08:00");
        assertFalse(W.sameHoursAndDaysAs(new SendWindow(LocalTime.of(9, 0), LocalTime.of(20, 0), W.days())), "closes 20:00");
        assertFalse(W.sameHoursAndDaysAs(new SendWindow(LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.allOf(DayOfWeek.class))), "every day");
    }
}
