package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/** Worked examples of what a credit manager is told: one alert per re-grade, one per block, with the figures. */
class AlertTest {
    static final String FALL = "grade fell from 2 to 4 (threshold 2): limit cut from 1000000.00 CNY to 720000.00 CNY"
            + " after invoice INV-1 overdue";
    static final String WITHDRAWN = "the proposed limit increase to 1080000.00 CNY was withdrawn: grade fell to 4"
            + " (proposed at grade 2) after invoice INV-1 overdue";

    @Test
    void aFallPastTheThresholdIsAGradeDropNamingAWithdrawnProposalToo() {
        assertEquals(new Alert.Notice(Alert.GRADE_DROP, FALL), Alert.afterRegrade(FALL, null));
        // one alert, not a grade drop and then a withdrawal
        assertEquals(new Alert.Notice(Alert.GRADE_DROP, FALL + "; " + WITHDRAWN), Alert.afterRegrade(FALL, WITHDRAWN));
    }

    @Test
    void aProposalWithdrawnBySmallerFallIsToldOnItsOwn() {
        // grade 2 -> 3: no fall past the threshold, but the 1,080,000 waiting for the credit manager is gone
        assertEquals(new Alert.Notice(Alert.PROPOSAL_WITHDRAWN, WITHDRAWN), Alert.afterRegrade(null, WITHDRAWN));
        assertNull(Alert.afterRegrade(null, null), "a rise or a smaller fall tells nothing");
    }

    @Test
    void aBlockIsOneAlertWithTheLimitItTookAndTheFallThatFollowed() {
        Alert.Notice fall = new Alert.Notice(Alert.GRADE_DROP,
                "grade fell from 3 to 10 (threshold 2) after warning signal: INSOLVENCY_FILING");
        assertEquals(new Alert.Notice(Alert.BUYER_BLOCKED, "new credit blocked: insolvency filing reported by"
                + " Shenzhen Intermediate Court on 2026-12-07; limit cut from 100000.00 CNY to 0.00 CNY;"
                + " grade fell from 3 to 10 (threshold 2) after warning signal: INSOLVENCY_FILING"),
                Alert.blocked("insolvency filing reported by Shenzhen Intermediate Court on 2026-12-07",
                        Money.of("100000.00", "CNY"), fall));
    }

    @Test
    void aBlockOfABuyerWithoutALimitOrAFallSaysOnlyWhy() {
        assertEquals(new Alert.Notice(Alert.BUYER_BLOCKED, "new credit blocked: insolvency filing"),
                Alert.blocked("insolvency filing", Money.zero("CNY"), null));
        assertEquals(new Alert.Notice(Alert.BUYER_BLOCKED, "new credit blocked: insolvency filing"),
                Alert.blocked("insolvency filing", null, null));
    }

    @Test
    void aBrokenPromiseOrAPolicyReviewIsOneAlertTellingTheFallItsReGradeMadeToo() {
        Alert.Notice promise = new Alert.Notice(Alert.PROMISE_BROKEN,
                "promise to pay 1000.00 CNY by 2026-12-02 broken: 400.00 CNY paid");
        Alert.Notice fall = new Alert.Notice(Alert.GRADE_DROP, FALL);
        // one alert of the cause's kind, not PROMISE_BROKEN and then GRADE_DROP
        assertEquals(new Alert.Notice(Alert.PROMISE_BROKEN, promise.message() + "; " + FALL),
                Alert.withRegrade(promise, fall));
        Alert.Notice review = new Alert.Notice(Alert.CREDIT_POLICY_REVIEW,
                "dispute on invoice INV-2 resolved; adjust the buyer's credit policy: ask for prepayment");
        assertEquals(new Alert.Notice(Alert.CREDIT_POLICY_REVIEW, review.message() + "; " + WITHDRAWN),
                Alert.withRegrade(review, new Alert.Notice(Alert.PROPOSAL_WITHDRAWN, WITHDRAWN)));
        assertEquals(promise, Alert.withRegrade(promise, null), "a re-grade that tells nothing adds nothing");
    }
}
