package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

/**
 * A claim's amounts follow the ledger (docs/insurance-claims-service.md, "Payments after a claim opened"): DOMAIN §4's
 * claim of INV-1 60,000 and INV-2 40,000, limit 80,000, no deductible, 90 %.
 */
class ClaimFollowsLedgerTest {
    static final LocalDate DAY = LocalDate.of(2026, 9, 1);
    static final UUID INV_1 = UUID.randomUUID();
    static final UUID INV_2 = UUID.randomUUID();
    static final Money CLAIMED_1 = cny("60000.00");
    static final Money CLAIMED_2 = cny("40000.00");
    /** What a reversed payment brought to the claim after approval, where that is not the point: all it reverses. */
    static final Money ALL = cny("1000000.00");

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static Claim draft() {
        return Claim.open(UUID.randomUUID(), "CNY", UUID.randomUUID(), "Zhejiang Trading", Claim.Cause.INSOLVENCY,
                List.of(new ClaimedInvoice("INV-1", INV_1, CLAIMED_1), new ClaimedInvoice("INV-2", INV_2, CLAIMED_2)), DAY,
                "insurance-claims-service");
    }

    static Claim underReview(Claim c) {
        return c.moveTo(ClaimState.SUBMITTED).moveTo(ClaimState.UNDER_REVIEW);
    }

    static Claim approve(Claim c) {
        return c.approve(Indemnity.of(c.unpaid(), cny("80000.00"), Deductible.none("CNY"), cny("0.00"),
                new BigDecimal("90")), DAY.plusDays(30));
    }

    /** The buyer paid {@code paid} on the invoice, leaving {@code open}. */
    static LedgerNews payment(UUID invoice, String paid, String open) {
        return new LedgerNews(UUID.randomUUID().toString(), "payment-received", invoice, cny(open), cny(paid));
    }

    static LedgerNews reversal(UUID invoice, String reversed, String open) {
        return new LedgerNews(UUID.randomUUID().toString(), "payment-reversed", invoice, cny(open), cny(reversed).negate());
    }

    static LedgerNews creditNote(UUID invoice, String open) {
        return new LedgerNews(UUID.randomUUID().toString(), "credit-note-issued", invoice, cny(open), cny("0.00"));
    }

    static Claim took(Claim c, int line, Money claimed, LedgerNews news) {
        return c.ledgerSays(line, claimed, news, ALL).orElseThrow().claim();
    }

    @Test
    void domainsWorkedExampleStillHoldsWhenNothingWasPaidAfterOpening() {
        Claim c = approve(underReview(draft()));
        assertEquals(cny("100000.00"), c.indemnity().unpaid());
        assertEquals(cny("72000.00"), c.indemnity().indemnity());
        assertEquals(cny("28000.00"), c.indemnity().tenantBears());
    }

    /** After opening the buyer pays 30,000 on INV-1: unpaid 70,000, capped 70,000, indemnity 63,000, the tenant bears 7,000. */
    @Test
    void aPaymentAfterOpeningLowersTheUnpaidAmountTheIndemnityIsComputedOn() {
        Claim.LedgerEffect e = draft().ledgerSays(0, CLAIMED_1, payment(INV_1, "30000.00", "30000.00"), ALL).orElseThrow();
        assertEquals(new ClaimedInvoice("INV-1", INV_1, cny("60000.00")), e.before());
        assertEquals(new ClaimedInvoice("INV-1", INV_1, cny("30000.00")), e.after());
        assertNull(e.shared());
        assertEquals(List.of(cny("30000.00"), cny("40000.00")),
                e.claim().invoices().stream().map(ClaimedInvoice::unpaidAmount).toList());
        assertEquals(ClaimState.DRAFT, e.claim().state());

        Claim approved = approve(underReview(e.claim()));
        Indemnity i = approved.indemnity();
        assertEquals(cny("70000.00"), i.unpaid());
        assertEquals(cny("70000.00"), i.cappedLoss());
        assertEquals(cny("63000.00"), i.indemnity());
        assertEquals(cny("7000.00"), i.tenantBears());
    }

    @Test
    void aSubmittedOrUnderReviewClaimFollowsTheLedgerTooAnApprovedOneNot() {
        Claim submitted = draft().moveTo(ClaimState.SUBMITTED);
        assertEquals(cny("90000.00"), took(submitted, 1, CLAIMED_2, creditNote(INV_2, "30000.00")).unpaid());
        assertEquals(cny("75000.00"), took(underReview(draft()), 0, CLAIMED_1, payment(INV_1, "25000.00", "35000.00"))
                .unpaid());
        assertTrue(draft().followsLedger());
        assertTrue(submitted.followsLedger());
        assertFalse(approve(underReview(draft())).followsLedger());
    }

    /** A bounced payment raises the unpaid amount again, never above what the invoice was claimed for. */
    @Test
    void aReversalRaisesItAgainNeverAboveWhatWasClaimed() {
        Claim paid = took(draft(), 0, CLAIMED_1, payment(INV_1, "30000.00", "30000.00"));
        Claim.LedgerEffect bounced = paid.ledgerSays(0, CLAIMED_1, reversal(INV_1, "30000.00", "60000.00"), ALL).orElseThrow();
        assertEquals(cny("60000.00"), bounced.after().unpaidAmount());
        assertEquals(cny("100000.00"), bounced.claim().unpaid());
        // late charges or an amount above the claimed one open: the claim asks no more than it did at opening
        assertEquals(cny("60000.00"), took(paid, 0, CLAIMED_1, reversal(INV_1, "30000.00", "61500.00")).invoices().get(0)
                .unpaidAmount());
        assertTrue(bounced.claim().ledgerSays(0, CLAIMED_1, reversal(INV_1, "100.00", "60100.00"), ALL).isEmpty());
    }

    /** A claim by hand of 30,000 of an invoice with 40,000 open: what the buyer pays takes the unclaimed part first. */
    @Test
    void aClaimOfPartOfAnInvoiceIsLoweredOnlyOnceLessThanClaimedIsOpen() {
        Claim part = Claim.open(UUID.randomUUID(), "CNY", UUID.randomUUID(), "Zhejiang Trading",
                Claim.Cause.PROTRACTED_DEFAULT, List.of(new ClaimedInvoice("INV-2", null, cny("30000.00"))), DAY, "cm");
        assertTrue(part.ledgerSays(0, cny("30000.00"), payment(INV_2, "5000.00", "35000.00"), ALL).isEmpty());
        assertEquals(cny("25000.00"), took(part, 0, cny("30000.00"), payment(INV_2, "10000.00", "25000.00")).unpaid());
    }

    @Test
    void aCreditNoteAboveWhatIsOpenLeavesNothingUnpaidNotLess() {
        assertEquals(cny("0.00"), took(draft(), 1, CLAIMED_2, creditNote(INV_2, "-100.00")).invoices().get(1).unpaidAmount());
    }

    @Test
    void newsInAnotherCurrencyOrOfAClaimDecidedAgainstChangesNothing() {
        assertTrue(draft().ledgerSays(0, CLAIMED_1, new LedgerNews("e", "payment-received", INV_1, Money.of("1.00", "USD"),
                Money.of("1.00", "USD")), ALL).isEmpty());
        Claim rejected = underReview(draft()).moveTo(ClaimState.REJECTED);
        assertTrue(rejected.ledgerSays(0, CLAIMED_1, payment(INV_1, "30000.00", "30000.00"), ALL).isEmpty());
        Claim withdrawn = draft().moveTo(ClaimState.WITHDRAWN);
        assertTrue(withdrawn.ledgerSays(0, CLAIMED_1, payment(INV_1, "30000.00", "30000.00"), ALL).isEmpty());
    }

    /** Both invoices paid while under review: the claim ends without indemnity, settled by the buyer. */
    @Test
    void aClaimWhoseInvoicesTheBuyerPaidInFullBeforeApprovalEndsSettledByTheBuyer() {
        Claim first = took(underReview(draft()), 0, CLAIMED_1, payment(INV_1, "60000.00", "0.00"));
        assertFalse(first.paidByTheBuyer());
        DomainError notYet = assertThrows(DomainError.class, first::settledByTheBuyer);
        assertEquals("claim.not-settled", notYet.code());
        Claim both = took(first, 1, CLAIMED_2, creditNote(INV_2, "0.00"));
        assertTrue(both.paidByTheBuyer());

        Claim ended = both.settledByTheBuyer();
        assertEquals(ClaimState.WITHDRAWN, ended.state());
        assertNull(ended.indemnity());
        assertFalse(ended.paidByTheBuyer(), "it ends once");
        assertTrue(ended.ledgerSays(0, CLAIMED_1, reversal(INV_1, "60000.00", "60000.00"), ALL).isEmpty());
    }

    /**
     * Approved on 100,000 at 72,000; the buyer pays 10,000 on INV-2 before the insurer paid: the indemnity stands, the
     * 10,000 is kept (a reversal takes back what it reverses, never below nothing) and shared once the claim is paid:
     * 7,200 to the insurer, 2,800 to the tenant (DOMAIN §4's recovery).
     */
    @Test
    void aPaymentBetweenApprovalAndTheIndemnityIsKeptAndSharedOnceTheClaimIsPaid() {
        Claim approved = approve(underReview(draft()));
        Claim.LedgerEffect kept = approved.ledgerSays(1, CLAIMED_2, payment(INV_2, "10000.00", "30000.00"), ALL).orElseThrow();
        assertEquals(cny("10000.00"), kept.claim().receivedToShare());
        assertEquals(kept.before(), kept.after());
        assertEquals(cny("40000.00"), kept.after().unpaidAmount());
        assertEquals(cny("100000.00"), kept.claim().unpaid());
        assertEquals(cny("72000.00"), kept.claim().indemnity().indemnity());
        assertNull(kept.shared());
        assertTrue(approved.ledgerSays(1, CLAIMED_2, creditNote(INV_2, "30000.00"), ALL).isEmpty(), "no money of the buyer's");

        Claim bounced = took(kept.claim(), 1, CLAIMED_2, reversal(INV_2, "4000.00", "34000.00"));
        assertEquals(cny("6000.00"), bounced.receivedToShare());
        assertEquals(cny("0.00"), took(bounced, 1, CLAIMED_2, reversal(INV_2, "10000.00", "44000.00")).receivedToShare());

        Claim partly = kept.claim().pay(cny("36000.00"));
        assertTrue(partly.shareReceived().isEmpty(), "not before the indemnity is paid");
        Claim paid = partly.pay(cny("36000.00"));
        Claim.Recovery r = paid.shareReceived().orElseThrow();
        assertEquals(cny("7200.00"), r.share().toInsurer());
        assertEquals(cny("2800.00"), r.share().toTenant());
        assertEquals(cny("10000.00"), r.claim().recovered());
        assertEquals(cny("7200.00"), r.claim().recoveredToInsurer());
        assertEquals(cny("0.00"), r.claim().receivedToShare());
        assertTrue(r.claim().shareReceived().isEmpty(), "shared once");
    }

    /**
     * The buyer pays 40,000 of INV-1 after approval, before the insurer: 60,000 is open in the ledger when the insurer
     * pays 72,000, so invoice-service posts 60,000 of it and 12,000 not (never the buyer's credit). The buyer's 40,000 is
     * a recovery: 28,800 owed to the insurer, 11,200 the tenant's; the 12,000 the tenant holds is part of the 28,800.
     */
    @Test
    void aPaymentThatLeavesLessOpenThanTheIndemnityIsSharedAndOwesTheInsurerMoreThanItsExcess() {
        Claim kept = took(approve(underReview(draft())), 0, CLAIMED_1, payment(INV_1, "40000.00", "20000.00"));
        Claim.Recovery r = kept.pay(cny("72000.00")).shareReceived().orElseThrow();
        assertEquals(cny("28800.00"), r.share().toInsurer());
        assertEquals(cny("11200.00"), r.share().toTenant());
        Money open = kept.unpaid().minus(cny("40000.00"));
        assertTrue(r.share().toInsurer().isGreaterThan(cny("72000.00").minus(open)), "the 12,000 not posted is within it");
    }

    @Test
    void aPaymentAfterTheIndemnityWasPaidIsSharedAtOnce() {
        Claim paid = approve(underReview(draft())).pay(cny("72000.00"));
        assertTrue(paid.shareReceived().isEmpty());
        Claim.LedgerEffect e = paid.ledgerSays(0, CLAIMED_1, payment(INV_1, "5000.00", "0.00"), ALL).orElseThrow();
        assertEquals(cny("3600.00"), e.shared().toInsurer());
        assertEquals(cny("1400.00"), e.shared().toTenant());
        assertEquals(cny("5000.00"), e.claim().recovered());
        assertEquals(cny("0.00"), e.claim().receivedToShare());
    }

    static LedgerNews reversalOf(UUID payment, UUID invoice, String reversed, String open) {
        return new LedgerNews(UUID.randomUUID().toString(), "payment-reversed", invoice, cny(open), cny(reversed).negate(),
                payment);
    }

    /**
     * The claim paid (72,000 of 100,000), the buyer's 10,000 on INV-2 shared 7,200 / 2,800; the payment bounces: it
     * brought 10,000 to the claim, so the share is undone by a recovery of -10,000 (-7,200 / -2,800), nothing recovered
     * after. Had 4,000 of it bounced: -2,880 / -1,120. A reversal of more than the payment brought after approval (it
     * paid 3,000 of INV-2 after approval, the rest before) takes back only the 3,000; one that brought nothing (a payment
     * from before approval), nothing.
     */
    @Test
    void aPaymentReversedAfterItWasSharedIsSharedBackAsANegativeRecovery() {
        UUID payment = UUID.randomUUID();
        Claim paid = approve(underReview(draft())).pay(cny("72000.00"));
        Claim.LedgerEffect in = paid.ledgerSays(1, CLAIMED_2, new LedgerNews("e-1", "payment-received", INV_2,
                cny("30000.00"), cny("10000.00"), payment), cny("0.00")).orElseThrow();
        assertEquals(cny("10000.00"), in.received());
        assertEquals(cny("7200.00"), in.shared().toInsurer());

        Claim.LedgerEffect back = in.claim().ledgerSays(1, CLAIMED_2, reversalOf(payment, INV_2, "10000.00", "40000.00"),
                cny("10000.00")).orElseThrow();
        assertEquals(cny("-10000.00"), back.received());
        assertEquals(cny("-7200.00"), back.shared().toInsurer());
        assertEquals(cny("-2800.00"), back.shared().toTenant());
        assertEquals(cny("0.00"), back.claim().recovered());
        assertEquals(cny("0.00"), back.claim().recoveredToInsurer());
        assertEquals(back.before(), back.after());

        Claim.LedgerEffect part = in.claim().ledgerSays(1, CLAIMED_2, reversalOf(payment, INV_2, "4000.00", "34000.00"),
                cny("10000.00")).orElseThrow();
        assertEquals(cny("-2880.00"), part.shared().toInsurer());
        assertEquals(cny("-1120.00"), part.shared().toTenant());
        assertEquals(cny("6000.00"), part.claim().recovered());

        Claim.LedgerEffect more = in.claim().ledgerSays(1, CLAIMED_2, reversalOf(payment, INV_2, "10000.00", "40000.00"),
                cny("3000.00")).orElseThrow();
        assertEquals(cny("-3000.00"), more.received());
        assertEquals(cny("-2160.00"), more.shared().toInsurer());
        assertTrue(in.claim().ledgerSays(1, CLAIMED_2, reversalOf(payment, INV_2, "10000.00", "40000.00"), cny("0.00"))
                .isEmpty(), "a payment from before approval brought nothing to take back");
    }

    /** Approved, not yet paid: the bounced 4,000 of a kept 10,000 is taken from what is kept, nothing shared back. */
    @Test
    void aPaymentReversedBeforeTheIndemnityIsPaidIsTakenFromWhatIsKept() {
        UUID payment = UUID.randomUUID();
        Claim kept = approve(underReview(draft())).ledgerSays(1, CLAIMED_2, new LedgerNews("e-1", "payment-received",
                INV_2, cny("30000.00"), cny("10000.00"), payment), cny("0.00")).orElseThrow().claim();
        Claim.LedgerEffect back = kept.ledgerSays(1, CLAIMED_2, reversalOf(payment, INV_2, "4000.00", "34000.00"),
                cny("10000.00")).orElseThrow();
        assertEquals(cny("6000.00"), back.claim().receivedToShare());
        assertEquals(cny("-4000.00"), back.received());
        assertNull(back.shared());
        assertEquals(cny("0.00"), back.claim().recovered());
        // nothing kept nor recovered (lines from before payments were recorded with them): nothing to take back
        assertTrue(approve(underReview(draft())).ledgerSays(1, CLAIMED_2, reversalOf(payment, INV_2, "4000.00",
                "34000.00"), cny("10000.00")).isEmpty());
    }
}
