package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.claims.domain.LimitDecision.Outcome;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/** The effective insured limit, worked through a buyer's history of decisions. */
class InsuredLimitTest {
    static final Currency CNY = Money.currencyOf("CNY");
    static final UUID BUYER = UUID.randomUUID();
    static long seq;

    static LimitDecision d(Outcome outcome, String amount, String from, String expires) {
        return LimitDecision.of("CNY", "D-" + (++seq), BUYER, outcome, amount == null ? null : Money.of(amount, "CNY"),
                LocalDate.parse(from), expires == null ? null : LocalDate.parse(expires), null, LimitDecision.Source.TENANT,
                OffsetDateTime.now(), "cm").recordedAs(seq);
    }

    static Money limitOn(String day, LimitDecision... decisions) {
        return InsuredLimit.on(LocalDate.parse(day), List.of(decisions), CNY).amount();
    }

    @Test
    void noDecisionMeansNoInsuredLimit() {
        InsuredLimit none = InsuredLimit.on(LocalDate.of(2026, 1, 1), List.of(), CNY);
        assertEquals(Money.zero("CNY"), none.amount());
        assertFalse(none.insured());
        assertTrue(none.basis().isEmpty());
    }

    @Test
    void anApprovalInsuresFromItsEffectiveDateUpToAndIncludingItsExpiry() {
        LimitDecision approved = d(Outcome.APPROVED, "80000.00", "2026-03-01", "2026-12-31");
        assertEquals(Money.zero("CNY"), limitOn("2026-02-28", approved));
        assertEquals(Money.of("80000.00", "CNY"), limitOn("2026-03-01", approved));
        assertEquals(Money.of("80000.00", "CNY"), limitOn("2026-12-31", approved));
        assertEquals(Money.zero("CNY"), limitOn("2027-01-01", approved));
        InsuredLimit expired = InsuredLimit.on(LocalDate.of(2027, 1, 1), List.of(approved), CNY);
        assertEquals(approved, expired.basis().orElseThrow(), "the expired grant is still the basis");
        assertFalse(expired.insured());
        assertTrue(InsuredLimit.on(LocalDate.of(2026, 3, 1), List.of(approved), CNY).insured());
    }

    @Test
    void overlappingDecisionsTheLaterEffectiveOneDecidesWhateverTheRecordingOrder() {
        // 100,000 from March open-ended; partly approved 60,000 from June (a reduction); entered in reverse order
        LimitDecision june = d(Outcome.PARTLY_APPROVED, "60000.00", "2026-06-01", null);
        LimitDecision march = d(Outcome.APPROVED, "100000.00", "2026-03-01", null);
        assertEquals(Money.of("100000.00", "CNY"), limitOn("2026-05-31", june, march));
        assertEquals(Money.of("60000.00", "CNY"), limitOn("2026-06-01", june, march));
        assertEquals(Money.of("60000.00", "CNY"), limitOn("2030-01-01", march, june));
    }

    @Test
    void aCorrectionOnTheSameDayWinsBecauseItWasRecordedLater() {
        LimitDecision first = d(Outcome.APPROVED, "50000.00", "2026-03-01", null);
        LimitDecision corrected = d(Outcome.APPROVED, "45000.00", "2026-03-01", null);
        assertEquals(Money.of("45000.00", "CNY"), limitOn("2026-03-01", corrected, first));
    }

    @Test
    void refusalAndPendingInvestigationLeaveTheLimitInForce() {
        LimitDecision approved = d(Outcome.APPROVED, "80000.00", "2026-03-01", null);
        LimitDecision refusedIncrease = d(Outcome.REFUSED, null, "2026-04-01", null);
        LimitDecision pending = d(Outcome.PENDING_INVESTIGATION, null, "2026-05-01", null);
        InsuredLimit l = InsuredLimit.on(LocalDate.of(2026, 6, 1), List.of(approved, refusedIncrease, pending), CNY);
        assertEquals(Money.of("80000.00", "CNY"), l.amount());
        assertEquals(approved, l.basis().orElseThrow());
        assertEquals(Money.zero("CNY"), limitOn("2026-06-01", refusedIncrease, pending));
    }

    @Test
    void aCancellationEndsCoverFromItsDateAndAnEarlierGrantDoesNotComeBack() {
        LimitDecision approved = d(Outcome.APPROVED, "80000.00", "2026-03-01", null);
        LimitDecision cancelled = d(Outcome.CANCELLED, null, "2026-08-15", null);
        assertEquals(Money.of("80000.00", "CNY"), limitOn("2026-08-14", approved, cancelled));
        assertEquals(Money.zero("CNY"), limitOn("2026-08-15", approved, cancelled));
        LimitDecision again = d(Outcome.APPROVED, "30000.00", "2026-10-01", "2026-10-31");
        assertEquals(Money.of("30000.00", "CNY"), limitOn("2026-10-01", approved, cancelled, again));
        assertEquals(Money.zero("CNY"), limitOn("2026-11-01", approved, cancelled, again), "the March grant stays replaced");
    }

    @Test
    void aDecisionIsRefusedNamingEveryWrongField() {
        DomainError e = assertThrows(DomainError.class, () -> LimitDecision.of("CNY", " ", null, Outcome.APPROVED,
                Money.of("-1.00", "CNY"), null, null, null, LimitDecision.Source.INSURER, OffsetDateTime.now(), "x"));
        assertEquals("limit-decision.invalid", e.code());
        assertEquals(List.of("decisionId", "buyerId", "amount", "effectiveFrom"),
                e.violations().stream().map(Violation::field).toList());
        assertEquals(List.of("outcome"), fields(() -> LimitDecision.of("CNY", "D", BUYER, null, null,
                LocalDate.of(2026, 1, 1), null, null, LimitDecision.Source.TENANT, OffsetDateTime.now(), "x")));
        assertEquals(List.of("amount.currency", "expiresOn"), fields(() -> LimitDecision.of("CNY", "D", BUYER,
                Outcome.PARTLY_APPROVED, Money.of("5.00", "EUR"), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 31), null,
                LimitDecision.Source.TENANT, OffsetDateTime.now(), "x")));
        assertEquals(List.of("amount"), fields(() -> LimitDecision.of("CNY", "D", BUYER, Outcome.REFUSED,
                Money.of("5.00", "CNY"), LocalDate.of(2026, 2, 1), null, null, LimitDecision.Source.TENANT, OffsetDateTime.now(), "x")));
        assertEquals(List.of("decisionId"), fields(() -> LimitDecision.of("CNY", "x".repeat(101), BUYER, Outcome.CANCELLED,
                null, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1), null, LimitDecision.Source.TENANT, OffsetDateTime.now(), "x")));
        assertEquals(100, LimitDecision.of("CNY", "x".repeat(100), BUYER, Outcome.CANCELLED, null, LocalDate.of(2026, 2, 1),
                null, null, LimitDecision.Source.TENANT, OffsetDateTime.now(), "x").decisionId().length());
        assertEquals("D-9", LimitDecision.of("CNY", " D-9 ", BUYER, Outcome.APPROVED, Money.of("1.00", "CNY"),
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1), null, LimitDecision.Source.TENANT, OffsetDateTime.now(), "x")
                .decisionId());
    }

    @Test
    void aRequestAsksForAnAmountInThePolicyCurrencyExceptACancellation() {
        UUID policy = UUID.randomUUID();
        LimitRequest r = LimitRequest.of(policy, "CNY", BUYER, LimitRequest.Kind.INCREASE, Money.of("90000.00", "CNY"),
                "new orders", OffsetDateTime.now(), "cm");
        assertEquals(Money.of("90000.00", "CNY"), r.amount());
        assertEquals(policy, r.policyId());
        assertEquals(LimitRequest.Kind.CANCEL, LimitRequest.of(policy, "CNY", BUYER, LimitRequest.Kind.CANCEL, null, null,
                OffsetDateTime.now(), "cm").kind());
        assertEquals(List.of("buyerId", "kind", "note"), fields(() -> LimitRequest.of(policy, "CNY", null, null, null,
                "n".repeat(2001), OffsetDateTime.now(), "cm")));
        assertEquals(2000, LimitRequest.of(policy, "CNY", BUYER, LimitRequest.Kind.CANCEL, null, "n".repeat(2000),
                OffsetDateTime.now(), "cm").note().length());
        assertEquals(List.of("amount"), fields(() -> LimitRequest.of(policy, "CNY", BUYER, LimitRequest.Kind.CANCEL,
                Money.of("1.00", "CNY"), null, OffsetDateTime.now(), "cm")));
        assertEquals(List.of("amount"), fields(() -> LimitRequest.of(policy, "CNY", BUYER, LimitRequest.Kind.NEW,
                Money.zero("CNY"), null, OffsetDateTime.now(), "cm")));
        assertEquals(List.of("amount.currency"), fields(() -> LimitRequest.of(policy, "CNY", BUYER, LimitRequest.Kind.REDUCE,
                Money.of("1.00", "USD"), null, OffsetDateTime.now(), "cm")));
    }

    static LimitRequest ask(LimitRequest.Kind kind, String amount) {
        return LimitRequest.of(UUID.randomUUID(), "CNY", BUYER, kind, amount == null ? null : Money.of(amount, "CNY"), null,
                OffsetDateTime.now(), "cm");
    }

    /**
     * Under 80,000 insured today an INCREASE asks for more (100,000; not 80,000 nor 60,000) and a REDUCE for less
     * (50,000; not 80,000 nor 120,000), else the amount is named; with nothing insured neither is asked (kind named: a
     * NEW limit is); a NEW request and a CANCEL are not judged against the limit.
     */
    @Test
    void anIncreaseAsksForMoreThanTheLimitInForceAndAReductionForLess() {
        InsuredLimit eighty = InsuredLimit.on(LocalDate.of(2026, 6, 1),
                List.of(d(Outcome.APPROVED, "80000.00", "2026-03-01", null)), CNY);
        InsuredLimit none = InsuredLimit.on(LocalDate.of(2026, 6, 1), List.of(), CNY);
        LimitRequest more = ask(LimitRequest.Kind.INCREASE, "100000.00");
        assertEquals(more, more.against(eighty));
        LimitRequest less = ask(LimitRequest.Kind.REDUCE, "50000.00");
        assertEquals(less, less.against(eighty));
        assertEquals(List.of("amount"), fields(() -> ask(LimitRequest.Kind.INCREASE, "80000.00").against(eighty)));
        assertEquals(List.of("amount"), fields(() -> ask(LimitRequest.Kind.INCREASE, "60000.00").against(eighty)));
        assertEquals(List.of("amount"), fields(() -> ask(LimitRequest.Kind.REDUCE, "80000.00").against(eighty)));
        assertEquals(List.of("amount"), fields(() -> ask(LimitRequest.Kind.REDUCE, "120000.00").against(eighty)));
        assertEquals(List.of("kind"), fields(() -> ask(LimitRequest.Kind.INCREASE, "100000.00").against(none)));
        assertEquals(List.of("kind"), fields(() -> ask(LimitRequest.Kind.REDUCE, "50000.00").against(none)));
        DomainError noReduction = assertThrows(DomainError.class,
                () -> ask(LimitRequest.Kind.REDUCE, "50000.00").against(none));
        assertEquals("limit-request.invalid", noReduction.code());
        assertEquals(List.of(new Violation("kind", "nothing is insured today for a reduction: ask for a NEW limit")),
                noReduction.violations());
        assertEquals(List.of(new Violation("amount", "an increase asks for more than the 80000.00 insured today")),
                assertThrows(DomainError.class, () -> ask(LimitRequest.Kind.INCREASE, "60000.00").against(eighty))
                        .violations());
        assertEquals(LimitRequest.Kind.NEW, ask(LimitRequest.Kind.NEW, "90000.00").against(eighty).kind());
        assertEquals(LimitRequest.Kind.NEW, ask(LimitRequest.Kind.NEW, "90000.00").against(none).kind());
        assertEquals(LimitRequest.Kind.CANCEL, ask(LimitRequest.Kind.CANCEL, null).against(none).kind());
        assertEquals(LimitRequest.Kind.CANCEL, ask(LimitRequest.Kind.CANCEL, null).against(eighty).kind());
    }

    @Test
    void aDecisionAnswersItsBuyersRequestAndAPartialApprovalInsuresLessThanAsked() {
        UUID policy = UUID.randomUUID();
        LimitRequest asked = LimitRequest.of(policy, "CNY", BUYER, LimitRequest.Kind.NEW, Money.of("100000.00", "CNY"),
                null, OffsetDateTime.now(), "cm");
        LimitDecision partly = d(Outcome.PARTLY_APPROVED, "80000.00", "2026-03-01", null);
        assertEquals(partly, partly.answering(asked));
        // 120,000 "partly approved" of 100,000 asked would insure 20,000 nobody granted; 100,000 is all of it
        assertEquals(List.of("amount"), fields(() -> d(Outcome.PARTLY_APPROVED, "120000.00", "2026-03-01", null)
                .answering(asked)));
        assertEquals(List.of("amount"), fields(() -> d(Outcome.PARTLY_APPROVED, "100000.00", "2026-03-01", null)
                .answering(asked)));
        LimitDecision partlyJustBelow = d(Outcome.PARTLY_APPROVED, "99999.99", "2026-03-01", null);
        assertEquals(partlyJustBelow, partlyJustBelow.answering(asked));
        LimitDecision all = d(Outcome.APPROVED, "100000.00", "2026-03-01", null);
        assertEquals(all, all.answering(asked));
        // APPROVED 60,000 of 100,000 asked is a partial approval: the outcome is named
        assertEquals(List.of(new Violation("outcome", "an approval of less than the 100000.00 requested is PARTLY_APPROVED")),
                assertThrows(DomainError.class, () -> d(Outcome.APPROVED, "60000.00", "2026-03-01", null)
                        .answering(asked)).violations());
        assertEquals(List.of("outcome"), fields(() -> d(Outcome.APPROVED, "99999.99", "2026-03-01", null).answering(asked)));
        LimitRequest cancel = LimitRequest.of(policy, "CNY", BUYER, LimitRequest.Kind.CANCEL, null, null,
                OffsetDateTime.now(), "cm");
        // a request to cancel the cover is not answered by a grant: it would set the limit the tenant asked to end
        assertEquals(List.of("outcome"), fields(() -> d(Outcome.PARTLY_APPROVED, "10000.00", "2026-03-01", null)
                .answering(cancel)));
        assertEquals(List.of("outcome"), fields(() -> d(Outcome.APPROVED, "80000.00", "2026-03-01", null)
                .answering(cancel)));
        for (Outcome answer : List.of(Outcome.CANCELLED, Outcome.REFUSED, Outcome.PENDING_INVESTIGATION)) {
            LimitDecision fits = d(answer, null, "2026-03-01", null);
            assertEquals(fits, fits.answering(cancel));
        }
        LimitRequest another = LimitRequest.of(policy, "CNY", UUID.randomUUID(), LimitRequest.Kind.NEW,
                Money.of("100000.00", "CNY"), null, OffsetDateTime.now(), "cm");
        DomainError e = assertThrows(DomainError.class, () -> d(Outcome.PARTLY_APPROVED, "120000.00", "2026-03-01", null)
                .answering(another));
        assertEquals("limit-decision.invalid", e.code());
        assertEquals(List.of("buyerId", "amount"), e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void aDecisionRecordedBeforeAnswersARepeatButNotAnotherDecisionUnderItsReference() {
        LimitDecision first = LimitDecision.of("CNY", "ATR-778", BUYER, Outcome.APPROVED, Money.of("80000.00", "CNY"),
                LocalDate.of(2026, 3, 1), null, null, LimitDecision.Source.TENANT, OffsetDateTime.now(), "cm").recordedAs(7);
        // the insurer's system sends what the tenant entered: a repeat, answered with the first
        LimitDecision again = LimitDecision.of("CNY", "ATR-778", BUYER, Outcome.APPROVED, Money.of("80000", "CNY"),
                LocalDate.of(2026, 3, 1), null, null, LimitDecision.Source.INSURER, OffsetDateTime.now(), "insurer");
        assertEquals(first, again.repeatedBy(first));
        // 80,000 entered again as 60,000 from April under the same reference: not a repeat, and not recorded
        LimitDecision corrected = LimitDecision.of("CNY", "ATR-778", BUYER, Outcome.PARTLY_APPROVED,
                Money.of("60000.00", "CNY"), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 12, 31), null,
                LimitDecision.Source.TENANT, OffsetDateTime.now(), "cm");
        DomainError e = assertThrows(DomainError.class, () -> corrected.repeatedBy(first));
        assertEquals("limit-decision.id-taken", e.code());
        assertEquals(DomainError.Kind.CONFLICT, e.kind());
        assertEquals(List.of("decisionId", "outcome", "amount", "effectiveFrom", "expiresOn"),
                e.violations().stream().map(Violation::field).toList());
        LimitDecision otherBuyer = LimitDecision.of("CNY", "ATR-778", UUID.randomUUID(), Outcome.CANCELLED, null,
                LocalDate.of(2026, 3, 1), null, UUID.randomUUID(), LimitDecision.Source.INSURER, OffsetDateTime.now(),
                "insurer");
        assertEquals(List.of("decisionId", "buyerId", "outcome", "amount", "requestId"), fields(() -> otherBuyer
                .repeatedBy(first)));
    }

    static List<String> fields(Runnable r) {
        return assertThrows(DomainError.class, r::run).violations().stream().map(Violation::field).toList();
    }
}
