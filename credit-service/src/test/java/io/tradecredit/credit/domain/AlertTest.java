package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/** Worked examples of what a credit manager is told: one alert per re-grade, one per block, with the figures. */
class AlertTest {
    static final String FALL = "grade fell from 2 to 4 (threshold 2): limit cut from 1000000.00 CNY to 720000.00 CNY";
    static final String OVERDUE = "invoice INV-1 overdue";
    static final Alert.Withdrawal WITHDRAWAL = new Alert.Withdrawal(Money.of("1080000.00", "CNY"), 2, 4);
    static final String WITHDRAWN = "the proposed limit increase to 1080000.00 CNY was withdrawn: grade fell to 4"
            + " (proposed at grade 2)";

    @Test
    void aFallPastTheThresholdIsAGradeDropNamingAWithdrawnProposalToo() {
        assertEquals(new Alert.Notice(Alert.GRADE_DROP, FALL + " after " + OVERDUE),
                new Alert.Regrade(FALL, null, OVERDUE).told());
    }

    /**
     * A fall from 2 to 4 cuts the limit from 1,000,000.00 to 720,000.00 CNY and withdraws the 1,080,000.00 proposed at
     * grade 2: one GRADE_DROP, not a grade drop and then a withdrawal, telling the fall, the cut, the cause and the
     * withdrawal once each. It told the fall and the cause twice: "…; the proposed limit increase to 1080000.00 CNY
     * was withdrawn: grade fell to 4 (proposed at grade 2) after invoice INV-1 overdue".
     */
    @Test
    void aFallThatWithdrawsAProposalTellsTheFallAndItsCauseOnce() {
        assertEquals(new Alert.Notice(Alert.GRADE_DROP, "grade fell from 2 to 4 (threshold 2): limit cut from"
                + " 1000000.00 CNY to 720000.00 CNY after invoice INV-1 overdue; the proposed limit increase to"
                + " 1080000.00 CNY (proposed at grade 2) was withdrawn"),
                new Alert.Regrade(FALL, WITHDRAWAL, OVERDUE).told());
    }

    @Test
    void aProposalWithdrawnBySmallerFallIsToldOnItsOwn() {
        // grade 2 -> 3: no fall past the threshold, but the 1,080,000 waiting for the credit manager is gone
        assertEquals(new Alert.Notice(Alert.PROPOSAL_WITHDRAWN, "the proposed limit increase to 1080000.00 CNY was"
                + " withdrawn: grade fell to 3 (proposed at grade 2) after " + OVERDUE),
                new Alert.Regrade(null, new Alert.Withdrawal(Money.of("1080000.00", "CNY"), 2, 3), OVERDUE).told());
        assertNull(new Alert.Regrade(null, null, OVERDUE).told(), "a rise or a smaller fall tells nothing");
    }

    @Test
    void aWithdrawnProposalSaysWhyWithItsCause() {
        assertEquals("grade fell to 4 (proposed at grade 2) after " + OVERDUE, WITHDRAWAL.why(OVERDUE));
    }

    /**
     * An insolvency filing blocks the buyer, taking its limit of 100,000.00 CNY to 0, and grades it from 3 to 10: one
     * BUYER_BLOCKED alert telling the filing once, the limit it took and the fall. It told the filing twice, the
     * second time as the fall's cause ("… to 10 (threshold 2) after warning signal: INSOLVENCY_FILING").
     */
    @Test
    void aBlockIsOneAlertWithTheLimitItTookAndTheFallThatFollowedTellingTheFilingOnce() {
        assertEquals(new Alert.Notice(Alert.BUYER_BLOCKED, "new credit blocked: insolvency filing reported by"
                + " Shenzhen Intermediate Court on 2026-12-07; limit cut from 100000.00 CNY to 0.00 CNY;"
                + " grade fell from 3 to 10 (threshold 2)"),
                Alert.blocked("insolvency filing reported by Shenzhen Intermediate Court on 2026-12-07",
                        Money.of("100000.00", "CNY"), new Alert.Regrade("grade fell from 3 to 10 (threshold 2)", null,
                                "warning signal: INSOLVENCY_FILING")));
    }

    @Test
    void aBlockOfABuyerWithoutALimitOrAFallSaysOnlyWhy() {
        assertEquals(new Alert.Notice(Alert.BUYER_BLOCKED, "new credit blocked: insolvency filing"),
                Alert.blocked("insolvency filing", Money.zero("CNY"), null));
        assertEquals(new Alert.Notice(Alert.BUYER_BLOCKED, "new credit blocked: insolvency filing"),
                Alert.blocked("insolvency filing", null, new Alert.Regrade(null, null, "warning signal")));
    }

    /**
     * A broken promise re-grades the buyer from 2 to 4 and the limit is cut from 1,000,000.00 to 720,000.00 CNY: one
     * PROMISE_BROKEN alert reading each fact once, the broken promise, the fall, the cut. Its message told the
     * promise twice, the second time as the fall's cause ("… 720000.00 CNY after promise to pay … broken: …").
     */
    @Test
    void aBrokenPromiseWhoseReGradeFallsPastTheThresholdTellsThePromiseTheFallAndTheCutOnce() {
        String promise = "promise to pay 1000.00 CNY by 2026-12-02 broken: 400.00 CNY paid";
        assertEquals(new Alert.Notice(Alert.PROMISE_BROKEN, "promise to pay 1000.00 CNY by 2026-12-02 broken:"
                + " 400.00 CNY paid; grade fell from 2 to 4 (threshold 2): limit cut from 1000000.00 CNY to"
                + " 720000.00 CNY"), Alert.withRegrade(new Alert.Notice(Alert.PROMISE_BROKEN, promise),
                        new Alert.Regrade(FALL, null, promise)));
    }

    @Test
    void aPolicyReviewIsOneAlertTellingWhatItsReGradeDidWithoutItsCauseAgain() {
        Alert.Notice review = new Alert.Notice(Alert.CREDIT_POLICY_REVIEW,
                "dispute on invoice INV-2 resolved; adjust the buyer's credit policy: ask for prepayment");
        String cause = "dispute resolved on invoice INV-2";
        assertEquals(new Alert.Notice(Alert.CREDIT_POLICY_REVIEW, review.message() + "; " + WITHDRAWN),
                Alert.withRegrade(review, new Alert.Regrade(null, WITHDRAWAL, cause)));
        assertEquals(new Alert.Notice(Alert.CREDIT_POLICY_REVIEW, review.message() + "; " + FALL + "; the proposed"
                + " limit increase to 1080000.00 CNY (proposed at grade 2) was withdrawn"),
                Alert.withRegrade(review, new Alert.Regrade(FALL, WITHDRAWAL, cause)));
        assertEquals(review, Alert.withRegrade(review, new Alert.Regrade(null, null, cause)),
                "a re-grade that tells nothing adds nothing");
        assertEquals(review, Alert.withRegrade(review, null));
    }
}
