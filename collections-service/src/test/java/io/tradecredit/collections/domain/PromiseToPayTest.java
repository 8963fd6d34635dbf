package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static io.tradecredit.collections.domain.BusinessCalendar.DayCount.BUSINESS_DAYS;
import static io.tradecredit.collections.domain.BusinessCalendar.DayCount.CALENDAR_DAYS;

import io.tradecredit.collections.domain.PromiseToPay.Outcome;
import io.tradecredit.collections.domain.PromiseToPay.Payment;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

class PromiseToPayTest {
    static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final BusinessCalendar WEEKDAYS = BusinessCalendar.DEFAULT;

    // made on May 4 to pay 20,000.00 CNY by May 10; default grace 3 days: deadline May 13
    static final PromiseToPay PROMISE = PromiseToPay.make(UUID.randomUUID(), BUYER, cny("20000.00"), may(4), may(10),
            PromiseTerms.DEFAULT, WEEKDAYS, CALENDAR_DAYS);

    static LocalDate may(int day) {
        return LocalDate.of(2026, 5, day);
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static Payment paid(int day, String amount) {
        return new Payment(may(day), cny(amount));
    }

    @Test
    void defaultGraceIsThreeDaysAfterThePromisedDate() {
        assertEquals(3, PromiseTerms.DEFAULT.graceDays());
        assertEquals(may(13), PROMISE.deadline());
    }

    @Test
    void tenantGraceOfZeroMakesThePromisedDateTheDeadline() {
        var p = PromiseToPay.make(UUID.randomUUID(), BUYER, cny("100.00"), may(4), may(8), new PromiseTerms(0, 30), WEEKDAYS,
                CALENDAR_DAYS);
        assertEquals(may(8), p.deadline());
        assertEquals(Outcome.BROKEN, p.judge(List.of(), may(9)).outcome());
    }

    /** Promised for Thursday 7 May with 3 days of grace: Sunday 10 May is no working day, the deadline is Monday 11. */
    @Test
    void aDeadlineOnAWeekendMovesToTheNextWorkingDay() {
        var p = PromiseToPay.make(UUID.randomUUID(), BUYER, cny("100.00"), may(4), may(7), PromiseTerms.DEFAULT, WEEKDAYS,
                CALENDAR_DAYS);
        assertEquals(may(11), p.deadline());
        assertEquals(Outcome.PENDING, p.judge(List.of(), may(11)).outcome(), "not broken on the Monday itself");
        assertEquals(may(11), p.hold(UUID.randomUUID()).until());
    }

    /**
     * National Day 2026 (1 to 7 October off, Saturday 10 October worked): promised for Wednesday 30
     * September with 3 days of grace. In calendar days 3 October is a holiday: the deadline is Thursday 8
     * October, the first working day. In business days the grace counts 8, 9 and 10 October. Either way a
     * payment on 8 October keeps it, and the run of 6 October finds it pending, not broken.
     */
    @Test
    void aPromiseForTheEveOfAHolidayIsNotBrokenDuringIt() {
        LocalDate promised = LocalDate.of(2026, 9, 30);
        var calendarDays = PromiseToPay.make(UUID.randomUUID(), BUYER, cny("5000.00"), promised.minusDays(2), promised,
                PromiseTerms.DEFAULT, BusinessCalendarTest.CHINA_2026, CALENDAR_DAYS);
        var businessDays = PromiseToPay.make(UUID.randomUUID(), BUYER, cny("5000.00"), promised.minusDays(2), promised,
                PromiseTerms.DEFAULT, BusinessCalendarTest.CHINA_2026, BUSINESS_DAYS);
        assertEquals(LocalDate.of(2026, 10, 8), calendarDays.deadline());
        assertEquals(LocalDate.of(2026, 10, 10), businessDays.deadline());
        for (PromiseToPay p : List.of(calendarDays, businessDays)) {
            assertEquals(Outcome.PENDING, p.judge(List.of(), LocalDate.of(2026, 10, 6)).outcome());
            assertEquals(Outcome.KEPT, p.judge(List.of(new Payment(LocalDate.of(2026, 10, 8), cny("5000.00"))),
                    LocalDate.of(2026, 10, 8)).outcome());
        }
        assertEquals(Outcome.BROKEN, calendarDays.judge(List.of(), LocalDate.of(2026, 10, 9)).outcome());
        assertEquals(Outcome.PENDING, businessDays.judge(List.of(), LocalDate.of(2026, 10, 10)).outcome());
    }

    @Test
    void negativeGraceIsRefusedNamingGraceDays() {
        DomainError e = assertThrows(DomainError.class, () -> new PromiseTerms(-1, 30));
        assertEquals(List.of(new Violation("graceDays", "must be 0 or more, was -1")), e.violations());
    }

    /** A bound of 0 days, or of more than a year, is refused naming maxPromiseDays; 1 and 365 are the extremes allowed. */
    @Test
    void aBoundOfNoDayOrMoreThanAYearIsRefusedNamingMaxPromiseDays() {
        assertEquals(List.of(new Violation("maxPromiseDays", "must be 1 to 365, was 0")),
                assertThrows(DomainError.class, () -> new PromiseTerms(3, 0)).violations());
        assertEquals(List.of(new Violation("maxPromiseDays", "must be 1 to 365, was 366")),
                assertThrows(DomainError.class, () -> new PromiseTerms(3, 366)).violations());
        assertEquals(List.of(new Violation("graceDays", "must be 0 or more, was -1"),
                new Violation("maxPromiseDays", "must be 1 to 365, was 0")),
                assertThrows(DomainError.class, () -> new PromiseTerms(-1, 0)).violations());
        assertEquals(1, new PromiseTerms(3, 1).maxPromiseDays());
        assertEquals(365, new PromiseTerms(0, 365).maxPromiseDays());
        assertEquals(PromiseTerms.WIDEST, new PromiseTerms(3, 365));
    }

    /**
     * Made on 7 December 2026 under the default bound of 30 days: the latest promised date is 6 January 2027, which is
     * accepted; 7 January 2027 and 1 January 2031 are refused naming promisedDate with the bound. A tenant's bound of 90
     * days accepts 7 March 2027 (7 Dec + 90). Until session 35 a promise for 2031 was recorded and held the buyer's
     * dunning for four years.
     */
    @Test
    void aPromiseDatedAfterTheTenantsBoundIsRefusedNamingPromisedDate() {
        LocalDate dec7 = LocalDate.of(2026, 12, 7);
        assertEquals(30, PromiseTerms.DEFAULT.maxPromiseDays());
        assertEquals(LocalDate.of(2027, 1, 6), PromiseTerms.DEFAULT.latestPromisedDate(dec7));
        assertEquals(LocalDate.of(2027, 1, 6), PromiseToPay.make(UUID.randomUUID(), BUYER, cny("8500.00"), dec7,
                LocalDate.of(2027, 1, 6), PromiseTerms.DEFAULT, WEEKDAYS, CALENDAR_DAYS).promisedDate());
        for (LocalDate tooFar : List.of(LocalDate.of(2027, 1, 7), LocalDate.of(2031, 1, 1))) {
            DomainError e = assertThrows(DomainError.class, () -> PromiseToPay.make(UUID.randomUUID(), BUYER, cny("8500.00"),
                    dec7, tooFar, PromiseTerms.DEFAULT, WEEKDAYS, CALENDAR_DAYS));
            assertEquals("promise.invalid", e.code());
            assertEquals(List.of(new Violation("promisedDate", "must not be after 2027-01-06: at most 30 days after the day"
                    + " the promise is made (2026-12-07), the tenant's bound")), e.violations());
        }
        PromiseTerms ninety = new PromiseTerms(3, 90);
        assertEquals(LocalDate.of(2027, 3, 7), PromiseToPay.make(UUID.randomUUID(), BUYER, cny("8500.00"), dec7,
                LocalDate.of(2027, 3, 7), ninety, WEEKDAYS, CALENDAR_DAYS).promisedDate());
        assertThrows(DomainError.class, () -> PromiseToPay.make(UUID.randomUUID(), BUYER, cny("8500.00"), dec7,
                LocalDate.of(2027, 3, 8), ninety, WEEKDAYS, CALENDAR_DAYS));
    }

    @Test
    void aPromiseWhoseDebtWasCreditedOrDisputedAwayIsKeptWithWhatWasPaid() {
        // 20,000.00 promised; 12,000.00 paid, the other 8,000.00 of the invoice due May 1 disputed (or credited)
        DunningItem disputedRest = invoice(may(1), "8000.00", "8000.00");
        assertTrue(PROMISE.nothingLeftToPay(List.of(disputedRest)));
        var v = PROMISE.judge(List.of(paid(8, "12000.00")), may(14), PROMISE.nothingLeftToPay(List.of(disputedRest)));
        assertEquals(Outcome.KEPT, v.outcome());
        assertEquals(cny("12000.00"), v.paid());
        assertEquals(cny("0.00"), v.shortfall());
        assertEquals(may(14), v.holdReleasedOn());
        // before the deadline too: nothing is left to wait for
        assertEquals(Outcome.KEPT, PROMISE.judge(List.of(), may(6), true).outcome());
    }

    @Test
    void somethingStillCollectibleDueByThePromisedDateLeavesItToThePayments() {
        // 0.01 still collectible on an invoice due on the promised date itself: judged on the payments, broken
        assertFalse(PROMISE.nothingLeftToPay(List.of(invoice(may(10), "100.00", "99.99"))));
        assertEquals(Outcome.BROKEN, PROMISE.judge(List.of(paid(8, "12000.00")), may(14), false).outcome());
        // what falls due after the promised date, or is owed in another currency, is not what was promised
        assertTrue(PROMISE.nothingLeftToPay(List.of(invoice(may(11), "5000.00", "0.00"))));
        assertTrue(PROMISE.nothingLeftToPay(List.of(new DunningItem("usd", may(1), Money.of("5000.00", "USD"),
                Money.of("0.00", "USD"), false, null, Set.of()))));
        assertTrue(PROMISE.nothingLeftToPay(List.of()));
    }

    /** An open invoice due {@code due} with {@code disputed} of its {@code open} disputed. */
    static DunningItem invoice(LocalDate due, String open, String disputed) {
        return new DunningItem("inv-" + due, due, cny(open), cny(disputed), false, null, Set.of());
    }

    @Test
    void paidInFullOnThePromisedDateIsKeptAndReleasesTheHold() {
        var v = PROMISE.judge(List.of(paid(10, "20000.00")), may(11));
        assertEquals(Outcome.KEPT, v.outcome());
        assertEquals(cny("20000.00"), v.paid());
        assertEquals(cny("0.00"), v.shortfall());
        assertEquals(may(11), v.holdReleasedOn());
    }

    @Test
    void twoPartPaymentsWithinTheGraceKeepIt() {
        // 12,000 on May 8 and 8,000 on the last grace day May 13
        var v = PROMISE.judge(List.of(paid(8, "12000.00"), paid(13, "8000.00")), may(14));
        assertEquals(Outcome.KEPT, v.outcome());
    }

    @Test
    void paidEarlyIsKeptAtOnceBeforeTheDeadline() {
        var v = PROMISE.judge(List.of(paid(5, "20000.00")), may(6));
        assertEquals(Outcome.KEPT, v.outcome());
        assertEquals(may(6), v.holdReleasedOn());
    }

    @Test
    void paidOnTheDayThePromiseWasMadeCounts() {
        assertEquals(Outcome.KEPT, PROMISE.judge(List.of(paid(4, "20000.00")), may(4)).outcome());
    }

    @Test
    void partPaidBeforeTheDeadlineIsStillPendingAndKeepsHolding() {
        var v = PROMISE.judge(List.of(paid(8, "5000.00")), may(13));
        assertEquals(Outcome.PENDING, v.outcome());
        assertEquals(cny("5000.00"), v.paid());
        assertEquals(cny("15000.00"), v.shortfall());
        assertNull(v.holdReleasedOn());
    }

    @Test
    void shortByOneCentAfterTheDeadlineIsBrokenAndDunningResumesOnTheRunDate() {
        var v = PROMISE.judge(List.of(paid(9, "19999.99")), may(14));
        assertEquals(Outcome.BROKEN, v.outcome());
        assertEquals(cny("0.01"), v.shortfall());
        assertEquals(may(14), v.holdReleasedOn());
        Hold hold = PROMISE.hold(UUID.randomUUID()).release(v.holdReleasedOn());
        assertFalse(hold.holdsOn(may(14)));
    }

    @Test
    void runDownForDaysJudgesBrokenOnItsFirstRunAfterTheDeadline() {
        var v = PROMISE.judge(List.of(), may(20));
        assertEquals(Outcome.BROKEN, v.outcome());
        assertEquals(may(20), v.holdReleasedOn());
        assertEquals(cny("20000.00"), v.shortfall());
    }

    @Test
    void paymentAfterTheDeadlineDoesNotSaveIt() {
        var v = PROMISE.judge(List.of(paid(14, "20000.00")), may(14));
        assertEquals(Outcome.BROKEN, v.outcome());
        assertEquals(cny("0.00"), v.paid());
    }

    @Test
    void paymentBeforeThePromiseWasMadeDoesNotCount() {
        var v = PROMISE.judge(List.of(paid(3, "20000.00")), may(14));
        assertEquals(Outcome.BROKEN, v.outcome());
    }

    @Test
    void paymentDatedAfterTheRunDateIsNotCountedYet() {
        var v = PROMISE.judge(List.of(paid(9, "20000.00")), may(8));
        assertEquals(Outcome.PENDING, v.outcome());
        assertEquals(cny("0.00"), v.paid());
    }

    @Test
    void reversedPaymentDoesNotKeepIt() {
        var v = PROMISE.judge(List.of(new Payment(may(8), cny("20000.00"), may(9))), may(14));
        assertEquals(Outcome.BROKEN, v.outcome());
        assertEquals(cny("0.00"), v.paid());
    }

    /**
     * 20,000.00 paid on 05-05 bounces on 05-09, after a promise of 20,000.00 made on 05-07 (by 05-10,
     * deadline 05-13); the buyer pays 20,000.00 on 05-12: the bounce takes away only the payment of
     * 05-05, which came before the promise anyway, so the promise is kept.
     */
    @Test
    void aBounceOfAPaymentBeforeThePromiseTakesNothingFromThePaymentThatKeepsIt() {
        PromiseToPay promise = PromiseToPay.make(UUID.randomUUID(), BUYER, cny("20000.00"), may(7), may(10),
                PromiseTerms.DEFAULT, WEEKDAYS, CALENDAR_DAYS);
        var v = promise.judge(List.of(new Payment(may(5), cny("20000.00"), may(9)), paid(12, "20000.00")), may(14));
        assertEquals(Outcome.KEPT, v.outcome());
        assertEquals(cny("20000.00"), v.paid());
    }

    /** Kept on 05-08; the payment bounces on 05-11, before the deadline (05-13): pending again until the deadline. */
    @Test
    void aReversalBeforeTheDeadlineTakesTheKeepingPaymentAway() {
        List<Payment> bounced = List.of(new Payment(may(8), cny("20000.00"), may(11)));
        assertEquals(Outcome.KEPT, PROMISE.judge(bounced, may(10)).outcome(), "as judged on 05-10");
        var v = PROMISE.judge(bounced, may(11));
        assertEquals(Outcome.PENDING, v.outcome());
        assertEquals(cny("20000.00"), v.shortfall());
        assertEquals(Outcome.BROKEN, PROMISE.judge(bounced, may(14)).outcome());
    }

    /** Kept by 20,000.00 on 05-08: a bounce on 05-11 puts it back to pending; on 05-14, after the deadline, it does not. */
    @Test
    void aKeptPromiseIsPendingAgainAfterAReversalOnlyUpToItsDeadline() {
        assertTrue(PROMISE.pendingAgainAfterReversal(List.of(new Payment(may(8), cny("20000.00"), may(11))), may(11)));
        assertTrue(PROMISE.pendingAgainAfterReversal(List.of(new Payment(may(8), cny("20000.00"), may(13))), may(13)),
                "on the deadline itself");
        assertFalse(PROMISE.pendingAgainAfterReversal(List.of(new Payment(may(8), cny("20000.00"), may(14))), may(14)));
        // a second payment of 20,000.00 on 05-09 still covers it: it stays kept
        assertFalse(PROMISE.pendingAgainAfterReversal(List.of(new Payment(may(8), cny("20000.00"), may(11)),
                paid(9, "20000.00")), may(11)));
    }

    /** The same payment bouncing on 05-14, after the deadline: the promise was kept, and stays so. */
    @Test
    void aReversalAfterTheDeadlineDoesNotReopenAKeptPromise() {
        var v = PROMISE.judge(List.of(new Payment(may(8), cny("20000.00"), may(14))), may(20));
        assertEquals(Outcome.KEPT, v.outcome());
    }

    @Test
    void paymentInAnotherCurrencyDoesNotCount() {
        var v = PROMISE.judge(List.of(new Payment(may(8), Money.of("20000.00", "EUR"))), may(14));
        assertEquals(Outcome.BROKEN, v.outcome());
    }

    @Test
    void promiseHoldsTheWholeBuyerFromTheDayItIsMadeToTheDeadline() {
        Hold hold = PROMISE.hold(UUID.randomUUID());
        assertTrue(hold.coversWholeBuyer());
        assertEquals(Hold.Reason.PROMISE_TO_PAY, hold.reason());
        assertEquals(may(4), hold.from());
        assertEquals(may(13), hold.until());
        assertEquals(BUYER, hold.buyerId());
    }

    @Test
    void promiseForTheSameDayIsAllowed() {
        var p = PromiseToPay.make(UUID.randomUUID(), BUYER, cny("1.00"), may(4), may(4), PromiseTerms.DEFAULT, WEEKDAYS, CALENDAR_DAYS);
        assertEquals(may(7), p.deadline());
    }

    @Test
    void promiseWithoutBuyerOrAmountOrDatesNamesEachField() {
        DomainError e = assertThrows(DomainError.class,
                () -> PromiseToPay.make(UUID.randomUUID(), null, cny("0.00"), null, null, PromiseTerms.DEFAULT, WEEKDAYS, CALENDAR_DAYS));
        assertEquals("promise.invalid", e.code());
        assertEquals(List.of("buyerId", "amount", "madeOn", "promisedDate"),
                e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void promiseWithoutAmountOrInThePastIsRefused() {
        DomainError e = assertThrows(DomainError.class,
                () -> PromiseToPay.make(UUID.randomUUID(), BUYER, null, may(4), may(3), PromiseTerms.DEFAULT, WEEKDAYS, CALENDAR_DAYS));
        assertEquals(List.of(new Violation("amount", "must be more than zero"),
                new Violation("promisedDate", "must not be before the day the promise is made (2026-05-04)")),
                e.violations());
    }

    @Test
    void negativeAmountIsRefused() {
        DomainError e = assertThrows(DomainError.class,
                () -> PromiseToPay.make(UUID.randomUUID(), BUYER, cny("-5.00"), may(4), may(5), PromiseTerms.DEFAULT, WEEKDAYS, CALENDAR_DAYS));
        assertEquals(List.of("amount"), e.violations().stream().map(Violation::field).toList());
    }
}
