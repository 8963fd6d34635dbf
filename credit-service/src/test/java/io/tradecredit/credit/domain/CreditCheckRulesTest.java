package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

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
}
