package io.tradecredit.claims.domain;

import static io.tradecredit.claims.domain.InsuredExposureTest.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The claim on an insolvency beside the buyer's open claims, on the exposure of {@link LadderClaimTest}: insured
 * INV-1 30,000, INV-2 40,000 and INV-3 10,000 (an insolvency claims every unpaid invoice, overdue or not).
 */
class InsolvencyClaimTest {
    static final String SERVICE = "insurance-claims-service";
    static final UUID POLICY = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    static Claim draft(String by) {
        return Claim.open(POLICY, "CNY", BUYER, "Zhejiang Trading", Claim.Cause.PROTRACTED_DEFAULT,
                List.of(new ClaimedInvoice("INV-1", null, cny("30000.00"))), LocalDate.parse("2026-05-01"), by);
    }

    @Test
    void onlyTheServicesOwnDraftsAreReplaced() {
        assertTrue(InsolvencyClaim.replaces(draft(SERVICE), SERVICE), "the service's draft");
        assertFalse(InsolvencyClaim.replaces(draft("cm-1"), SERVICE), "a draft opened by hand stays");
        assertFalse(InsolvencyClaim.replaces(draft(SERVICE).submit(LocalDate.parse("2026-05-01"), 0,
                java.util.Optional.of(LocalDate.parse("2026-05-01"))), SERVICE),
                "a filed claim is the insurer's now");
    }

    @Test
    void everyInvoiceDeliveredUnderCoverNoStayingClaimHoldsIsClaimedWholeOldestFirst() {
        InsuredExposure x = LadderClaimTest.exposure();
        List<ClaimedInvoice> all = InsolvencyClaim.invoices(x, ProtractedDefault.Held.NOTHING);
        assertEquals(List.of("INV-1", "INV-2", "INV-3"), all.stream().map(ClaimedInvoice::invoiceNumber).toList());
        // INV-3 whole (30,000), though only 10,000 of it is within the 80,000 limit: the limit caps the loss
        assertEquals(List.of(cny("30000.00"), cny("40000.00"), cny("30000.00")),
                all.stream().map(ClaimedInvoice::unpaidAmount).toList());
        UUID second = x.lines().stream().filter(l -> l.invoice().invoiceNumber().equals("INV-2")).findFirst()
                .orElseThrow().invoice().invoiceId();
        // INV-2 held by id, INV-3 by number (a claim by hand without ids): INV-1 alone
        List<ClaimedInvoice> left = InsolvencyClaim.invoices(x, new ProtractedDefault.Held(true, Set.of(second),
                Set.of("INV-3")));
        assertEquals(List.of("INV-1"), left.stream().map(ClaimedInvoice::invoiceNumber).toList());
    }

    @Test
    void theWithdrawalSaysWhichSignalReplacedTheDraft() {
        assertEquals("replaced by the claim on the buyer's insolvency (signal 00000000-0000-0000-0000-0000000000c1)",
                InsolvencyClaim.withdrawalNote(UUID.fromString("00000000-0000-0000-0000-0000000000c1")));
    }
}
