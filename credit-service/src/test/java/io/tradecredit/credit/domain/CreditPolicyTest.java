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
}
