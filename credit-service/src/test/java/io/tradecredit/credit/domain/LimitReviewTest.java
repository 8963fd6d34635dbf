package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
        assertEquals("grade fell from 3 to 6 (threshold 2): limit cut from 1000000.00 CNY to 420000.00 CNY", o.reason());
    }

    @Test
    void withoutStatementTheLimitScalesByTheNetWorthRates() {
        // grade 3 rate 15%, grade 6 rate 7%: 1,000,000 x 0.07 / 0.15 = 466,666.67 -> 466,666 (rounded down)
        var o = LimitReview.afterRegrade(3, 6, cny("1000000.00"), null, CreditPolicy.DEFAULT);
        assertEquals(cny("466666.00"), o.newLimit());
        assertEquals("grade fell from 3 to 6 (threshold 2): limit cut from 1000000.00 CNY to 466666.00 CNY", o.reason());
    }

    @Test
    void aFallIsMeasuredFromTheGradeTheLimitWasSetAtElseFromTheGradeBefore() {
        assertEquals(Integer.valueOf(2), LimitReview.basis(2, 3), "limit set at 2, the buyer was at 3: from 2");
        assertEquals(Integer.valueOf(3), LimitReview.basis(null, 3), "a limit set before the grade was kept");
        assertNull(LimitReview.basis(null, null));
        // 2 -> 3 -> 4 one grade at a time: measured from 2, the second step is past the threshold of 2
        var o = LimitReview.afterRegrade(LimitReview.basis(2, 3), 4, cny("1000000.00"), cny("720000.00"),
                CreditPolicy.DEFAULT);
        assertEquals(Kind.CUT, o.kind());
        assertEquals("grade fell from 2 to 4 (threshold 2): limit cut from 1000000.00 CNY to 720000.00 CNY",
                o.reason());
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
        assertEquals("grade fell from 2 to 10 (threshold 2)", o.reason());
    }

    @Test
    void fallExactlyByTheThresholdCuts() {
        // threshold 2: grade 3 -> 5 is a fall of 2, cut to the formula's 700,000
        var o = LimitReview.afterRegrade(3, 5, cny("1000000.00"), cny("700000.00"), CreditPolicy.DEFAULT);
        assertEquals(Kind.CUT, o.kind());
        assertEquals(cny("700000.00"), o.newLimit());
        // the figures of the cut, for the credit manager's alert (it said only "limit cut")
        assertEquals("grade fell from 3 to 5 (threshold 2): limit cut from 1000000.00 CNY to 700000.00 CNY",
                o.reason());
    }

    @Test
    void fallWhereTheFormulaStillAllowsTheWholeLimitOnlyAlerts() {
        // grade 3 -> 6, formula allows exactly the current 400,000: nothing to cut, the fall is still reported
        var o = LimitReview.afterRegrade(3, 6, cny("400000.00"), cny("400000.00"), CreditPolicy.DEFAULT);
        assertEquals(Kind.NONE, o.kind());
        assertNull(o.newLimit());
        assertTrue(o.gradeFellPastThreshold());
        assertEquals("grade fell from 3 to 6 (threshold 2): limit 400000.00 CNY kept, grade 6 allows 400000.00 CNY",
                o.reason());
    }

    @Test
    void fallOfABuyerWhoseLimitIsAlreadyZeroOnlyAlerts() {
        var o = LimitReview.afterRegrade(3, 9, cny("0.00"), cny("0.00"), CreditPolicy.DEFAULT);
        assertEquals(Kind.NONE, o.kind());
        assertTrue(o.gradeFellPastThreshold());
        assertEquals("grade fell from 3 to 9 (threshold 2)", o.reason());
    }

    @Test
    void fallFromANoCreditGradeWithoutStatementCutsToZero() {
        // grade 8 (rate 0%) -> 10: a limit a manager granted anyway cannot be scaled from a zero rate: cut to 0
        var o = LimitReview.afterRegrade(8, 10, cny("50000.00"), null, CreditPolicy.DEFAULT);
        assertEquals(Kind.CUT, o.kind());
        assertEquals(cny("0.00"), o.newLimit());
    }

    @Test
    void firstAssessmentOrSameGradeChangesNothing() {
        assertEquals(LimitReview.Outcome.NONE,
                LimitReview.afterRegrade(null, 9, cny("1000000.00"), cny("100.00"), CreditPolicy.DEFAULT));
        // the formula would allow more, but the grade did not improve
        assertEquals(LimitReview.Outcome.NONE,
                LimitReview.afterRegrade(4, 4, cny("800000.00"), cny("1200000.00"), CreditPolicy.DEFAULT));
    }

    @Test
    void improvementProposesOnlyWhenTheFormulaAllowsMore() {
        var o = LimitReview.afterRegrade(5, 4, cny("800000.00"), cny("900000.00"), CreditPolicy.DEFAULT);
        assertEquals(Kind.PROPOSE_INCREASE, o.kind());
        assertFalse(o.gradeFellPastThreshold());
        assertEquals("grade rose from 5 to 4: the formula allows more", o.reason());
        assertEquals(LimitReview.Outcome.NONE,
                LimitReview.afterRegrade(5, 4, cny("800000.00"), cny("800000.00"), CreditPolicy.DEFAULT));
        assertEquals(LimitReview.Outcome.NONE,
                LimitReview.afterRegrade(5, 4, cny("800000.00"), null, CreditPolicy.DEFAULT));
        assertEquals(LimitReview.Outcome.NONE,
                LimitReview.afterRegrade(5, 4, null, cny("900000.00"), CreditPolicy.DEFAULT));
    }

    @Test
    void anIncreaseIsProposedOnlyWhenTheGradeRoseInThisRegrade() {
        // limit set at grade 5; 5 -> 3 proposes the formula's 1,200,000
        assertEquals(Kind.PROPOSE_INCREASE, LimitReview.afterRegrade(5, 5, 3, cny("800000.00"), cny("1200000.00"),
                CreditPolicy.DEFAULT).kind());
        // proposal rejected; re-assessed at 3 again: nothing rose, nothing proposed (it proposed "5 to 3" again)
        assertEquals(LimitReview.Outcome.NONE, LimitReview.afterRegrade(5, 3, 3, cny("800000.00"),
                cny("1200000.00"), CreditPolicy.DEFAULT));
        // 4 -> 3, still better than the limit's grade 5: proposed, measured from the limit's grade
        assertEquals("grade rose from 5 to 3: the formula allows more", LimitReview.afterRegrade(5, 4, 3,
                cny("800000.00"), cny("1200000.00"), CreditPolicy.DEFAULT).reason());
        // never graded before: no rise
        assertEquals(LimitReview.Outcome.NONE, LimitReview.afterRegrade(5, null, 3, cny("800000.00"),
                cny("1200000.00"), CreditPolicy.DEFAULT));
        // 6 -> 5, back to the limit's grade: nothing
        assertEquals(LimitReview.Outcome.NONE, LimitReview.afterRegrade(5, 6, 5, cny("800000.00"),
                cny("1200000.00"), CreditPolicy.DEFAULT));
        // a fall is still measured from the limit's grade: 3 -> 4 -> 5 with the limit set at 3 cuts
        assertEquals(Kind.CUT, LimitReview.afterRegrade(3, 4, 5, cny("1000000.00"), cny("700000.00"),
                CreditPolicy.DEFAULT).kind());
    }
}
