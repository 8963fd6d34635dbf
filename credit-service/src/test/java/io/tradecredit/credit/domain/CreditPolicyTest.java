package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.Violation;

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
    void impossibleSettingsAreNamedByTheirPathInThePolicy() {
        assertEquals(List.of(new Violation("firstOrderTermDays", "must be 0 (prepayment) to 365 days")),
                withFirstTerm(-1).violations());
        var d = CreditPolicy.DEFAULT;
        assertEquals(List.of(), d.violations());
        assertEquals(List.of(new Violation("scoring", "is required"), new Violation("limits", "is required"),
                new Violation("checks", "is required"), new Violation("gradeDropThreshold", "must be 1 to 9 grades")),
                new CreditPolicy(null, null, null, 0, 365, 15).violations());
        // a part's problems are named under the part
        var badParts = new CreditPolicy(ScoringPolicyTest.withFloors(List.of(90, 80, 70, 60, 50, 40, 30, 20, 10, 5)),
                new LimitFormula(List.of()), new CreditCheckRules(7, 9, null, 30, 90), 2, 365, 15);
        assertEquals(List.of(new Violation("scoring.gradeFloors[9]", "must be 0: every score has a grade"),
                new Violation("limits.byGrade", "needs one pair of rates per grade 1-10"),
                new Violation("checks.overLimitTolerance", "must be a share of 0 or more (0.10 = 10%)")),
                badParts.violations());
    }

    static CreditPolicy with(int gradeDropThreshold, int reviewIntervalDays, int firstOrderTermDays) {
        var d = CreditPolicy.DEFAULT;
        return new CreditPolicy(d.scoring(), d.limits(), d.checks(), gradeDropThreshold, reviewIntervalDays,
                firstOrderTermDays);
    }

    @Test
    void settingsAtTheEdgesOfTheirRangesAreAccepted() {
        // threshold 1 to 9 grades, review every 1 to 1,095 days, first-order term 0 (prepayment) to 365 days
        assertEquals(List.of(), with(1, 1, 0).violations());
        assertEquals(List.of(), with(9, 1095, 365).violations());
    }

    @Test
    void settingsJustOutsideTheirRangesAreRefusedByName() {
        for (int threshold : new int[] {0, 10}) {
            assertEquals(List.of(new Violation("gradeDropThreshold", "must be 1 to 9 grades")),
                    with(threshold, 365, 15).violations());
        }
        for (int interval : new int[] {0, 1096}) {
            assertEquals(List.of(new Violation("reviewIntervalDays", "must be 1 to 1095 days")),
                    with(2, interval, 15).violations());
        }
        for (int firstTerm : new int[] {-1, 366}) {
            assertEquals(List.of(new Violation("firstOrderTermDays", "must be 0 (prepayment) to 365 days")),
                    with(2, 365, firstTerm).violations());
        }
    }

    /** A number left out of the document is named, never read as 0 (0 days of first-order term is prepayment for all). */
    @Test
    void aNumberLeftOutIsNamedNotTakenAsZero() {
        var d = CreditPolicy.DEFAULT;
        assertEquals(List.of(new Violation("gradeDropThreshold", "must be 1 to 9 grades"),
                new Violation("reviewIntervalDays", "must be 1 to 1095 days"),
                new Violation("firstOrderTermDays", "must be 0 (prepayment) to 365 days")),
                new CreditPolicy(d.scoring(), d.limits(), d.checks(), null, null, null).violations());
        assertEquals(List.of(new Violation("checks.referFromGrade", "must be a grade 1 to 10, or 11 for never"),
                new Violation("checks.declineFromGrade", "must be a grade 1 to 10, or 11 for never"),
                new Violation("checks.referOverdueDays", "is required"),
                new Violation("checks.declineOverdueDays", "is required")),
                new CreditPolicy(d.scoring(), d.limits(), new CreditCheckRules(null, null, new java.math.BigDecimal("0.10"),
                        null, null), 2, 365, 15).violations());
        var s = d.scoring();
        java.util.Map<WarningSignal, Integer> withoutInsolvency = new java.util.EnumMap<>(s.signalPenalty());
        withoutInsolvency.remove(WarningSignal.INSOLVENCY_FILING);
        assertEquals(List.of(new Violation("scoring.signalPenalty.INSOLVENCY_FILING", "must be 0 to 100 points"),
                new Violation("scoring.matureAfterYears", "must be at least 1 year")),
                new CreditPolicy(new ScoringPolicy(s.financialWeight(), s.paymentWeight(), s.disputeWeight(), s.ageWeight(),
                        s.signalWeight(), s.gradeFloors(), withoutInsolvency, null, s.disputeShareForZero()), d.limits(),
                        d.checks(), 2, 365, 15).violations());
    }

    static CreditPolicy withRegistrationDefaults(String currency, Integer termDays) {
        var d = CreditPolicy.DEFAULT;
        return new CreditPolicy(d.scoring(), d.limits(), d.checks(), 2, 365, 15, currency, termDays);
    }

    /** The registration defaults came later: a document without them (stored or sent) keeps CNY and 30 days. */
    @Test
    void aPolicyWithoutRegistrationDefaultsKeepsThePlatformsCnyAndThirtyDays() {
        assertEquals("CNY", CreditPolicy.DEFAULT.defaultCurrency());
        assertEquals(30, CreditPolicy.DEFAULT.defaultTermDays());
        CreditPolicy without = withRegistrationDefaults(null, null);
        assertEquals("CNY", without.defaultCurrency());
        assertEquals(30, without.defaultTermDays());
        assertEquals(List.of(), without.violations());
        assertEquals("USD", withRegistrationDefaults("USD", 60).defaultCurrency());
        assertEquals(60, withRegistrationDefaults("USD", 60).defaultTermDays());
    }

    @Test
    void registrationDefaultsOutsideWhatABuyerMayHaveAreRefusedByName() {
        assertEquals(List.of(), withRegistrationDefaults("EUR", 0).violations());
        assertEquals(List.of(), withRegistrationDefaults("EUR", 365).violations());
        assertEquals(List.of(new Violation("defaultCurrency", "must be an ISO 4217 currency code such as CNY"),
                new Violation("defaultTermDays", "must be 0 (prepayment) to 365 days")),
                withRegistrationDefaults("DOLLARS", -1).violations());
        assertEquals(List.of(new Violation("defaultTermDays", "must be 0 (prepayment) to 365 days")),
                withRegistrationDefaults("USD", 366).violations());
    }

    @Test
    void buyerAgreedOnPrepaymentPaysUpFrontEvenAfterTradingBefore() {
        assertEquals(new CreditPolicy.Terms(0, true, false), CreditPolicy.DEFAULT.termsFor(0, true));
    }
}
