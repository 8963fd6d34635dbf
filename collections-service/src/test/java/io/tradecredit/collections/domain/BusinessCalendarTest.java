package io.tradecredit.collections.domain;

import static io.tradecredit.collections.domain.BusinessCalendar.DayCount.BUSINESS_DAYS;
import static io.tradecredit.collections.domain.BusinessCalendar.DayCount.CALENDAR_DAYS;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * Worked examples on National Day 2026 as China's official schedule has it: Thursday 1 to
 * Wednesday 7 October off, Sunday 20 September and Saturday 10 October worked (调休).
 */
class BusinessCalendarTest {
    static LocalDate oct(int day) {
        return LocalDate.of(2026, 10, day);
    }

    static LocalDate sep(int day) {
        return LocalDate.of(2026, 9, day);
    }

    static final BusinessCalendar CHINA_2026 = BusinessCalendar.of(List.of(SATURDAY, SUNDAY),
            List.of(oct(1), oct(2), oct(3), oct(4), oct(5), oct(6), oct(7)), List.of(sep(20), oct(10)));

    @Test
    void holidaysAndWeekendsAreOffAndMakeUpSaturdaysAndSundaysAreWorked() {
        assertFalse(CHINA_2026.isWorkingDay(oct(1)), "Thursday, National Day");
        assertFalse(CHINA_2026.isWorkingDay(oct(7)), "Wednesday, last day of the holiday");
        assertTrue(CHINA_2026.isWorkingDay(oct(8)), "Thursday after the holiday");
        assertTrue(CHINA_2026.isWorkingDay(oct(10)), "Saturday worked");
        assertFalse(CHINA_2026.isWorkingDay(oct(11)), "an ordinary Sunday");
        assertFalse(CHINA_2026.isWorkingDay(sep(19)), "an ordinary Saturday");
        assertTrue(CHINA_2026.isWorkingDay(sep(20)), "Sunday worked");
        assertTrue(CHINA_2026.isWorkingDay(sep(21)), "an ordinary Monday");
    }

    @Test
    void inCalendarDaysAStepOnAHolidayMovesToTheNextWorkingDay() {
        // due Wednesday 30 September: +3 is Saturday 3 October, +7 is Wednesday 7 October, both in the holiday
        assertEquals(oct(8), CHINA_2026.stepDay(sep(30), 3, CALENDAR_DAYS));
        assertEquals(oct(8), CHINA_2026.stepDay(sep(30), 7, CALENDAR_DAYS));
        assertEquals(oct(8), CHINA_2026.stepDay(sep(30), 8, CALENDAR_DAYS));
        assertEquals(sep(29), CHINA_2026.stepDay(sep(30), -1, CALENDAR_DAYS));
    }

    @Test
    void inCalendarDaysAStepOnAMakeUpSaturdayStaysThere() {
        assertEquals(oct(10), CHINA_2026.stepDay(oct(3), 7, CALENDAR_DAYS));
        assertEquals(oct(12), CHINA_2026.stepDay(oct(4), 7, CALENDAR_DAYS), "Sunday 11 October moves to Monday");
    }

    @Test
    void inBusinessDaysTheHolidayIsNotCountedAndTheMakeUpSaturdayIs() {
        // 8, 9, 10 (Saturday worked) October
        assertEquals(oct(10), CHINA_2026.stepDay(sep(30), 3, BUSINESS_DAYS));
        // 8, 9, 10, 12, 13, 14, 15 October
        assertEquals(oct(15), CHINA_2026.stepDay(sep(30), 7, BUSINESS_DAYS));
    }

    @Test
    void inBusinessDaysAReminderBeforeTheDueDateCountsBackwardsOverTheHoliday() {
        // due Thursday 8 October: 30, 29, 28 September
        assertEquals(sep(28), CHINA_2026.stepDay(oct(8), -3, BUSINESS_DAYS));
        // 30, 29, 28, 25, 24, 23, 22 September
        assertEquals(sep(22), CHINA_2026.stepDay(oct(8), -7, BUSINESS_DAYS));
        // due Tuesday 22 September: Monday 21, then Sunday 20 (worked)
        assertEquals(sep(20), CHINA_2026.stepDay(sep(22), -2, BUSINESS_DAYS));
    }

    @Test
    void onTheDueDateItselfANonWorkingDueDateMovesToTheNextWorkingDay() {
        assertEquals(oct(8), CHINA_2026.stepDay(oct(3), 0, BUSINESS_DAYS));
        assertEquals(oct(8), CHINA_2026.stepDay(oct(3), 0, CALENDAR_DAYS));
        assertEquals(oct(9), CHINA_2026.stepDay(oct(9), 0, BUSINESS_DAYS));
        assertEquals(oct(10), CHINA_2026.stepDay(oct(10), 0, BUSINESS_DAYS));
    }

    @Test
    void businessDaysCountFromANonWorkingDueDate() {
        // due Saturday 3 October (in the holiday): the first working day after it is the 8th
        assertEquals(oct(8), CHINA_2026.stepDay(oct(3), 1, BUSINESS_DAYS));
        assertEquals(sep(30), CHINA_2026.stepDay(oct(3), -1, BUSINESS_DAYS));
    }

    @Test
    void defaultCalendarIsMondayToFridayWithoutHolidays() {
        // Friday 4 December 2026
        LocalDate friday = LocalDate.of(2026, 12, 4);
        assertEquals(LocalDate.of(2026, 12, 7), BusinessCalendar.DEFAULT.stepDay(friday, 1, CALENDAR_DAYS));
        assertEquals(LocalDate.of(2026, 12, 7), BusinessCalendar.DEFAULT.stepDay(friday, 1, BUSINESS_DAYS));
        assertEquals(LocalDate.of(2026, 12, 8), BusinessCalendar.DEFAULT.stepDay(friday, 2, BUSINESS_DAYS));
        assertTrue(BusinessCalendar.DEFAULT.isWorkingDay(oct(1)), "no holiday data is built in");
    }

    @Test
    void aTenantThatWorksEveryDayCountsPlainDays() {
        BusinessCalendar everyDay = BusinessCalendar.of(List.of(), List.of(), List.of());
        assertEquals(LocalDate.of(2026, 12, 5), everyDay.stepDay(LocalDate.of(2026, 12, 4), 1, CALENDAR_DAYS));
        assertEquals(LocalDate.of(2026, 12, 5), everyDay.nextWorkingDay(LocalDate.of(2026, 12, 5)));
        assertEquals(LocalDate.of(2026, 12, 5), everyDay.plusWorkingDays(LocalDate.of(2026, 12, 5), 0));
    }

    @Test
    void aTenantThatWorksOnlyOnSundaysIsAllowed() {
        BusinessCalendar sundays = BusinessCalendar.of(List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY),
                List.of(), List.of());
        assertEquals(oct(11), sundays.stepDay(oct(5), 1, BUSINESS_DAYS));
    }

    @Test
    void everyProblemOfACalendarIsNamedAtOnce() {
        DomainError e = assertThrows(DomainError.class, () -> BusinessCalendar.of(
                List.of(DayOfWeek.values()), List.of(oct(1), oct(1)), List.of(oct(8), oct(1))));
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals("dunning.calendar-invalid", e.code());
        assertEquals(List.of(
                new Violation("weekend", "at least one day of the week must be a working day"),
                new Violation("holidays[1]", "2026-10-01 is listed twice"),
                new Violation("makeUpWorkingDays[1]", "2026-10-01 is also listed as a holiday")), e.violations());
    }

    @Test
    void aMakeUpWorkingDayMustBeAWeekendDayListedOnce() {
        DomainError e = assertThrows(DomainError.class, () -> BusinessCalendar.of(
                List.of(SATURDAY, SUNDAY, SUNDAY), List.of(), List.of(oct(8), oct(10), oct(10))));
        assertEquals(List.of(
                new Violation("weekend[2]", "SUNDAY is listed twice"),
                new Violation("makeUpWorkingDays[2]", "2026-10-10 is listed twice"),
                new Violation("makeUpWorkingDays[0]", "2026-10-08 is a THURSDAY, already a working day: "
                        + "a make-up working day is a weekend day worked")), e.violations());
    }

    @Test
    void aNullDayIsNamedByItsIndexWithEveryOtherProblemAndTheOtherDaysStillChecked() {
        DomainError e = assertThrows(DomainError.class, () -> BusinessCalendar.of(
                Arrays.asList(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY, null),
                Arrays.asList(null, oct(1)), Arrays.asList(oct(10), null, oct(10))));
        assertEquals(List.of(
                new Violation("weekend[7]", "is required: a null is not a day"),
                new Violation("holidays[0]", "is required: a null is not a day"),
                new Violation("makeUpWorkingDays[1]", "is required: a null is not a day"),
                new Violation("weekend", "at least one day of the week must be a working day"),
                new Violation("makeUpWorkingDays[2]", "2026-10-10 is listed twice")), e.violations());
    }
}
