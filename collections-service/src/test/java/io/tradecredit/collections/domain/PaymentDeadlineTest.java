package io.tradecredit.collections.domain;

import static io.tradecredit.collections.domain.BusinessCalendar.DayCount.BUSINESS_DAYS;
import static io.tradecredit.collections.domain.BusinessCalendar.DayCount.CALENDAR_DAYS;
import static io.tradecredit.collections.domain.BusinessCalendarTest.CHINA_2026;
import static io.tradecredit.collections.domain.BusinessCalendarTest.oct;
import static io.tradecredit.collections.domain.BusinessCalendarTest.sep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;

/**
 * Worked examples on National Day 2026 (1 to 7 October off, Sunday 20 September and Saturday
 * 10 October worked), as {@link BusinessCalendarTest} has it.
 */
class PaymentDeadlineTest {
    static final PaymentDeadline WEEK = PaymentDeadline.DEFAULT;

    @Test
    void byDefaultTheBuyerHasSevenCalendarDays() {
        assertEquals(7, WEEK.days());
        // a letter of Monday 14 September asks for payment by Monday 21 September
        assertEquals(sep(21), WEEK.from(sep(14), CHINA_2026, CALENDAR_DAYS));
        assertEquals(LocalDate.of(2026, 3, 12), WEEK.from(LocalDate.of(2026, 3, 5), BusinessCalendar.DEFAULT, CALENDAR_DAYS));
    }

    @Test
    void inCalendarDaysADeadlineInTheHolidayMovesToTheFirstDayWorkedAfterIt() {
        // Monday 28 September + 7 = Monday 5 October, National Day week: Thursday 8 October
        assertEquals(oct(8), WEEK.from(sep(28), CHINA_2026, CALENDAR_DAYS));
        // Thursday 24 September + 7 = 1 October
        assertEquals(oct(8), WEEK.from(sep(24), CHINA_2026, CALENDAR_DAYS));
        // Saturday 3 October + 7 = Saturday 10 October, a make-up working day: it stays
        assertEquals(oct(10), WEEK.from(oct(3), CHINA_2026, CALENDAR_DAYS));
        // an ordinary Saturday deadline moves to Monday: Friday 9 October + 8 = Saturday 17 October
        assertEquals(oct(19), new PaymentDeadline(8).from(oct(9), CHINA_2026, CALENDAR_DAYS));
    }

    @Test
    void inBusinessDaysTheHolidayIsNotCountedAndTheMakeUpDaysAre() {
        // from Wednesday 30 September: 8, 9, 10 (Saturday worked), 12, 13, 14, 15 October
        assertEquals(oct(15), WEEK.from(sep(30), CHINA_2026, BUSINESS_DAYS));
        // from Thursday 17 September: 18, 20 (Sunday worked), 21, 22, 23, 24, 25 September
        assertEquals(sep(25), WEEK.from(sep(17), CHINA_2026, BUSINESS_DAYS));
        // without the make-up Sunday it would be Monday 28 September
        assertEquals(sep(28), WEEK.from(sep(17), BusinessCalendar.DEFAULT, BUSINESS_DAYS));
    }

    @Test
    void aTenantsOwnNumberOfDaysCounts() {
        assertEquals(sep(24), new PaymentDeadline(10).from(sep(14), CHINA_2026, CALENDAR_DAYS));
        assertEquals(sep(15), new PaymentDeadline(1).from(sep(14), CHINA_2026, CALENDAR_DAYS));
        assertEquals(LocalDate.of(2026, 12, 11), new PaymentDeadline(90).from(sep(12), BusinessCalendar.DEFAULT, CALENDAR_DAYS));
    }

    @Test
    void fewerThanOneOrMoreThanNinetyDaysAreRefusedNamingTheField() {
        for (int days : new int[] {0, -7, 91}) {
            DomainError e = assertThrows(DomainError.class, () -> new PaymentDeadline(days));
            assertEquals("dunning.policy-invalid", e.code());
            assertEquals("paymentDeadlineDays", e.violations().get(0).field());
        }
    }

    @Test
    void aTenantsSettingsCountItsDaysOnItsCalendarAsItsLadderCounts() {
        TenantCalendar nationalDay = new TenantCalendar(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                List.of(oct(1), oct(2), oct(3), oct(4), oct(5), oct(6), oct(7)), List.of(sep(20), oct(10)));
        DunningSettings businessDays = new DunningSettings(nationalDay, new RunSettings(
                new DunningRunPolicy(BUSINESS_DAYS, CurrencyThresholds.NONE, true), false, new PaymentDeadline(7)));
        assertEquals(oct(15), businessDays.paymentDeadline(sep(30)));
        DunningSettings tenCalendarDays = new DunningSettings(nationalDay, new RunSettings(DunningRunPolicy.DEFAULT, false,
                new PaymentDeadline(10)));
        assertEquals(oct(8), tenCalendarDays.paymentDeadline(sep(28)));
        assertEquals(LocalDate.of(2026, 3, 12), DunningSettings.DEFAULT.paymentDeadline(LocalDate.of(2026, 3, 5)));
    }

    @Test
    void aRunCaughtUpLaterCountsItsDeadlineFromTheDayItsLettersGoOut() {
        TenantCalendar china = new TenantCalendar(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                List.of(oct(1), oct(2), oct(3), oct(4), oct(5), oct(6), oct(7)), List.of(sep(20), oct(10)));
        DunningSettings settings = new DunningSettings(china, RunSettings.DEFAULT);
        // the run of Monday 14 September, made that day: Monday 21 September
        assertEquals(sep(21), settings.paymentDeadline(sep(14), sep(14)));
        // the same run caught up on Monday 28 September (the service was down): its letters go out that day, dated that
        // day, and ask for payment by Thursday 8 October (National Day week), not by 21 September, already past
        assertEquals(oct(8), settings.paymentDeadline(sep(14), sep(28)));
        // a dry run of a later day (Friday 9 October) looked at on 28 September: counted from its own day
        assertEquals(oct(19), new DunningSettings(china, new RunSettings(DunningRunPolicy.DEFAULT, false,
                new PaymentDeadline(8))).paymentDeadline(oct(9), sep(28)));
    }
}
