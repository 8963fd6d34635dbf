package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;
import io.tradecredit.credit.domain.InsuredLimitDecision.Outcome;

/**
 * The insured limit in force on a day, worked through a buyer's history of decisions: the examples of
 * insurance-claims-service's InsuredLimitTest (docs/insurance-claims-service.md, "Effective insured limit"),
 * so both services read the same history the same way.
 */
class InsuredLimitsTest {
    static final Currency CNY = Money.currencyOf("CNY");
    static final UUID POLICY = UUID.randomUUID();
    static long seq;

    static InsuredLimitDecision d(UUID policy, Outcome outcome, String amount, String from, String expires) {
        return new InsuredLimitDecision(policy, "D-" + (++seq), outcome, amount == null ? null : Money.of(amount, "CNY"),
                LocalDate.parse(from), expires == null ? null : LocalDate.parse(expires), seq);
    }

    static InsuredLimitDecision d(Outcome outcome, String amount, String from, String expires) {
        return d(POLICY, outcome, amount, from, expires);
    }

    static Money limitOn(String day, InsuredLimitDecision... decisions) {
        return new InsuredLimits(List.of(decisions)).on(LocalDate.parse(day), CNY);
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    @Test
    void noDecisionMeansNoInsuredLimitAndNothingKnown() {
        assertEquals(Money.zero("CNY"), InsuredLimits.NONE.on(LocalDate.of(2026, 1, 1), CNY));
        assertFalse(InsuredLimits.NONE.known());
        assertTrue(new InsuredLimits(List.of(d(Outcome.REFUSED, null, "2026-03-01", null))).known());
    }

    @Test
    void anApprovalInsuresFromItsEffectiveDateUpToAndIncludingItsExpiry() {
        InsuredLimitDecision approved = d(Outcome.APPROVED, "80000.00", "2026-03-01", "2026-12-31");
        assertEquals(Money.zero("CNY"), limitOn("2026-02-28", approved));
        assertEquals(cny("80000.00"), limitOn("2026-03-01", approved));
        assertEquals(cny("80000.00"), limitOn("2026-12-31", approved));
        assertEquals(Money.zero("CNY"), limitOn("2027-01-01", approved));
    }

    @Test
    void theLaterEffectiveDecisionDecidesWhateverTheOrderReceived() {
        // 100,000 from March open-ended; partly approved 60,000 from June (a reduction), received first
        InsuredLimitDecision june = d(Outcome.PARTLY_APPROVED, "60000.00", "2026-06-01", null);
        InsuredLimitDecision march = d(Outcome.APPROVED, "100000.00", "2026-03-01", null);
        assertEquals(cny("100000.00"), limitOn("2026-05-31", june, march));
        assertEquals(cny("60000.00"), limitOn("2026-06-01", june, march));
        assertEquals(cny("60000.00"), limitOn("2030-01-01", march, june));
    }

    @Test
    void aCorrectionOnTheSameDayWinsBecauseItWasReceivedLater() {
        InsuredLimitDecision first = d(Outcome.APPROVED, "50000.00", "2026-03-01", null);
        InsuredLimitDecision corrected = d(Outcome.APPROVED, "45000.00", "2026-03-01", null);
        assertEquals(cny("45000.00"), limitOn("2026-03-01", corrected, first));
        assertEquals(cny("45000.00"), limitOn("2026-03-01", first, corrected));
    }

    @Test
    void refusalAndPendingInvestigationLeaveTheLimitInForce() {
        InsuredLimitDecision approved = d(Outcome.APPROVED, "80000.00", "2026-03-01", null);
        InsuredLimitDecision refused = d(Outcome.REFUSED, null, "2026-04-01", null);
        InsuredLimitDecision pending = d(Outcome.PENDING_INVESTIGATION, null, "2026-05-01", null);
        assertEquals(cny("80000.00"), limitOn("2026-06-01", approved, refused, pending));
        assertEquals(Money.zero("CNY"), limitOn("2026-06-01", refused, pending));
    }

    @Test
    void aCancellationEndsTheLimitAndAnEarlierGrantDoesNotComeBack() {
        // 80,000 from 1 March, cancelled from 15 August; a new grant of 30,000 for October alone
        InsuredLimitDecision march = d(Outcome.APPROVED, "80000.00", "2026-03-01", null);
        InsuredLimitDecision cancelled = d(Outcome.CANCELLED, null, "2026-08-15", null);
        InsuredLimitDecision october = d(Outcome.APPROVED, "30000.00", "2026-10-01", "2026-10-31");
        assertEquals(cny("80000.00"), limitOn("2026-08-14", march, cancelled, october));
        assertEquals(Money.zero("CNY"), limitOn("2026-08-15", march, cancelled, october));
        assertEquals(cny("30000.00"), limitOn("2026-10-31", march, cancelled, october));
        assertEquals(Money.zero("CNY"), limitOn("2026-11-01", march, cancelled, october));
    }

    @Test
    void underTwoPoliciesTheHigherLimitCountsAndALimitInAnotherCurrencyNone() {
        InsuredLimitDecision mine = d(Outcome.APPROVED, "80000.00", "2026-03-01", null);
        InsuredLimitDecision other = d(UUID.randomUUID(), Outcome.APPROVED, "120000.00", "2026-04-01", null);
        assertEquals(cny("80000.00"), limitOn("2026-03-31", mine, other));
        assertEquals(cny("120000.00"), limitOn("2026-04-01", mine, other));
        assertEquals(cny("120000.00"), limitOn("2026-04-01", other, mine));
        InsuredLimitDecision euros = new InsuredLimitDecision(UUID.randomUUID(), "EU-1", Outcome.APPROVED,
                Money.of("500000.00", "EUR"), LocalDate.parse("2026-03-01"), null, ++seq);
        assertEquals(cny("80000.00"), limitOn("2026-04-01", mine, euros));
        assertEquals(Money.zero("EUR"), new InsuredLimits(List.of(mine)).on(LocalDate.parse("2026-04-01"),
                Money.currencyOf("EUR")));
    }

    @Test
    void theHistoryIsACopy() {
        List<InsuredLimitDecision> list = new ArrayList<>(List.of(d(Outcome.APPROVED, "1.00", "2026-03-01", null)));
        InsuredLimits limits = new InsuredLimits(list);
        list.clear();
        assertTrue(limits.known());
        assertThrows(UnsupportedOperationException.class, () -> limits.decisions().clear());
    }
}
