package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.claims.domain.LimitSchedule.PolicyDecisions;
import io.tradecredit.claims.domain.LimitDecision.Outcome;
import io.tradecredit.common.insurance.InsuredLimitSchedule;
import io.tradecredit.common.insurance.InsuredLimitSchedule.Period;
import io.tradecredit.common.money.Money;

/** A buyer's effective insured-limit schedule, worked through histories of decisions under one and two policies. */
class LimitScheduleTest {
    static final Currency CNY = Money.currencyOf("CNY");
    static final Currency EUR = Money.currencyOf("EUR");
    static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID BUYER = UUID.randomUUID();
    static long seq;

    static LimitDecision d(Outcome outcome, String amount, String from, String expires) {
        return d("CNY", outcome, amount, from, expires);
    }

    static LimitDecision d(String currency, Outcome outcome, String amount, String from, String expires) {
        return LimitDecision.of(currency, "D-" + (++seq), BUYER, outcome, amount == null ? null
                : Money.of(amount, currency), LocalDate.parse(from), expires == null ? null : LocalDate.parse(expires),
                null, LimitDecision.Source.INSURER, OffsetDateTime.now(), "insurer").recordedAs(seq);
    }

    static InsuredLimitSchedule one(LimitDecision... decisions) {
        return LimitSchedule.of(List.of(new PolicyDecisions(A, CNY, List.of(decisions))));
    }

    static Period p(String from, String until, String amount, UUID policy) {
        return p(from, until, amount, "CNY", policy);
    }

    static Period p(String from, String until, String amount, String currency, UUID policy) {
        return new Period(LocalDate.parse(from), until == null ? null : LocalDate.parse(until), Money.of(amount, currency),
                policy);
    }

    @Test
    void noDecisionsNoPeriods() {
        assertEquals(InsuredLimitSchedule.NONE, LimitSchedule.of(List.of()));
        assertEquals(List.of(), one().periods());
        assertEquals(Money.zero(CNY), InsuredLimitSchedule.NONE.on(LocalDate.of(2026, 6, 1), CNY));
    }

    @Test
    void aReductionFromJuneEndsTheFirstPeriodOnTheLastDayOfMayWhateverTheRecordingOrder() {
        LimitDecision partly = d(Outcome.PARTLY_APPROVED, "60000.00", "2026-06-01", null);
        LimitDecision approved = d(Outcome.APPROVED, "100000.00", "2026-03-01", null);
        List<Period> expected = List.of(p("2026-03-01", "2026-05-31", "100000.00", A),
                p("2026-06-01", null, "60000.00", A));
        assertEquals(expected, one(partly, approved).periods());
        assertEquals(expected, one(approved, partly).periods());
        InsuredLimitSchedule s = one(approved, partly);
        assertEquals(Money.zero(CNY), s.on(LocalDate.of(2026, 2, 28), CNY));
        assertEquals(Money.of("100000.00", "CNY"), s.on(LocalDate.of(2026, 3, 1), CNY));
        assertEquals(Money.of("100000.00", "CNY"), s.on(LocalDate.of(2026, 5, 31), CNY));
        assertEquals(Money.of("60000.00", "CNY"), s.on(LocalDate.of(2026, 6, 1), CNY));
        assertEquals(Money.of("60000.00", "CNY"), s.on(LocalDate.of(2030, 1, 1), CNY));
        assertEquals(Money.zero(EUR), s.on(LocalDate.of(2026, 6, 1), EUR), "another currency is not insured");
    }

    @Test
    void anIncreaseFromJulyOpensAHigherPeriod() {
        assertEquals(List.of(p("2026-03-01", "2026-06-30", "50000.00", A), p("2026-07-01", null, "90000.00", A)),
                one(d(Outcome.APPROVED, "50000.00", "2026-03-01", null),
                        d(Outcome.APPROVED, "90000.00", "2026-07-01", null)).periods());
    }

    @Test
    void aGrantExpiringAtTheEndOfSeptemberEndsItsPeriodThatDay() {
        InsuredLimitSchedule s = one(d(Outcome.APPROVED, "80000.00", "2026-03-01", "2026-09-30"));
        assertEquals(List.of(p("2026-03-01", "2026-09-30", "80000.00", A)), s.periods());
        assertEquals(Money.of("80000.00", "CNY"), s.on(LocalDate.of(2026, 9, 30), CNY));
        assertEquals(Money.zero(CNY), s.on(LocalDate.of(2026, 10, 1), CNY));
    }

    @Test
    void aCancellationFromMidAugustEndsCoverAndAGrantForOctoberAloneIsItsOwnPeriod() {
        assertEquals(List.of(p("2026-03-01", "2026-08-14", "80000.00", A), p("2026-10-01", "2026-10-31", "30000.00", A)),
                one(d(Outcome.APPROVED, "80000.00", "2026-03-01", null),
                        d(Outcome.CANCELLED, null, "2026-08-15", null),
                        d(Outcome.APPROVED, "30000.00", "2026-10-01", "2026-10-31")).periods());
    }

    @Test
    void aSameDayCorrectionRecordedLaterReplacesTheFirstAmount() {
        assertEquals(List.of(p("2026-03-01", null, "40000.00", A)),
                one(d(Outcome.APPROVED, "50000.00", "2026-03-01", null),
                        d(Outcome.PARTLY_APPROVED, "40000.00", "2026-03-01", null)).periods());
    }

    @Test
    void refusalsAndPendingInvestigationsLeaveThePeriodWhole() {
        assertEquals(List.of(p("2026-03-01", null, "70000.00", A)),
                one(d(Outcome.APPROVED, "70000.00", "2026-03-01", null),
                        d(Outcome.REFUSED, null, "2026-05-01", null),
                        d(Outcome.PENDING_INVESTIGATION, null, "2026-06-01", null)).periods());
    }

    @Test
    void aFutureDatedGrantIsAPeriodStartingOnItsDay() {
        InsuredLimitSchedule s = one(d(Outcome.APPROVED, "70000.00", "2027-01-01", null));
        assertEquals(List.of(p("2027-01-01", null, "70000.00", A)), s.periods());
        assertEquals(Money.zero(CNY), s.on(LocalDate.of(2026, 12, 31), CNY));
    }

    @Test
    void aGrantReplacedByAnExpiringOneDoesNotComeBackAfterTheExpiry() {
        // 100,000 open-ended from March, then 60,000 from June to August: nothing from September
        assertEquals(List.of(p("2026-03-01", "2026-05-31", "100000.00", A), p("2026-06-01", "2026-08-31", "60000.00", A)),
                one(d(Outcome.APPROVED, "100000.00", "2026-03-01", null),
                        d(Outcome.PARTLY_APPROVED, "60000.00", "2026-06-01", "2026-08-31")).periods());
    }

    @Test
    void underTwoPoliciesTheHighestLimitIsInForce() {
        // A: 100,000 March to June; B: 60,000 from April, raised to 120,000 from May
        PolicyDecisions a = new PolicyDecisions(A, CNY, List.of(d(Outcome.APPROVED, "100000.00", "2026-03-01", "2026-06-30")));
        PolicyDecisions b = new PolicyDecisions(B, CNY, List.of(d(Outcome.APPROVED, "60000.00", "2026-04-01", null)));
        assertEquals(List.of(p("2026-03-01", "2026-06-30", "100000.00", A), p("2026-07-01", null, "60000.00", B)),
                LimitSchedule.of(List.of(a, b)).periods());
        PolicyDecisions raised = new PolicyDecisions(B, CNY, List.of(d(Outcome.APPROVED, "60000.00", "2026-04-01", null),
                d(Outcome.APPROVED, "120000.00", "2026-05-01", null)));
        assertEquals(List.of(p("2026-03-01", "2026-04-30", "100000.00", A), p("2026-05-01", null, "120000.00", B)),
                LimitSchedule.of(List.of(raised, a)).periods());
    }

    @Test
    void twoEqualLimitsAreNamedByTheSmallerPolicyIdInEitherOrder() {
        PolicyDecisions a = new PolicyDecisions(A, CNY, List.of(d(Outcome.APPROVED, "50000.00", "2026-03-01", "2026-08-31")));
        PolicyDecisions b = new PolicyDecisions(B, CNY, List.of(d(Outcome.APPROVED, "50000.00", "2026-03-01", null)));
        List<Period> expected = List.of(p("2026-03-01", "2026-08-31", "50000.00", A), p("2026-09-01", null, "50000.00", B));
        assertEquals(expected, LimitSchedule.of(List.of(a, b)).periods());
        assertEquals(expected, LimitSchedule.of(List.of(b, a)).periods());
    }

    @Test
    void policiesInTwoCurrenciesHaveTheirOwnPeriods() {
        PolicyDecisions cny = new PolicyDecisions(A, CNY, List.of(d(Outcome.APPROVED, "500000.00", "2026-04-01", null)));
        PolicyDecisions eur = new PolicyDecisions(B, EUR,
                List.of(d("EUR", Outcome.APPROVED, "60000.00", "2026-03-01", "2026-05-31")));
        InsuredLimitSchedule s = LimitSchedule.of(new ArrayList<>(List.of(cny, eur)));
        assertEquals(List.of(p("2026-03-01", "2026-05-31", "60000.00", "EUR", B), p("2026-04-01", null, "500000.00", A)),
                s.periods());
        assertEquals(Money.of("60000.00", "EUR"), s.on(LocalDate.of(2026, 4, 1), EUR));
        assertEquals(Money.of("500000.00", "CNY"), s.on(LocalDate.of(2026, 4, 1), CNY));
        assertTrue(s.on(LocalDate.of(2026, 6, 1), EUR).isZero());
    }

    @Test
    void twoPeriodsStartingTheSameDayAreListedByCurrency() {
        PolicyDecisions cny = new PolicyDecisions(A, CNY, List.of(d(Outcome.APPROVED, "500000.00", "2026-04-01", null)));
        PolicyDecisions eur = new PolicyDecisions(B, EUR, List.of(d("EUR", Outcome.APPROVED, "60000.00", "2026-04-01", null)));
        List<Period> expected = List.of(p("2026-04-01", null, "500000.00", A), p("2026-04-01", null, "60000.00", "EUR", B));
        assertEquals(expected, LimitSchedule.of(List.of(eur, cny)).periods());
        assertEquals(expected, LimitSchedule.of(List.of(cny, eur)).periods());
    }

    @Test
    void aPeriodStillOpenIsListedBeforeALaterOneThatEnded() {
        // CNY from 1 February, open; EUR from 1 March to 31 May: listed by their first day
        PolicyDecisions cny = new PolicyDecisions(A, CNY, List.of(d(Outcome.APPROVED, "500000.00", "2026-02-01", null)));
        PolicyDecisions eur = new PolicyDecisions(B, EUR,
                List.of(d("EUR", Outcome.APPROVED, "60000.00", "2026-03-01", "2026-05-31")));
        assertEquals(List.of(p("2026-02-01", null, "500000.00", A), p("2026-03-01", "2026-05-31", "60000.00", "EUR", B)),
                LimitSchedule.of(List.of(cny, eur)).periods());
    }
}
