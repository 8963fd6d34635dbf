package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/** A letter is dated the day it is made, and its deadline leaves the buyer at least the time the policy gave. */
class LetterDateTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    static final Predicate<LocalDate> WORKS = d -> BusinessDays.NONE.sendsOn(d, WEEKDAYS);

    static String letter(LocalDate intake, String deadline) {
        return "Date: " + LetterDate.of(intake, SHANGHAI) + "\nPay no later than " + LetterDate.deadline(deadline, intake, SHANGHAI) + ".";
    }

    @Test
    void aLetterTakenInOnFridayAndMadeOnMondayIsDatedMondayWithItsDeadlineThreeDaysLater() {
        String page = letter(LocalDate.of(2026, 12, 4), "2026-12-11");
        Instant mondayMorning = LocalDate.of(2026, 12, 7).atTime(9, 30).atZone(SHANGHAI).toInstant();
        assertEquals("Date: 2026-12-07\nPay no later than 2026-12-14.", LetterDate.madeOn(page, mondayMorning, WORKS));
    }

    @Test
    void madeOnItsIntakeDayNothingMovesAndTheRecordShowsTheIntakeValues() {
        String page = letter(LocalDate.of(2026, 12, 4), "2026-12-11");
        Instant sameDay = LocalDate.of(2026, 12, 4).atTime(17, 0).atZone(SHANGHAI).toInstant();
        assertEquals("Date: 2026-12-04\nPay no later than 2026-12-11.", LetterDate.madeOn(page, sameDay, WORKS));
        assertEquals("Date: 2026-12-04\nPay no later than 2026-12-11.", LetterDate.asAtIntake(page));
    }

    @Test
    void theDayIsThatOfTheContactsZone() {
        String page = letter(LocalDate.of(2026, 12, 4), "2026-12-11");
        // 23:30 on Friday in London is 07:30 on Saturday in Shanghai
        Instant fridayNightInLondon = LocalDate.of(2026, 12, 4).atTime(23, 30).atZone(ZoneId.of("Europe/London")).toInstant();
        assertEquals("Date: 2026-12-05\nPay no later than 2026-12-14.", LetterDate.madeOn(page, fridayNightInLondon, WORKS));
    }

    @Test
    void aMovedDeadlineOnAHolidayGoesToTheNextWorkingDay() {
        // taken in Friday 25 September 2026, deadline Monday 28 September; made Tuesday 29 September: + 4 days is
        // Friday 2 October, in the National Day holidays (1 to 7 October): Thursday 8 October
        BusinessDays nationalDay = new BusinessDays(Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
                LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)), Set.of());
        assertEquals("2026-10-08", LetterDate.deadlineMadeOn("2026-09-28", LocalDate.of(2026, 9, 25),
                LocalDate.of(2026, 9, 29), d -> nationalDay.sendsOn(d, WEEKDAYS)));
    }

    @Test
    void aDeadlineIsNeverMovedEarlierAndOneThatIsNoDateIsLeftAsWritten() {
        assertEquals("2026-12-11", LetterDate.deadlineMadeOn("2026-12-11", LocalDate.of(2026, 12, 4),
                LocalDate.of(2026, 12, 3), WORKS));
        assertEquals("end of month", LetterDate.deadlineMadeOn("end of month", LocalDate.of(2026, 12, 4),
                LocalDate.of(2026, 12, 7), WORKS));
    }

    @Test
    void aPageThatOpensWithItsDateIsDatedToo() {
        String page = LetterDate.of(LocalDate.of(2026, 12, 4), SHANGHAI) + " Shanghai";
        assertEquals("2026-12-04 Shanghai", LetterDate.asAtIntake(page));
        assertEquals("2026-12-07 Shanghai", LetterDate.madeOn(page, Instant.parse("2026-12-07T01:00:00Z"), WORKS));
    }

    @Test
    void aCalendarWithoutAWorkingDayMovesTheDeadlineAYearAtMostAndDoesNotHangTheLetter() {
        // moved 3 days to Monday 14 December 2026, then 366 days looking for a working day: 15 December 2027
        assertEquals("2027-12-15", LetterDate.deadlineMadeOn("2026-12-11", LocalDate.of(2026, 12, 4),
                LocalDate.of(2026, 12, 7), d -> false));
    }

    @Test
    void aTextWithoutMarksIsLeftAlone() {
        assertEquals("Date: 2026-12-04", LetterDate.madeOn("Date: 2026-12-04", Instant.parse("2026-12-07T01:00:00Z"), WORKS));
        assertEquals("plain", LetterDate.asAtIntake("plain"));
    }

    /**
     * An email or SMS is dated the day it is handed over, each part of it: taken in on Friday 4 December 2026 with the
     * deadline Friday 11 December, sent Monday 7 December at 09:00 in London.
     */
    @Test
    void anEmailTakenInOnFridayAndSentOnMondayIsDatedMondayInEachPart() {
        ZoneId london = ZoneId.of("Europe/London");
        LocalDate friday = LocalDate.of(2026, 12, 4);
        String date = LetterDate.of(friday, london);
        String deadline = LetterDate.deadline("2026-12-11", friday, london);
        RenderedMessage queued = RenderedMessage.of("Demand of " + date, "Date: " + date + "\n\nPay by " + deadline + ".", "");
        Instant mondayMorning = LocalDate.of(2026, 12, 7).atTime(9, 0).atZone(london).toInstant();

        RenderedMessage sent = queued.madeOn(mondayMorning, WORKS);

        assertEquals("Demand of 2026-12-07", sent.subject());
        assertEquals("Date: 2026-12-07\n\nPay by 2026-12-14.", sent.text());
        assertEquals("<!DOCTYPE html><html><body><p>Date: 2026-12-07</p><p>Pay by 2026-12-14.</p></body></html>", sent.html());
        assertEquals("Date: 2026-12-04\n\nPay by 2026-12-11.", queued.asAtIntake().text());
        org.junit.jupiter.api.Assertions.assertTrue(queued.dated());
        org.junit.jupiter.api.Assertions.assertFalse(sent.dated());
    }

    @Test
    void aMessageIsDatedWhenAnyPartOfItHoldsAMark() {
        String mark = LetterDate.of(LocalDate.of(2026, 12, 4), SHANGHAI);
        org.junit.jupiter.api.Assertions.assertTrue(new RenderedMessage("Demand of " + mark, "", "").dated());
        org.junit.jupiter.api.Assertions.assertTrue(new RenderedMessage("", "Date: " + mark, "").dated());
        org.junit.jupiter.api.Assertions.assertTrue(new RenderedMessage("", "", "<p>" + mark + "</p>").dated());
        org.junit.jupiter.api.Assertions.assertFalse(new RenderedMessage("Demand", "Date: 2026-12-04", "<p>x</p>").dated());
        org.junit.jupiter.api.Assertions.assertFalse(LetterDate.marked(null));
        org.junit.jupiter.api.Assertions.assertTrue(LetterDate.marked(mark), "a text that opens with its mark");
    }

    @Test
    void theTenantWorksOnItsWindowsWeekdaysAndMakeUpDaysButNotOnItsHolidays() {
        SendWindow w = SendWindow.DEFAULT.on(new BusinessDays(Set.of(LocalDate.of(2026, 10, 1)), Set.of(LocalDate.of(2026, 10, 10))));
        org.junit.jupiter.api.Assertions.assertTrue(w.works(LocalDate.of(2026, 9, 30)), "a Wednesday");
        org.junit.jupiter.api.Assertions.assertFalse(w.works(LocalDate.of(2026, 10, 1)), "National Day");
        org.junit.jupiter.api.Assertions.assertTrue(w.works(LocalDate.of(2026, 10, 10)), "a make-up Saturday");
        org.junit.jupiter.api.Assertions.assertFalse(w.works(LocalDate.of(2026, 10, 11)), "a Sunday");
    }

    /**
     * A letter or email dated the day it goes out counts its invoices' days overdue that day too: taken in on Monday
     * 7 December 2026 with "13 days overdue", sent Thursday 10 December: "16 days overdue", beside its date of 10
     * December. Before, the date moved and the count stayed at 13.
     */
    @Test
    void theDaysOverdueAreCountedOnTheDayTheMessageGoesOut() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        java.math.BigDecimal days = LetterDate.daysOverdue(13, monday, SHANGHAI);
        String text = "Date: " + LetterDate.of(monday, SHANGHAI) + "\nInvoice INV-2026-0042, 13 days overdue: " + days;
        text = text.replace(", 13 days overdue: " + days, ", " + days + " days overdue");
        Instant thursday = LocalDate.of(2026, 12, 10).atTime(9, 0).atZone(SHANGHAI).toInstant();

        assertEquals("Date: 2026-12-10\nInvoice INV-2026-0042, 16 days overdue", LetterDate.madeOn(text, thursday, WORKS));
        assertEquals("Date: 2026-12-07\nInvoice INV-2026-0042, 13 days overdue", LetterDate.asAtIntake(text));
        // a template may still compare it: it is the number counted at intake
        assertEquals(0, days.compareTo(java.math.BigDecimal.valueOf(13)));
        org.junit.jupiter.api.Assertions.assertTrue(days.compareTo(java.math.BigDecimal.valueOf(60)) < 0);
        assertEquals(java.math.BigDecimal.valueOf(13), days);
        assertEquals(days, java.math.BigDecimal.valueOf(13));
        org.junit.jupiter.api.Assertions.assertNotEquals(days, java.math.BigDecimal.valueOf(14));
        assertEquals(java.math.BigDecimal.valueOf(13).hashCode(), days.hashCode());
    }

    @Test
    void theDaysOverdueNeverFallAndStayTheSameOnTheDayOfIntake() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        assertEquals(13, LetterDate.daysOverdueMadeOn(13, monday, monday));
        assertEquals(13, LetterDate.daysOverdueMadeOn(13, monday, monday.minusDays(1)));
        assertEquals(14, LetterDate.daysOverdueMadeOn(13, monday, monday.plusDays(1)));
    }

    /**
     * The wording of an item not yet due at intake is judged on the letter's own date: JG-2026-00114, due Friday
     * 23 October 2026, taken in on the run of Monday 19 October in a consolidated finance demand (0 days overdue). Made
     * on 19 October or on 23 October itself: "due on 2026-10-23". Made on Monday 26 October, the day the letter is
     * dated: "due 2026-10-23, 3 days overdue". Before, "due on 2026-10-23" stayed beside a date three days past it.
     */
    @Test
    void anInvoiceNotYetDueAtIntakeIsOverdueInALetterDatedAfterItsDueDate() {
        LocalDate run = LocalDate.of(2026, 10, 19);
        LocalDate due = LocalDate.of(2026, 10, 23);
        String line = "Date: " + LetterDate.of(run, SHANGHAI) + "\n- Invoice JG-2026-00114, " + LetterDate.ifNotYetDue(due, SHANGHAI)
                + "due on 2026-10-23" + LetterDate.IF_OVERDUE + "due 2026-10-23, "
                + LetterDate.inDays(LetterDate.daysOverdueFrom(due, SHANGHAI)) + " overdue" + LetterDate.END + ": 5000.00 CNY";

        assertEquals("Date: 2026-10-19\n- Invoice JG-2026-00114, due on 2026-10-23: 5000.00 CNY",
                LetterDate.madeOn(line, Instant.parse("2026-10-19T02:00:00Z"), WORKS));
        // on its due date it is not overdue yet: 23:59 in Shanghai
        assertEquals("Date: 2026-10-23\n- Invoice JG-2026-00114, due on 2026-10-23: 5000.00 CNY",
                LetterDate.madeOn(line, LocalDate.of(2026, 10, 23).atTime(23, 59).atZone(SHANGHAI).toInstant(), WORKS));
        // the day after, in Shanghai, though still the 23rd in London
        assertEquals("Date: 2026-10-24\n- Invoice JG-2026-00114, due 2026-10-23, 1 day overdue: 5000.00 CNY",
                LetterDate.madeOn(line, Instant.parse("2026-10-23T16:30:00Z"), WORKS));
        assertEquals("Date: 2026-10-26\n- Invoice JG-2026-00114, due 2026-10-23, 3 days overdue: 5000.00 CNY",
                LetterDate.madeOn(line, LocalDate.of(2026, 10, 26).atTime(9, 0).atZone(SHANGHAI).toInstant(), WORKS));
        // the record, as at intake
        assertEquals("Date: 2026-10-19\n- Invoice JG-2026-00114, due on 2026-10-23: 5000.00 CNY", LetterDate.asAtIntake(line));
    }

    /** Each item's wording is its own: two choices on a page, one line each, made on 26 October 2026. */
    @Test
    void eachItemIsJudgedByItsOwnDueDate() {
        LocalDate due23 = LocalDate.of(2026, 10, 23);
        LocalDate due30 = LocalDate.of(2026, 10, 30);
        String page = "A " + LetterDate.ifNotYetDue(due23, SHANGHAI) + "due on 23" + LetterDate.IF_OVERDUE + "overdue "
                + LetterDate.daysOverdueFrom(due23, SHANGHAI) + LetterDate.END + "\nB " + LetterDate.ifNotYetDue(due30, SHANGHAI)
                + "due on 30" + LetterDate.IF_OVERDUE + "overdue " + LetterDate.daysOverdueFrom(due30, SHANGHAI) + LetterDate.END;
        assertEquals("A overdue 3\nB due on 30", LetterDate.madeOn(page, Instant.parse("2026-10-26T01:00:00Z"), WORKS));
        assertEquals("A overdue 8\nB overdue 1", LetterDate.madeOn(page, Instant.parse("2026-10-31T01:00:00Z"), WORKS));
        assertEquals("A due on 23\nB due on 30", LetterDate.asAtIntake(page));
        // a template may still compare it: 0 at intake
        assertEquals(0, LetterDate.daysOverdueFrom(due23, SHANGHAI).signum());
        org.junit.jupiter.api.Assertions.assertFalse(LetterDate.overdueOn(due23, due23));
        org.junit.jupiter.api.Assertions.assertTrue(LetterDate.overdueOn(due23, due23.plusDays(1)));
    }

    /**
     * A heading true to its items on the letter's date: a payment request of the run of 19 October 2026 listing
     * JG-2026-00114, due 23 October, says "some fall due later" in a letter dated 22 October and "all have fallen due"
     * in one dated 23 October (due that day is fallen due). As at intake, as on its run's day: some later. The due-date
     * letter of an invoice due on its run's day, 10 December 2026: all fallen due, at intake too.
     */
    @Test
    void aHeadingSaysAllHaveFallenDueOnlyFromTheLastDueDateOn() {
        String heading = LetterDate.ifNotYetFallenDue(LocalDate.of(2026, 10, 23), LocalDate.of(2026, 10, 19), SHANGHAI)
                + "some later" + LetterDate.IF_FALLEN_DUE + "all fallen due" + LetterDate.END;
        assertEquals("some later", LetterDate.madeOn(heading, LocalDate.of(2026, 10, 22).atTime(23, 59).atZone(SHANGHAI).toInstant(), WORKS));
        assertEquals("all fallen due", LetterDate.madeOn(heading, LocalDate.of(2026, 10, 23).atTime(0, 1).atZone(SHANGHAI).toInstant(), WORKS));
        assertEquals("some later", LetterDate.asAtIntake(heading));

        String dueDateLetter = LetterDate.ifNotYetFallenDue(LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 10), SHANGHAI)
                + "some later" + LetterDate.IF_FALLEN_DUE + "all fallen due" + LetterDate.END;
        assertEquals("all fallen due", LetterDate.asAtIntake(dueDateLetter));
        assertEquals("all fallen due", LetterDate.madeOn(dueDateLetter, Instant.parse("2026-12-10T01:00:00Z"), WORKS));
        // a day before its due date (a run's catch-up cannot be earlier, but a clock may): some later
        assertEquals("some later", LetterDate.madeOn(dueDateLetter, Instant.parse("2026-12-09T01:00:00Z"), WORKS));
        assertEquals("some later", LetterDate.asAtIntake(LetterDate.ifNotYetFallenDue(LocalDate.of(2026, 12, 10),
                LocalDate.of(2026, 12, 9), SHANGHAI) + "some later" + LetterDate.IF_FALLEN_DUE + "all" + LetterDate.END));
    }

    /**
     * Three wordings from two due dates, a choice within the second wording of another: a friendly reminder of INV-A
     * (due 30 November 2026) and INV-B (due 10 December), taken in on 23 November. Before 30 November "due soon"; from
     * it to 9 December "due now or soon"; from 10 December "due for payment"; as at intake on the run of 3 December,
     * "due now or soon". Before, the outer choice ended at the inner one's end and its own end mark was left in the text.
     */
    @Test
    void aChoiceWithinAChoiceGivesThreeWordingsByTheFirstAndTheLastDueDate() {
        LocalDate first = LocalDate.of(2026, 11, 30);
        LocalDate last = LocalDate.of(2026, 12, 10);
        java.util.function.Function<LocalDate, String> subject = asOf -> "invoices "
                + LetterDate.ifNotYetFallenDue(first, asOf, SHANGHAI) + "due soon" + LetterDate.IF_FALLEN_DUE
                + LetterDate.ifNotYetFallenDue(last, asOf, SHANGHAI) + "due now or soon" + LetterDate.IF_FALLEN_DUE
                + "due for payment" + LetterDate.END + LetterDate.END + " from Acme";
        String taken = subject.apply(LocalDate.of(2026, 11, 23));
        assertEquals("invoices due soon from Acme", LetterDate.madeOn(taken, Instant.parse("2026-11-29T15:59:00Z"), WORKS));
        assertEquals("invoices due now or soon from Acme", LetterDate.madeOn(taken, Instant.parse("2026-11-29T16:01:00Z"), WORKS));
        assertEquals("invoices due now or soon from Acme", LetterDate.madeOn(taken, Instant.parse("2026-12-03T02:00:00Z"), WORKS));
        assertEquals("invoices due for payment from Acme", LetterDate.madeOn(taken, Instant.parse("2026-12-10T01:00:00Z"), WORKS));
        assertEquals("invoices due soon from Acme", LetterDate.asAtIntake(taken));
        assertEquals("invoices due now or soon from Acme", LetterDate.asAtIntake(subject.apply(LocalDate.of(2026, 12, 3))));
        assertEquals("invoices due for payment from Acme", LetterDate.asAtIntake(subject.apply(LocalDate.of(2026, 12, 10))));
    }

    /**
     * An invoice already overdue at intake is counted from its due date on the letter's date, as one not yet due is: the
     * run of 19 October 2026 lists JG-2026-00097, due 9 October, "10 days overdue"; the request is taken in on
     * 21 October and the letter made on 26 October: 17 days overdue. Before, the request's 10 plus the 5 days since
     * intake: 15, short by the 2 days between the run and the intake.
     */
    @Test
    void anInvoiceOverdueAtIntakeIsCountedFromItsDueDateOnTheLettersDate() {
        LocalDate due = LocalDate.of(2026, 10, 9);
        String line = "- Invoice JG-2026-00097, due 2026-10-09, " + LetterDate.daysOverdueFrom(10, due, SHANGHAI) + " days overdue";

        assertEquals("- Invoice JG-2026-00097, due 2026-10-09, 17 days overdue",
                LetterDate.madeOn(line, LocalDate.of(2026, 10, 26).atTime(9, 0).atZone(SHANGHAI).toInstant(), WORKS));
        // made on the intake day: 12, the days from its due date that day, not the run's 10
        assertEquals("- Invoice JG-2026-00097, due 2026-10-09, 12 days overdue",
                LetterDate.madeOn(line, Instant.parse("2026-10-21T02:00:00Z"), WORKS));
        // the record, as at intake: the request's count
        assertEquals("- Invoice JG-2026-00097, due 2026-10-09, 10 days overdue", LetterDate.asAtIntake(line));
        // a template may still compare it: the request's 10
        assertEquals(10, LetterDate.daysOverdueFrom(10, due, SHANGHAI).intValue());
        assertEquals(17, LetterDate.daysOverdueOn(due, LocalDate.of(2026, 10, 26)));
        assertEquals(1, LetterDate.daysOverdueOn(due, due.plusDays(1)));
        assertEquals(0, LetterDate.daysOverdueOn(due, due));
        assertEquals(0, LetterDate.daysOverdueOn(due, due.minusDays(3)));
    }

    /**
     * The English noun agrees with the count made on the message's date: JG-2026-00097, due 9 October 2026, listed by
     * the run of 19 October "10 days overdue": made on 10 October "1 day overdue", on 11 October "2 days overdue". The
     * request's count of an item without a due date, 0 on Monday 7 December, made on Tuesday 8 December: "1 day
     * overdue". Before, "1 days overdue". As at intake, the request's count with its noun.
     */
    @Test
    void oneDayOverdueIsOneDayNotOneDays() {
        LocalDate due = LocalDate.of(2026, 10, 9);
        String line = "JG-2026-00097, " + LetterDate.inDays(LetterDate.daysOverdueFrom(10, due, SHANGHAI)) + " overdue";
        assertEquals("JG-2026-00097, 1 day overdue", LetterDate.madeOn(line, Instant.parse("2026-10-10T02:00:00Z"), WORKS));
        assertEquals("JG-2026-00097, 2 days overdue", LetterDate.madeOn(line, Instant.parse("2026-10-11T02:00:00Z"), WORKS));
        assertEquals("JG-2026-00097, 0 days overdue", LetterDate.madeOn(line, Instant.parse("2026-10-09T02:00:00Z"), WORKS));
        assertEquals("JG-2026-00097, 10 days overdue", LetterDate.asAtIntake(line));

        LocalDate monday = LocalDate.of(2026, 12, 7);
        String counted = "INV-2026-0042, " + LetterDate.inDays(LetterDate.daysOverdue(0, monday, SHANGHAI)) + " overdue";
        assertEquals("INV-2026-0042, 1 day overdue", LetterDate.madeOn(counted, Instant.parse("2026-12-08T02:00:00Z"), WORKS));
        assertEquals("INV-2026-0042, 0 days overdue", LetterDate.asAtIntake(counted));
        assertEquals("INV-2026-0042, 1 day overdue", LetterDate.asAtIntake("INV-2026-0042, "
                + LetterDate.inDays(LetterDate.daysOverdue(1, monday, SHANGHAI)) + " overdue"));

        // a plain number, as a preview prints it
        assertEquals("1 day", LetterDate.inDays(java.math.BigDecimal.ONE));
        assertEquals("2 days", LetterDate.inDays(java.math.BigDecimal.valueOf(2)));
        assertEquals("0 days", LetterDate.days(0));
    }

    /** {@code daysOverdueText}: the count with its noun in the message's language, counted the day it is made. */
    @Test
    void theDaysOverdueTextIsOneDayOrOneTianCountedTheDayItIsMade() {
        LocalDate due = LocalDate.of(2026, 10, 9);
        java.math.BigDecimal counted = LetterDate.daysOverdueFrom(10, due, SHANGHAI);
        Instant october10 = Instant.parse("2026-10-10T02:00:00Z");
        assertEquals("1 day", LetterDate.madeOn(LetterDate.inDays(counted, Language.EN), october10, WORKS));
        assertEquals("1 天", LetterDate.madeOn(LetterDate.inDays(counted, Language.ZH_CN), october10, WORKS));
        assertEquals("10 天", LetterDate.asAtIntake(LetterDate.inDays(counted, Language.ZH_CN)));
        assertEquals("3 days", LetterDate.inDays(java.math.BigDecimal.valueOf(3), Language.EN));
        assertEquals("3 天", LetterDate.inDays(java.math.BigDecimal.valueOf(3), Language.ZH_CN));
    }
}
