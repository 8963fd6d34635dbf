package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CreditPolicyTest {
    static CreditPolicy withFirstTerm(int days) {
        var d = CreditPolicy.DEFAULT;
        return new CreditPolicy(d.scoring(), d.limits(), d.checks(), d.gradeDropThreshold(), d.reviewIntervalDays(), days);
    }

    @Test
    void firstOrderGetsTheShorterTermOrPrepayment() {
        // agreed 30 days, first-order term 15: the first order gets 15, later orders 30
        assertEquals(new CreditPolicy.Terms(15, false, true), CreditPolicy.DEFAULT.termsFor(30, false));
        assertEquals(new CreditPolicy.Terms(30, false, false), CreditPolicy.DEFAULT.termsFor(30, true));
        assertEquals(new CreditPolicy.Terms(0, true, true), withFirstTerm(0).termsFor(30, false));
        assertEquals(new CreditPolicy.Terms(10, false, true), CreditPolicy.DEFAULT.termsFor(10, false));
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> withFirstTerm(-1));
        var d = CreditPolicy.DEFAULT;
        assertThrows(IllegalArgumentException.class,
                () -> new CreditPolicy(d.scoring(), d.limits(), d.checks(), 0, 365, 15));
    }

    static CreditPolicy with(int gradeDropThreshold, int reviewIntervalDays, int firstOrderTermDays) {
        var d = CreditPolicy.DEFAULT;
        return new CreditPolicy(d.scoring(), d.limits(), d.checks(), gradeDropThreshold, reviewIntervalDays,
                firstOrderTermDays);
    }

    @Test
    void settingsAtTheEdgesOfTheirRangesAreAccepted() {
        // threshold 1 to 9 grades, review every 1 to 1,095 days, first-order term 0 (prepayment) to 365 days
        assertEquals(1, with(1, 1, 0).gradeDropThreshold());
        var widest = with(9, 1095, 365);
        assertEquals(9, widest.gradeDropThreshold());
        assertEquals(1095, widest.reviewIntervalDays());
        assertEquals(365, widest.firstOrderTermDays());
    }

    @Test
    void settingsJustOutsideTheirRangesAreRefusedByName() {
        for (int threshold : new int[] {0, 10}) {
            var e = assertThrows(RuntimeException.class, () -> with(threshold, 365, 15));
            assertEquals("gradeDropThreshold must be 1 to 9 grades", e.getMessage());
        }
        for (int interval : new int[] {0, 1096}) {
            var e = assertThrows(RuntimeException.class, () -> with(2, interval, 15));
            assertEquals("reviewIntervalDays must be 1 to 1095", e.getMessage());
        }
        for (int firstTerm : new int[] {-1, 366}) {
            var e = assertThrows(RuntimeException.class, () -> with(2, 365, firstTerm));
            assertEquals("firstOrderTermDays must be 0 (prepayment) to 365", e.getMessage());
        }
    }

    @Test
    void buyerAgreedOnPrepaymentPaysUpFrontEvenAfterTradingBefore() {
        assertEquals(new CreditPolicy.Terms(0, true, false), CreditPolicy.DEFAULT.termsFor(0, true));
    }
}
