package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/**
 * An automatic claim of more than 500 insured invoices is split into claims of at most 500, oldest first, and the
 * loss keeps one deductible across its parts (docs/insurance-claims-service.md, "Claims of more than 500 invoices").
 */
class ClaimSplitTest {
    static final LocalDate DAY = LocalDate.of(2026, 9, 1);
    static final UUID POLICY = UUID.fromString("0c5e3b8a-1d2f-4a6b-9c7d-8e9f0a1b2c3d");
    static final UUID BUYER = UUID.fromString("5b0f6c1e-3d2a-4c1b-9f8e-2a7d6c5b4a39");
    static final UUID SIGNAL = UUID.fromString("7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09");
    static final BigDecimal NINETY = new BigDecimal("90");

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    /** {@code n} invoices of 200.00, INV-0001 the oldest. */
    static List<ClaimedInvoice> invoices(int n) {
        List<ClaimedInvoice> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            all.add(new ClaimedInvoice(String.format("INV-%04d", i), UUID.randomUUID(), cny("200.00")));
        }
        return all;
    }

    static List<Claim> split(int n) {
        return Claim.openSplit(POLICY, "CNY", BUYER, "Zhejiang Trading", Claim.Cause.INSOLVENCY, invoices(n), DAY,
                "insurance-claims-service", SIGNAL);
    }

    @Test
    void fiveHundredAndOneInvoicesAreTwoClaimsTheOldestFiveHundredFirst() {
        List<Claim> parts = split(501);
        assertEquals(2, parts.size());
        Claim first = parts.get(0);
        Claim second = parts.get(1);
        assertEquals(500, first.invoices().size());
        assertEquals("INV-0001", first.invoices().get(0).invoiceNumber());
        assertEquals("INV-0500", first.invoices().get(499).invoiceNumber());
        assertEquals(List.of("INV-0501"), second.invoices().stream().map(ClaimedInvoice::invoiceNumber).toList());
        assertEquals(cny("100000.00"), first.unpaid());
        assertEquals(cny("200.00"), second.unpaid());
        assertEquals(new Claim.Part(first.part().splitId(), 1, 2), first.part());
        assertEquals(new Claim.Part(first.part().splitId(), 2, 2), second.part());
        assertEquals(ClaimState.DRAFT, second.state());
        assertEquals(DAY, second.openedOn());
        assertEquals("insurance-claims-service", second.openedBy());
    }

    @Test
    void theSameSignalNamesTheSameClaimsAnotherSignalOthers() {
        List<UUID> once = split(1001).stream().map(Claim::id).toList();
        assertEquals(3, once.size());
        assertEquals(once, split(1001).stream().map(Claim::id).toList());
        assertEquals(3, once.stream().distinct().count());
        List<Claim> other = Claim.openSplit(POLICY, "CNY", BUYER, "Zhejiang Trading", Claim.Cause.INSOLVENCY,
                invoices(1001), DAY, "insurance-claims-service", UUID.randomUUID());
        assertNotEquals(once.get(0), other.get(0).id());
        assertNotEquals(split(1001).get(0).part().splitId(), other.get(0).part().splitId());
        assertEquals(List.of(500, 500, 1), split(1001).stream().map(c -> c.invoices().size()).toList());
    }

    @Test
    void fiveHundredInvoicesOrFewerAreOneClaimOfItsOwn() {
        List<Claim> one = split(500);
        assertEquals(1, one.size());
        assertEquals(500, one.get(0).invoices().size());
        assertNull(one.get(0).part());
        assertEquals(one.get(0).id(), split(500).get(0).id(), "an automatic claim's id is derived from its signal");
    }

    /**
     * The worked example. 501 invoices of 200.00 (100,200.00 insured and unpaid, within the limit of 150,000), 90 %,
     * a per-claim deductible of 5,000: one loss, one deductible, whichever part is approved first.
     * Part 1 (500 invoices, 100,000) approved first keeps 5,000: (100,000 − 5,000) × 90 % = 85,500;
     * part 2 (INV-0501, 200) keeps nothing more: 200 × 90 % = 180. Together 85,680 = (100,200 − 5,000) × 90 %,
     * as one claim of 501 invoices would pay. Approved the other way round: part 2 keeps its 200 (0 paid), part 1
     * the remaining 4,800: 95,200 × 90 % = 85,680.
     */
    @Test
    void aPerClaimDeductibleIsKeptOnceAcrossTheParts() {
        List<Claim> parts = split(501);
        Deductible perClaim = new Deductible(Deductible.Kind.PER_CLAIM, cny("5000.00"));
        Money limit = cny("150000.00");

        Indemnity first = Indemnity.of(parts.get(0).unpaid(), limit, perClaim, cny("0.00"), NINETY);
        Indemnity second = Indemnity.of(parts.get(1).unpaid(), limit, perClaim, first.deductible(), NINETY);
        assertEquals(cny("5000.00"), first.deductible());
        assertEquals(cny("85500.00"), first.indemnity());
        assertEquals(cny("0.00"), second.deductible());
        assertEquals(cny("180.00"), second.indemnity());
        assertEquals(cny("85680.00"), first.indemnity().plus(second.indemnity()));

        Indemnity secondFirst = Indemnity.of(parts.get(1).unpaid(), limit, perClaim, cny("0.00"), NINETY);
        Indemnity firstAfter = Indemnity.of(parts.get(0).unpaid(), limit, perClaim, secondFirst.deductible(), NINETY);
        assertEquals(cny("200.00"), secondFirst.deductible());
        assertEquals(cny("0.00"), secondFirst.indemnity());
        assertEquals(cny("4800.00"), firstAfter.deductible());
        assertEquals(cny("85680.00"), firstAfter.indemnity().plus(secondFirst.indemnity()));

        // part 2 approved at 0 is settled at once (nothing will be paid on it); part 1 waits for its 85,680
        Claim second0 = underReview(parts.get(1)).approve(secondFirst, DAY);
        Claim first0 = underReview(parts.get(0)).approve(firstAfter, DAY);
        assertEquals(ClaimState.PAID, second0.state());
        assertEquals(cny("0.00"), second0.indemnityPaid());
        assertEquals(ClaimState.APPROVED, first0.state());
        assertEquals(cny("85680.00"), first0.indemnityDue());
    }

    static Claim underReview(Claim c) {
        return c.moveTo(ClaimState.SUBMITTED).moveTo(ClaimState.UNDER_REVIEW);
    }

    /**
     * The parts carry their invoices whole, so the limit caps them once together, as the deductible is kept once. 501
     * invoices of 200.00 (100,200.00), limit 60,000, no deductible, 90 %: part 1 approved first takes 60,000 of the
     * limit (54,000), part 2 has nothing of it left (0, settled at once); the other way round part 2 takes 200 (180) and
     * part 1 the other 59,800 (53,820). 54,000 either way, what one claim of 501 invoices would pay.
     */
    @Test
    void theInsuredLimitCapsThePartsOnceTogether() {
        List<Claim> parts = split(501);
        Deductible none = Deductible.none("CNY");
        Money limit = cny("60000.00");
        Indemnity first = Indemnity.of(parts.get(0).unpaid(), limit, cny("0.00"), none, cny("0.00"), NINETY);
        Indemnity second = Indemnity.of(parts.get(1).unpaid(), limit, first.cappedLoss(), none, cny("0.00"), NINETY);
        assertEquals(cny("60000.00"), first.cappedLoss());
        assertEquals(cny("54000.00"), first.indemnity());
        assertEquals(cny("46000.00"), first.tenantBears());
        assertEquals(cny("0.00"), second.cappedLoss());
        assertEquals(cny("0.00"), second.indemnity());
        assertEquals(cny("200.00"), second.tenantBears());
        assertEquals(cny("60000.00"), second.insuredLimit(), "the buyer's limit, whatever the other parts took");

        Indemnity secondFirst = Indemnity.of(parts.get(1).unpaid(), limit, cny("0.00"), none, cny("0.00"), NINETY);
        Indemnity firstAfter = Indemnity.of(parts.get(0).unpaid(), limit, secondFirst.cappedLoss(), none, cny("0.00"),
                NINETY);
        assertEquals(cny("180.00"), secondFirst.indemnity());
        assertEquals(cny("59800.00"), firstAfter.cappedLoss());
        assertEquals(cny("53820.00"), firstAfter.indemnity());
        assertEquals(cny("54000.00"), firstAfter.indemnity().plus(secondFirst.indemnity()));
        // more taken than the limit (a limit reduced since) leaves nothing, never a negative cap
        assertEquals(cny("0.00"), Indemnity.of(cny("200.00"), limit, cny("70000.00"), none, cny("0.00"), NINETY)
                .cappedLoss());
    }

    /**
     * An annual first loss of 5,000 of which an earlier claim this policy year kept 2,000: the split loss keeps the
     * other 3,000 once, in the part approved first: (100,000 − 3,000) × 90 % = 87,300, then 200 × 90 % = 180.
     */
    @Test
    void anAnnualFirstLossIsKeptOnceAcrossThePartsAndTheYear() {
        List<Claim> parts = split(501);
        Deductible firstLoss = new Deductible(Deductible.Kind.ANNUAL_FIRST_LOSS, cny("5000.00"));
        Indemnity first = Indemnity.of(parts.get(0).unpaid(), cny("150000.00"), firstLoss, cny("2000.00"), NINETY);
        Indemnity second = Indemnity.of(parts.get(1).unpaid(), cny("150000.00"), firstLoss,
                cny("2000.00").plus(first.deductible()), NINETY);
        assertEquals(cny("3000.00"), first.deductible());
        assertEquals(cny("87300.00"), first.indemnity());
        assertEquals(cny("0.00"), second.deductible());
        assertEquals(cny("180.00"), second.indemnity());
    }
}
