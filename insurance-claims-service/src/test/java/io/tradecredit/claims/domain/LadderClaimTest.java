package io.tradecredit.claims.domain;

import static io.tradecredit.claims.domain.InsuredExposureTest.cny;
import static io.tradecredit.claims.domain.InsuredExposureTest.decision;
import static io.tradecredit.claims.domain.InsuredExposureTest.invoice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.claims.domain.LimitDecision.Outcome;

/**
 * The ladder's claim trigger on 2026-06-01, a limit of 80,000 from 1 January. Open (each due 60 days after
 * issue): INV-1 30,000 (issued 1 February, due 2 April), INV-2 40,000 (1 March, due 30 April), INV-3 30,000
 * (2 April, due 1 June: the run date, not yet overdue); insured oldest first 30,000 + 40,000 + 10,000.
 */
class LadderClaimTest {
    static final LocalDate RUN = LocalDate.parse("2026-06-01");

    static InsuredExposure exposure() {
        return InsuredExposure.on(RUN, List.of(invoice("INV-3", "2026-04-02", "30000.00"),
                invoice("INV-1", "2026-02-01", "30000.00"), invoice("INV-2", "2026-03-01", "40000.00")),
                List.of(decision(1, Outcome.APPROVED, "80000.00", "2026-01-01")), java.util.Currency.getInstance("CNY"));
    }

    @Test
    void theClaimAsksForEachInvoiceDeliveredUnderCoverAndOverdueOnTheRunDateOldestFirst() {
        List<ClaimedInvoice> claimed = LadderClaim.on(RUN, exposure(), ProtractedDefault.Held.NOTHING).orElseThrow();
        assertEquals(List.of("INV-1", "INV-2"), claimed.stream().map(ClaimedInvoice::invoiceNumber).toList());
        assertEquals(List.of(cny("30000.00"), cny("40000.00")), claimed.stream().map(ClaimedInvoice::unpaidAmount).toList());
    }

    @Test
    void theDayAfterTheLastDueDateItIsOverdueToo() {
        List<ClaimedInvoice> claimed = LadderClaim.on(RUN.plusDays(1), exposure(), ProtractedDefault.Held.NOTHING)
                .orElseThrow();
        assertEquals(List.of("INV-1", "INV-2", "INV-3"), claimed.stream().map(ClaimedInvoice::invoiceNumber).toList());
        assertEquals(cny("30000.00"), claimed.get(2).unpaidAmount(), "INV-3 whole: the limit caps the loss, not the invoice");
    }

    @Test
    void anInvoiceAnotherOpenClaimHoldsIsNotClaimedTwiceAndNothingOverdueMeansNoClaim() {
        InsuredExposure x = exposure();
        UUID first = x.lines().get(0).invoice().invoiceId();
        List<ClaimedInvoice> claimed = LadderClaim.on(RUN, x,
                new ProtractedDefault.Held(false, Set.of(first), Set.of())).orElseThrow();
        assertEquals(List.of("INV-2"), claimed.stream().map(ClaimedInvoice::invoiceNumber).toList());
        assertTrue(LadderClaim.on(RUN, x, new ProtractedDefault.Held(false, Set.of(first), Set.of("INV-2")))
                .isEmpty(), "both overdue invoices held (one by its number)");
        assertTrue(LadderClaim.on(LocalDate.parse("2026-04-02"), x, ProtractedDefault.Held.NOTHING).isEmpty(),
                "on INV-1's due date nothing is overdue yet");
    }

    @Test
    void aBuyerWithAnOpenClaimUnderThePolicyGetsNoSecond() {
        assertTrue(LadderClaim.on(RUN, exposure(), new ProtractedDefault.Held(true, Set.of(), Set.of())).isEmpty());
    }

    @Test
    void oneSignalPerPolicyBuyerAndRunDate() {
        UUID policy = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        assertEquals(LadderClaim.signalId(policy, buyer, RUN), LadderClaim.signalId(policy, buyer, RUN));
        assertNotEquals(LadderClaim.signalId(policy, buyer, RUN), LadderClaim.signalId(policy, buyer, RUN.plusDays(1)));
        assertNotEquals(LadderClaim.signalId(policy, buyer, RUN), LadderClaim.signalId(UUID.randomUUID(), buyer, RUN));
        assertNotEquals(LadderClaim.signalId(policy, buyer, RUN), LadderClaim.signalId(policy, UUID.randomUUID(), RUN));
    }
}
