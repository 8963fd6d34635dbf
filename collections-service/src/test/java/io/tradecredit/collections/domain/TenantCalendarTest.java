package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;

class TenantCalendarTest {
    @Test
    void nationalDayIsOffAndTheMakeUpSaturdayIsWorked() {
        TenantCalendar c = new TenantCalendar(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                List.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02")), List.of(LocalDate.parse("2026-10-10")));
        assertFalse(c.calendar().isWorkingDay(LocalDate.parse("2026-10-01")));
        assertTrue(c.calendar().isWorkingDay(LocalDate.parse("2026-10-10")));
        assertFalse(c.calendar().isWorkingDay(LocalDate.parse("2026-10-11")));
    }

    @Test
    void theDefaultIsMondayToFridayWithoutHolidays() {
        assertEquals(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), TenantCalendar.DEFAULT.weekend());
        assertTrue(TenantCalendar.DEFAULT.holidays().isEmpty());
        assertTrue(TenantCalendar.DEFAULT.makeUpWorkingDays().isEmpty());
        assertFalse(TenantCalendar.DEFAULT.calendar().isWorkingDay(LocalDate.parse("2026-10-03")));
        assertTrue(TenantCalendar.DEFAULT.calendar().isWorkingDay(LocalDate.parse("2026-10-01")));
    }

    @Test
    void aCalendarBusinessCalendarRefusesIsRefusedWithTheSameFields() {
        DomainError e = assertThrows(DomainError.class, () -> new TenantCalendar(List.of(DayOfWeek.SATURDAY),
                List.of(), List.of(LocalDate.parse("2026-10-08"))));
        assertEquals("makeUpWorkingDays[0]", e.violations().get(0).field());
    }

    @Test
    void itKeepsItsOwnCopyOfTheLists() {
        List<LocalDate> holidays = new ArrayList<>(List.of(LocalDate.parse("2026-10-01")));
        TenantCalendar c = new TenantCalendar(List.of(DayOfWeek.SUNDAY), holidays, List.of());
        holidays.add(LocalDate.parse("2026-10-02"));
        assertEquals(1, c.holidays().size());
        assertTrue(c.calendar().isWorkingDay(LocalDate.parse("2026-10-02")));
    }
}
