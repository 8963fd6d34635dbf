package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;
import io.tradecredit.credit.domain.CreditCheckRules.Outcome;
import io.tradecredit.credit.domain.CreditCheckRules.Situation;

/**
 * The order-time decision (DOMAIN.md §1) under the default thresholds: refer from grade 7,
 * decline from grade 9, 10% over the limit tolerated for a referral, overdue for more than 30
 * days refers and more than 90 days declines; a first order says on which terms it goes.
 */
class CreditCheckRulesTest {
    static Money cny(String a) {
        return Money.of(a, "CNY");
    }

    static Situation buyer(Integer grade, String limit, String exposure, String overdue, int dpd, String order) {
        return new Situation(false, null, grade, limit == null ? null : cny(limit), cny(exposure), cny(overdue), dpd,
                cny(order));
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
    void everyReasonIsGivenDeclinesFirst() {
        // grade 7 refers; exposure 950,000 + 100,000 = 1,050,000 over 1,000,000 refers; 40,000 overdue
        // 95 days declines: DECLINED, with the two referral reasons after the decline's
        var d = CreditCheckRules.DEFAULT.decide(buyer(7, "1000000.00", "950000.00", "40000.00", 95, "100000.00"));
        assertEquals(Outcome.DECLINED, d.outcome());
        assertEquals(List.of("40000.00 CNY overdue, oldest 95 days past due",
                "grade 7 needs a credit manager (from grade 7)",
                "exposure 1050000.00 CNY would exceed the limit 1000000.00 CNY"), d.reasons());
    }

    @Test
    void thresholdsAreExclusiveForDaysAndInclusiveForGradesAndTheLimit() {
        // exactly at the limit: 1,000,000 is approved; exactly at the tolerance 1,100,000 is referred
        assertEquals(Outcome.APPROVED, CreditCheckRules.DEFAULT.decide(
                buyer(3, "1000000.00", "900000.00", "0.00", 0, "100000.00")).outcome());
        assertEquals(Outcome.REFER, CreditCheckRules.DEFAULT.decide(
                buyer(3, "1000000.00", "900000.00", "0.00", 0, "200000.00")).outcome());
        // 30 days past due is still approved, 31 refers; 90 refers, 91 declines
        assertEquals(Outcome.APPROVED, CreditCheckRules.DEFAULT.decide(
                buyer(3, "1000000.00", "100000.00", "5000.00", 30, "1000.00")).outcome());
        assertEquals(Outcome.REFER, CreditCheckRules.DEFAULT.decide(
                buyer(3, "1000000.00", "100000.00", "5000.00", 31, "1000.00")).outcome());
        assertEquals(Outcome.REFER, CreditCheckRules.DEFAULT.decide(
                buyer(3, "1000000.00", "100000.00", "5000.00", 90, "1000.00")).outcome());
        assertEquals(Outcome.DECLINED, CreditCheckRules.DEFAULT.decide(
                buyer(3, "1000000.00", "100000.00", "5000.00", 91, "1000.00")).outcome());
        // grade 6 approved, 7 referred, 8 referred, 9 declined
        assertEquals(Outcome.APPROVED, CreditCheckRules.DEFAULT.decide(
                buyer(6, "1000000.00", "0.00", "0.00", 0, "1000.00")).outcome());
        assertEquals(Outcome.REFER, CreditCheckRules.DEFAULT.decide(
                buyer(8, "1000000.00", "0.00", "0.00", 0, "1000.00")).outcome());
    }

    @Test
    void aFirstOrderSaysItsTermsAfterTheReasonsAndKeepsTheOutcome() {
        // never invoiced, agreed 30 days, first-order term 15: approved, payment within 15 days
        var terms = CreditPolicy.DEFAULT.termsFor(30, false);
        var d = CreditCheckRules.DEFAULT.decide(buyer(3, "1000000.00", "0.00", "0.00", 0, "50000.00"), terms);
        assertEquals(Outcome.APPROVED, d.outcome());
        assertEquals(List.of("exposure 50000.00 CNY within the limit 1000000.00 CNY", "first order: payment within 15 days"),
                d.reasons());
        // no limit yet, first-order term 0: referred, on prepayment
        var prepaid = new CreditPolicy.Terms(0, true, true);
        var p = CreditCheckRules.DEFAULT.decide(buyer(5, null, "0.00", "0.00", 0, "10000.00"), prepaid);
        assertEquals(Outcome.REFER, p.outcome());
        assertEquals("first order: prepayment", p.reasons().get(p.reasons().size() - 1));
        // a buyer that has traded gets no first-order reason
        var later = CreditCheckRules.DEFAULT.decide(buyer(3, "1000000.00", "0.00", "0.00", 0, "50000.00"),
                CreditPolicy.DEFAULT.termsFor(30, true));
        assertEquals(List.of("exposure 50000.00 CNY within the limit 1000000.00 CNY"), later.reasons());
    }

    @Test
    void aBuyerInvoicedBeforeWithoutALimitIsReferredWithoutBeingCalledANewBuyer() {
        // invoiced before, no limit, agreed 30 days: the order goes on 30 days, not a first order's terms
        var traded = CreditPolicy.DEFAULT.check(buyer(4, null, "20000.00", "0.00", 0, "10000.00"), 30, true);
        assertEquals(Outcome.REFER, traded.decision().outcome());
        assertEquals(new CreditPolicy.Terms(30, false, false), traded.terms());
        assertEquals(List.of("no credit limit approved: a credit manager decides the order on the agreed terms"),
                traded.decision().reasons());
        // never invoiced: a new buyer's first order, on the first-order term of 15 days
        var first = CreditPolicy.DEFAULT.check(buyer(4, null, "0.00", "0.00", 0, "10000.00"), 30, false);
        assertEquals(List.of("no credit limit approved: a new buyer's first order goes on prepayment or a short term",
                "first order: payment within 15 days"), first.decision().reasons());
    }

    @Test
    void thePolicyChecksAnOrderWithItsTerms() {
        // 600,000 open of which 20,000 due 40 days before today: referred (over 30 days), 30 days agreed
        LocalDate today = LocalDate.of(2026, 11, 22);
        var owed = new Exposure(cny("600000.00"), cny("20000.00"), today.minusDays(40));
        var s = Situation.of(false, null, 3, cny("1000000.00"), owed, cny("300000.00"), today);
        assertEquals(40, s.maxDaysPastDue());
        var checked = CreditPolicy.DEFAULT.check(s, 30, true);
        assertEquals(Outcome.REFER, checked.decision().outcome());
        assertEquals(List.of("20000.00 CNY overdue, oldest 40 days past due"), checked.decision().reasons());
        assertEquals(cny("900000.00"), checked.decision().exposureAfter());
        assertEquals(new CreditPolicy.Terms(30, false, false), checked.terms());
    }

    @Test
    void anOrderMustBePositiveAndInTheLimitCurrency() {
        assertEquals("credit-check.amount-not-positive", assertThrows(DomainError.class,
                () -> CreditCheckRules.requireOrderAmount(cny("0.00"))).code());
        CreditCheckRules.requireOrderAmount(cny("0.01"));
        assertEquals("credit-check.currency-mismatch",
                CreditCheckRules.currencyMismatch(Money.of("10.00", "USD"), "CNY").code());
        assertNull(CreditCheckRules.currencyMismatch(cny("10.00"), "CNY"));
    }

    @Test
    void anOrderOfNothingInAnotherCurrencyNamesBothItsAmountAndItsCurrency() {
        DomainError both = CreditCheckRules.orderRefusal(Money.of("0.00", "USD"), "CNY");
        assertEquals("credit-check.order-invalid", both.code());
        assertEquals(List.of("orderAmount.amount", "orderAmount.currency"),
                both.violations().stream().map(v -> v.field()).toList());
        assertEquals("credit-check.amount-not-positive", CreditCheckRules.orderRefusal(cny("-1.00"), "CNY").code());
        assertEquals("credit-check.currency-mismatch",
                CreditCheckRules.orderRefusal(Money.of("10.00", "USD"), "CNY").code());
        assertNull(CreditCheckRules.orderRefusal(cny("0.01"), "CNY"));
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

    /**
     * Limit 1,000,000 CNY, nothing owed in CNY; USD 50,000 owed, 120 days overdue. How late the buyer pays does not
     * depend on the currency: 120 days declines. The dollars cannot be added to the CNY limit without an exchange
     * rate: they are named as a reason to refer. (It approved, with no reason about either.)
     */
    @Test
    void overdueInAnotherCurrencyCountsAndWhatIsOwedInItIsNamed() {
        List<Money> dollars = List.of(Money.of("50000.00", "USD"));
        LocalDate today = LocalDate.of(2026, 11, 22);
        var owed = new Exposure(cny("0.00"), cny("0.00"), today.minusDays(120), dollars,
                List.of(new Exposure.Overdue(Money.of("50000.00", "USD"), today.minusDays(120))));
        var d = CreditCheckRules.DEFAULT.decide(Situation.of(false, null, 3, cny("1000000.00"), owed,
                cny("10000.00"), today));
        assertEquals(Outcome.DECLINED, d.outcome());
        assertEquals(List.of("50000.00 USD overdue, oldest 120 days past due",
                "owes 50000.00 USD in another currency than the limit's (CNY): not weighed against it without an"
                        + " exchange rate"), d.reasons());
        // without the amounts per currency, the age alone is named
        assertEquals(List.of("overdue in another currency, oldest 120 days past due",
                "owes 50000.00 USD in another currency than the limit's (CNY): not weighed against it without an"
                        + " exchange rate"), CreditCheckRules.DEFAULT.decide(new Situation(false, null, 3,
                                cny("1000000.00"), cny("0.00"), cny("0.00"), 120, cny("10000.00"), dollars)).reasons());
        // 45 days overdue refers; only open, not overdue (and in two currencies), still refers
        assertEquals(List.of("overdue in another currency, oldest 45 days past due",
                "owes 50000.00 USD in another currency than the limit's (CNY): not weighed against it without an"
                        + " exchange rate"), CreditCheckRules.DEFAULT.decide(new Situation(false, null, 3,
                                cny("1000000.00"), cny("0.00"), cny("0.00"), 45, cny("10000.00"), dollars)).reasons());
        var open = CreditCheckRules.DEFAULT.decide(new Situation(false, null, 3, cny("1000000.00"), cny("0.00"),
                cny("0.00"), 0, cny("10000.00"), List.of(Money.of("300.00", "EUR"), Money.of("50000.00", "USD"))));
        assertEquals(Outcome.REFER, open.outcome());
        assertEquals(List.of("owes 300.00 EUR and 50000.00 USD in another currency than the limit's (CNY): not"
                + " weighed against it without an exchange rate"), open.reasons());
    }

    /** An invoice of {@code amount} in {@code currency} due on {@code due}, nothing of it paid. */
    static BuyerLedger.Position unpaid(String currency, String amount, LocalDate due) {
        java.math.BigDecimal a = new java.math.BigDecimal(amount);
        return new BuyerLedger.Position(currency, a, a, due, java.math.BigDecimal.ZERO, null, null);
    }

    /**
     * Limit 1,000,000 CNY: CNY 50,000 overdue 10 days, USD 20,000 overdue 120 days (and 5,000 USD not yet due). The
     * dollars' 120 days decline; the reason quotes each currency's amount with its own oldest invoice's age, the
     * deciding one first. It said "50000.00 CNY overdue, oldest 120 days past due": no CNY invoice was 120 days late.
     */
    @Test
    void eachOverdueAmountIsQuotedWithTheAgeOfItsOwnCurrency() {
        LocalDate today = LocalDate.of(2026, 11, 22);
        var ledger = new BuyerLedger(List.of(
                unpaid("CNY", "50000.00", today.minusDays(10)),
                unpaid("USD", "20000.00", today.minusDays(120)),
                unpaid("USD", "5000.00", today.plusDays(10))));
        var owed = ledger.exposure("CNY", today);
        assertEquals(List.of(new Exposure.Overdue(Money.of("20000.00", "USD"), today.minusDays(120)),
                new Exposure.Overdue(cny("50000.00"), today.minusDays(10))), owed.overdueByCurrency());
        var d = CreditCheckRules.DEFAULT.decide(Situation.of(false, null, 3, cny("1000000.00"), owed,
                cny("10000.00"), today));
        assertEquals(Outcome.DECLINED, d.outcome());
        assertEquals(List.of("20000.00 USD overdue, oldest 120 days past due; 50000.00 CNY overdue, oldest 10 days"
                + " past due", "owes 25000.00 USD in another currency than the limit's (CNY): not weighed against it"
                + " without an exchange rate"), d.reasons());
        // two overdue invoices of one currency: summed, aged by the older, whichever comes first
        for (var twoInCny : List.of(List.of(unpaid("CNY", "7000.00", today.minusDays(35)),
                unpaid("CNY", "3000.00", today.minusDays(95))), List.of(unpaid("CNY", "3000.00", today.minusDays(95)),
                        unpaid("CNY", "7000.00", today.minusDays(35))))) {
            assertEquals(List.of(new Exposure.Overdue(cny("10000.00"), today.minusDays(95))),
                    new BuyerLedger(twoInCny).exposure("CNY", today).overdueByCurrency());
        }
        // both at 40 days: one age, two amounts, in the order of the currency codes
        var same = new BuyerLedger(List.of(
                unpaid("USD", "3000.00", today.minusDays(40)),
                unpaid("CNY", "7000.00", today.minusDays(40))));
        assertEquals(List.of("7000.00 CNY overdue, oldest 40 days past due; 3000.00 USD overdue, oldest 40 days past"
                + " due", "owes 3000.00 USD in another currency than the limit's (CNY): not weighed against it without"
                + " an exchange rate"), CreditCheckRules.DEFAULT.decide(Situation.of(false, null, 3,
                        cny("1000000.00"), same.exposure("CNY", today), cny("10000.00"), today)).reasons());
    }

    @Test
    void declineListsEveryReasonDeclinesFirst() {
        // grade 8 refers, 95 days overdue declines: both reasons, the decline first
        var d = CreditCheckRules.DEFAULT.decide(buyer(8, "1000000.00", "100000.00", "50000.00", 95, "1000.00"));
        assertEquals(Outcome.DECLINED, d.outcome());
        assertEquals(List.of("50000.00 CNY overdue, oldest 95 days past due",
                "grade 8 needs a credit manager (from grade 7)"), d.reasons());
    }

    @Test
    void thresholdsThatCannotWorkAreNamedByTheirPath() {
        assertEquals(List.of(), CreditCheckRules.DEFAULT.violations("checks."));
        // 1 and 11 (never) are the edges of the grades; 0 overdue days means any overdue amount
        assertEquals(List.of(), new CreditCheckRules(1, 11, java.math.BigDecimal.ZERO, 0, 0).violations("checks."));
        assertEquals(List.of(), new CreditCheckRules(11, 1, java.math.BigDecimal.ZERO, 0, 0).violations("checks."));
        String grade = "must be a grade 1 to 10, or 11 for never";
        assertEquals(List.of(new io.tradecredit.common.domain.Violation("checks.referFromGrade", grade),
                new io.tradecredit.common.domain.Violation("checks.declineFromGrade", grade),
                new io.tradecredit.common.domain.Violation("checks.overLimitTolerance",
                        "must be a share of 0 or more (0.10 = 10%)"),
                new io.tradecredit.common.domain.Violation("checks.referOverdueDays", "must not be negative"),
                new io.tradecredit.common.domain.Violation("checks.declineOverdueDays", "must not be negative")),
                new CreditCheckRules(0, 12, new java.math.BigDecimal("-0.01"), -1, -1).violations("checks."));
        assertEquals(List.of(new io.tradecredit.common.domain.Violation("checks.referFromGrade", grade),
                new io.tradecredit.common.domain.Violation("checks.declineFromGrade", grade),
                new io.tradecredit.common.domain.Violation("checks.overLimitTolerance",
                        "must be a share of 0 or more (0.10 = 10%)")),
                new CreditCheckRules(12, 0, null, 0, 0).violations("checks."));
    }
}
