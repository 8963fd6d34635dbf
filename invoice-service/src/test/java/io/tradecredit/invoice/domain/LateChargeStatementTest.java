package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.LateChargeStatement.Judgement;

/**
 * 10,000.00 CNY due 30 September 2026 under the default terms: 5.00 interest a day, the 3% fee
 * (300.00) on 30 October (30 days past due); statements at least 7 days apart.
 */
class LateChargeStatementTest {
    static final LocalDate DUE = LocalDate.of(2026, 9, 30);
    static final LocalDate FEE_DAY = DUE.plusDays(30);
    static final int WEEK = 7;

    static LateCharges charges(String interest, String fee) {
        return new LateCharges(Money.of(interest, "CNY"), Money.of(fee, "CNY"));
    }

    static LocalDate day(int daysPastDue) {
        return DUE.plusDays(daysPastDue);
    }

    @Test
    void theFirstChargesAreStatedOnTheDayTheyAppearAndLookedAtAgainAWeekLater() {
        assertEquals(new Judgement(true, day(8)), LateChargeStatement.judge(null, charges("5.00", "0.00"), day(1),
                WEEK, FEE_DAY));
    }

    @Test
    void nothingDueIsNeverStatedAndLookedAtAgainTomorrow() {
        // the whole invoice disputed from its due date: no interest yet
        assertEquals(new Judgement(false, day(2)), LateChargeStatement.judge(null, charges("0.00", "0.00"), day(1),
                WEEK, FEE_DAY));
    }

    @Test
    void grownInterestIsStatedAWeekAfterTheLastStatement() {
        var last = new LateChargeStatement(day(1), charges("5.00", "0.00"));
        assertEquals(new Judgement(true, day(15)), LateChargeStatement.judge(last, charges("40.00", "0.00"), day(8),
                WEEK, FEE_DAY));
    }

    @Test
    void grownInterestIsNotStatedBeforeTheWeekIsOver() {
        var last = new LateChargeStatement(day(1), charges("5.00", "0.00"));
        assertEquals(new Judgement(false, day(8)), LateChargeStatement.judge(last, charges("35.00", "0.00"), day(7),
                WEEK, FEE_DAY));
    }

    @Test
    void unchangedChargesAreNeverStatedAgain() {
        // disputed in full after day 8: the interest stopped at 40.00
        var last = new LateChargeStatement(day(8), charges("40.00", "0.00"));
        assertEquals(new Judgement(false, day(22)), LateChargeStatement.judge(last, charges("40.00", "0.00"), day(15),
                WEEK, FEE_DAY));
    }

    @Test
    void theFeeDayComesBeforeTheWeekIsOverAndTheFeeIsStatedAtOnce() {
        var last = new LateChargeStatement(day(29), charges("145.00", "0.00"));
        Judgement onDay29 = LateChargeStatement.judge(null, charges("145.00", "0.00"), day(29), WEEK, FEE_DAY);
        assertEquals(new Judgement(true, FEE_DAY), onDay29);
        assertEquals(new Judgement(true, day(37)), LateChargeStatement.judge(last, charges("150.00", "300.00"),
                FEE_DAY, WEEK, FEE_DAY));
    }

    @Test
    void aWaivedFeeIsStatedAtOnce() {
        var last = new LateChargeStatement(day(30), charges("150.00", "300.00"));
        assertEquals(new Judgement(true, day(39)), LateChargeStatement.judge(last, charges("160.00", "0.00"), day(32),
                WEEK, FEE_DAY));
    }

    @Test
    void aLateLookAtUnchangedChargesLooksAgainAWeekLater() {
        // looked at late (the job was down), nothing changed: a week from this look
        var last = new LateChargeStatement(day(1), charges("5.00", "0.00"));
        assertEquals(new Judgement(false, day(27)), LateChargeStatement.judge(last, charges("5.00", "0.00"), day(20),
                WEEK, FEE_DAY));
    }

    @Test
    void theFeeDayIsNotALookWhenItIsTodayOrPast() {
        var last = new LateChargeStatement(day(30), charges("150.00", "300.00"));
        assertEquals(new Judgement(false, day(37)), LateChargeStatement.judge(last, charges("150.00", "300.00"),
                day(30), WEEK, FEE_DAY));
        assertEquals(new Judgement(true, day(38)), LateChargeStatement.judge(null, charges("5.00", "0.00"), day(31),
                WEEK, FEE_DAY));
    }

    @Test
    void aFeeDayOnTheNextLookIsThatLook() {
        assertEquals(new Judgement(true, day(30)), LateChargeStatement.judge(null, charges("115.00", "0.00"),
                day(23), WEEK, FEE_DAY));
    }

    @Test
    void anIntervalUnderOneDayIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> LateChargeStatement.judge(null, charges("5.00", "0.00"), day(1), 0, FEE_DAY));
        assertEquals(new Judgement(true, day(2)),
                LateChargeStatement.judge(null, charges("5.00", "0.00"), day(1), 1, FEE_DAY));
    }

    @Test
    void aTenantsIntervalIsAtLeastOneDayAndAWeekByDefault() {
        assertEquals(7, InvoicingPolicy.DEFAULT.lateChargeStatementDays());
        assertThrows(IllegalArgumentException.class, () -> new InvoicingPolicy(48, LateChargePolicy.DEFAULT, 90, 1,
                InvoicingPolicy.UnknownBuyers.ACCEPT, 0));
        assertEquals(1, new InvoicingPolicy(48, LateChargePolicy.DEFAULT, 90, 1, InvoicingPolicy.UnknownBuyers.ACCEPT,
                1).lateChargeStatementDays());
    }
}
