package io.tradecredit.collections.domain;

import static io.tradecredit.collections.domain.InsuranceCover.Outcome.APPROVED;
import static io.tradecredit.collections.domain.InsuranceCover.Outcome.CANCELLED;
import static io.tradecredit.collections.domain.InsuranceCover.Outcome.PARTLY_APPROVED;
import static io.tradecredit.collections.domain.InsuranceCover.Outcome.PENDING_INVESTIGATION;
import static io.tradecredit.collections.domain.InsuranceCover.Outcome.REFUSED;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.collections.domain.InsuranceCover.Decision;
import io.tradecredit.collections.domain.InsuranceCover.Outcome;
import io.tradecredit.common.money.Money;

/** Worked examples of a buyer's cover on a day (docs/collections-service.md, "Insured buyers"). */
class InsuranceCoverTest {
    static final UUID SINOSURE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID PICC = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static long seq;

    static Decision d(UUID policy, Outcome outcome, String amount, String from, String expires) {
        return new Decision(policy, outcome, amount == null ? null : Money.of(amount, "CNY"), LocalDate.parse(from),
                expires == null ? null : LocalDate.parse(expires), ++seq);
    }

    static boolean on(String day, Decision... decisions) {
        return new InsuranceCover(List.of(decisions)).insuredOn(LocalDate.parse(day));
    }

    @Test
    void aBuyerWithoutDecisionsIsNotInsured() {
        assertFalse(InsuranceCover.NONE.insuredOn(LocalDate.parse("2026-03-01")));
    }

    @Test
    void anApprovalInsuresFromItsEffectiveDateOn() {
        Decision approved = d(SINOSURE, APPROVED, "100000.00", "2026-03-01", null);
        assertFalse(on("2026-02-28", approved));
        assertTrue(on("2026-03-01", approved));
        assertTrue(on("2030-12-31", approved));
    }

    @Test
    void aGrantCoversUpToAndIncludingItsExpiryDate() {
        Decision partly = d(SINOSURE, PARTLY_APPROVED, "60000.00", "2026-03-01", "2026-05-31");
        assertTrue(on("2026-05-31", partly));
        assertFalse(on("2026-06-01", partly));
    }

    @Test
    void aCancellationEndsCoverFromItsDateAndAnEarlierGrantDoesNotComeBack() {
        Decision approved = d(SINOSURE, APPROVED, "100000.00", "2026-03-01", null);
        Decision cancelled = d(SINOSURE, CANCELLED, null, "2026-07-01", null);
        assertTrue(on("2026-06-30", approved, cancelled));
        assertFalse(on("2026-07-01", approved, cancelled));
        // a later grant that expires leaves the buyer uninsured, not back on the open-ended first one
        Decision shortLived = d(SINOSURE, PARTLY_APPROVED, "60000.00", "2026-06-01", "2026-06-30");
        assertTrue(on("2026-06-30", shortLived, approved));
        assertFalse(on("2026-07-01", approved, shortLived));
    }

    @Test
    void aRefusalOrAPendingInvestigationLeavesTheLimitInForce() {
        Decision approved = d(SINOSURE, APPROVED, "100000.00", "2026-03-01", null);
        assertTrue(on("2026-08-01", approved, d(SINOSURE, REFUSED, null, "2026-06-01", null),
                d(SINOSURE, PENDING_INVESTIGATION, null, "2026-07-01", null)));
        assertFalse(on("2026-08-01", d(SINOSURE, REFUSED, null, "2026-06-01", null)));
    }

    @Test
    void ofTwoDecisionsEffectiveTheSameDayTheOneRecordedLaterDecides() {
        Decision approved = d(SINOSURE, APPROVED, "100000.00", "2026-03-01", null);
        Decision correction = d(SINOSURE, CANCELLED, null, "2026-03-01", null);
        assertFalse(on("2026-03-02", correction, approved));
        Decision reinstated = d(SINOSURE, APPROVED, "80000.00", "2026-03-01", null);
        assertTrue(on("2026-03-02", reinstated, correction, approved));
    }

    @Test
    void aGrantOfNothingInsuresNothing() {
        assertFalse(on("2026-03-02", d(SINOSURE, APPROVED, "0.00", "2026-03-01", null)));
        assertFalse(on("2026-03-02", d(SINOSURE, APPROVED, null, "2026-03-01", null)));
    }

    @Test
    void theBuyerIsInsuredWhileAnyPolicyInsuresIt() {
        Decision sinosure = d(SINOSURE, APPROVED, "100000.00", "2026-03-01", null);
        Decision sinosureCancelled = d(SINOSURE, CANCELLED, null, "2026-05-01", null);
        Decision picc = d(PICC, APPROVED, "50000.00", "2026-04-01", "2026-06-30");
        assertTrue(on("2026-06-15", sinosure, sinosureCancelled, picc), "PICC's limit is in force");
        assertFalse(on("2026-07-01", sinosure, sinosureCancelled, picc), "neither policy insures any more");
        // one policy's cancellation does not end another's grant, whatever the order recorded
        assertTrue(on("2026-06-15", picc, sinosureCancelled, sinosure));
    }
}
