package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;
import io.tradecredit.credit.domain.CreditCheckRules.Outcome;
import io.tradecredit.credit.domain.CreditCheckRules.Situation;

class CreditDecisionTest {
    static Money cny(String a) {
        return Money.of(a, "CNY");
    }

    static Situation buyer(Integer grade, String limit, String exposure, String overdue, int dpd, String order) {
        return new Situation(false, null, grade, limit == null ? null : cny(limit), cny(exposure), cny(overdue), dpd,
                cny(order));
    }

    @Test
    void limitFormulaTakesTheSmallerOfNetWorthAndRevenueShares() {
        // grade 3: min(15% of 8,000,000 = 1,200,000; 10% of 15,000,000 = 1,500,000) = 1,200,000
        assertEquals(new BigDecimal("1200000"),
                LimitFormula.DEFAULT.recommend(3, new BigDecimal("8000000"), new BigDecimal("15000000")));
        assertEquals(new BigDecimal("0"), LimitFormula.DEFAULT.recommend(8, new BigDecimal("8000000"),
                new BigDecimal("15000000")));
        assertEquals(new BigDecimal("0"), LimitFormula.DEFAULT.recommend(1, new BigDecimal("-5"), new BigDecimal("100")));
    }

    @Test
    void orderWithinTheLimitIsApproved() {
        var d = CreditCheckRules.DEFAULT.decide(buyer(3, "1000000.00", "600000.00", "0.00", 0, "300000.00"));
        assertEquals(Outcome.APPROVED, d.outcome());
        assertEquals(cny("900000.00"), d.exposureAfter());
    }

    @Test
    void slightlyOverTheLimitIsReferredFarOverIsDeclined() {
        assertEquals(Outcome.REFER, CreditCheckRules.DEFAULT.decide(
                buyer(3, "1000000.00", "900000.00", "0.00", 0, "150000.00")).outcome());   // 1.05m <= 1.1m
        assertEquals(Outcome.DECLINED, CreditCheckRules.DEFAULT.decide(
                buyer(3, "1000000.00", "900000.00", "0.00", 0, "250000.00")).outcome());   // 1.15m > 1.1m
    }

    @Test
    void newBuyerWithoutLimitIsReferred() {
        var d = CreditCheckRules.DEFAULT.decide(buyer(5, null, "0.00", "0.00", 0, "10000.00"));
        assertEquals(Outcome.REFER, d.outcome());
        assertTrue(d.reasons().get(0).contains("prepayment"));
    }

    @Test
    void oldOverdueBalanceAndPoorGradeDecline() {
        assertEquals(Outcome.REFER, CreditCheckRules.DEFAULT.decide(
                buyer(3, "1000000.00", "100000.00", "50000.00", 45, "1000.00")).outcome());
        assertEquals(Outcome.DECLINED, CreditCheckRules.DEFAULT.decide(
                buyer(3, "1000000.00", "100000.00", "50000.00", 95, "1000.00")).outcome());
        assertEquals(Outcome.DECLINED, CreditCheckRules.DEFAULT.decide(
                buyer(9, "1000000.00", "0.00", "0.00", 0, "1000.00")).outcome());
    }

    @Test
    void blockedBuyerIsDeclinedWithTheReason() {
        var d = CreditCheckRules.DEFAULT.decide(new Situation(true, "insolvency filing", 2, cny("1000000.00"),
                cny("0.00"), cny("0.00"), 0, cny("1.00")));
        assertEquals(Outcome.DECLINED, d.outcome());
        assertEquals("buyer is blocked: insolvency filing", d.reasons().get(0));
    }

    @Test
    void gradeExactlyOnTheReferGradeIsReferred() {
        // refer from grade 7: grade 6 is approved, grade 7 goes to a credit manager
        assertEquals(Outcome.APPROVED, CreditCheckRules.DEFAULT.decide(
                buyer(6, "1000000.00", "0.00", "0.00", 0, "1000.00")).outcome());
        var d = CreditCheckRules.DEFAULT.decide(buyer(7, "1000000.00", "0.00", "0.00", 0, "1000.00"));
        assertEquals(Outcome.REFER, d.outcome());
        assertEquals(List.of("grade 7 needs a credit manager (from grade 7)"), d.reasons());
    }

    @Test
    void exposureExactlyAtTheLimitIsApprovedAndExactlyAtTheToleranceReferred() {
        // limit 1,000,000.00, tolerance 10%: 700,000 + 300,000 = 1,000,000.00 is within the limit
        var atLimit = CreditCheckRules.DEFAULT.decide(buyer(3, "1000000.00", "700000.00", "0.00", 0, "300000.00"));
        assertEquals(Outcome.APPROVED, atLimit.outcome());
        assertEquals(List.of("exposure 1000000.00 CNY within the limit 1000000.00 CNY"), atLimit.reasons());
        // 700,000 + 400,000 = 1,100,000.00 is over the limit but not beyond the tolerated 1,100,000.00
        var atTolerance = CreditCheckRules.DEFAULT.decide(buyer(3, "1000000.00", "700000.00", "0.00", 0, "400000.00"));
        assertEquals(Outcome.REFER, atTolerance.outcome());
        // one cent more is declined, with the tolerance in percent
        var beyond = CreditCheckRules.DEFAULT.decide(buyer(3, "1000000.00", "700000.00", "0.00", 0, "400000.01"));
        assertEquals(Outcome.DECLINED, beyond.outcome());
        assertEquals(List.of("exposure 1100000.01 CNY would exceed the limit 1000000.00 CNY by more than 10%"),
                beyond.reasons());
    }

    @Test
    void overdueBalanceExactlyThirtyDaysOldIsToleratedAndExactlyNinetyIsReferred() {
        // refer beyond 30 days past due, decline beyond 90
        assertEquals(Outcome.APPROVED, CreditCheckRules.DEFAULT.decide(
                buyer(3, "1000000.00", "100000.00", "50000.00", 30, "1000.00")).outcome());
        var referred = CreditCheckRules.DEFAULT.decide(buyer(3, "1000000.00", "100000.00", "50000.00", 31, "1000.00"));
        assertEquals(List.of("50000.00 CNY overdue, oldest 31 days past due"), referred.reasons());
        assertEquals(Outcome.REFER, referred.outcome());
        assertEquals(Outcome.REFER, CreditCheckRules.DEFAULT.decide(
                buyer(3, "1000000.00", "100000.00", "50000.00", 90, "1000.00")).outcome());
        assertEquals(Outcome.DECLINED, CreditCheckRules.DEFAULT.decide(
                buyer(3, "1000000.00", "100000.00", "50000.00", 91, "1000.00")).outcome());
    }

    @Test
    void declineListsEveryReasonDeclinesFirst() {
        // grade 8 refers, 95 days overdue declines: both reasons, the decline first
        var d = CreditCheckRules.DEFAULT.decide(buyer(8, "1000000.00", "100000.00", "50000.00", 95, "1000.00"));
        assertEquals(Outcome.DECLINED, d.outcome());
        assertEquals(List.of("50000.00 CNY overdue, oldest 95 days past due",
                "grade 8 needs a credit manager (from grade 7)"), d.reasons());
    }
}
