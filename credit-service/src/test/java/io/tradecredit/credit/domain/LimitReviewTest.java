package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;
import io.tradecredit.credit.domain.LimitReview.Kind;

class LimitReviewTest {
    static Money cny(String a) {
        return Money.of(a, "CNY");
    }

    @Test
    void fallOfThreeGradesCutsToWhatTheFormulaAllows() {
        // grade 3 -> 6 (threshold 2): formula for grade 6 on the statement says 420,000
        var o = LimitReview.afterRegrade(3, 6, cny("1000000.00"), cny("420000.00"), CreditPolicy.DEFAULT);
        assertEquals(Kind.CUT, o.kind());
        assertEquals(cny("420000.00"), o.newLimit());
        assertEquals("grade fell from 3 to 6 (threshold 2): limit cut", o.reason());
    }

    @Test
    void withoutStatementTheLimitScalesByTheNetWorthRates() {
        // grade 3 rate 15%, grade 6 rate 7%: 1,000,000 x 0.07 / 0.15 = 466,666.67 -> 466,666 (rounded down)
        var o = LimitReview.afterRegrade(3, 6, cny("1000000.00"), null, CreditPolicy.DEFAULT);
        assertEquals(cny("466666.00"), o.newLimit());
    }

    @Test
    void fallBelowTheThresholdChangesNothing() {
        var o = LimitReview.afterRegrade(3, 4, cny("1000000.00"), cny("100.00"), CreditPolicy.DEFAULT);
        assertEquals(Kind.NONE, o.kind());
        assertFalse(o.gradeFellPastThreshold());
    }

    @Test
    void improvementOnlyProposesTheHigherLimit() {
        var o = LimitReview.afterRegrade(5, 3, cny("800000.00"), cny("1200000.00"), CreditPolicy.DEFAULT);
        assertEquals(Kind.PROPOSE_INCREASE, o.kind());
        assertEquals(cny("1200000.00"), o.newLimit());
    }

    @Test
    void fallWithoutALimitOnlyAlerts() {
        var o = LimitReview.afterRegrade(2, 10, null, null, CreditPolicy.DEFAULT);
        assertEquals(Kind.NONE, o.kind());
        assertTrue(o.gradeFellPastThreshold());
    }
}
