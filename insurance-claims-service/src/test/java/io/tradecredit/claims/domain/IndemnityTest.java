package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/** DOMAIN §4's worked example and the deductible kinds, with the numbers a finance person checks by hand. */
class IndemnityTest {
    static final BigDecimal NINETY = new BigDecimal("90");

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    @Test
    void theWorkedExampleIndemnifies72000AndTheTenantBears28000() {
        Indemnity i = Indemnity.of(cny("100000.00"), cny("80000.00"), Deductible.none("CNY"), cny("0.00"), NINETY);
        assertEquals(cny("80000.00"), i.cappedLoss());
        assertEquals(cny("0.00"), i.deductible());
        assertEquals(cny("80000.00"), i.insuredLoss());
        assertEquals(cny("72000.00"), i.indemnity());
        assertEquals(cny("28000.00"), i.tenantBears());
        assertEquals(cny("100000.00"), i.unpaid());
        assertEquals(cny("80000.00"), i.insuredLimit());
        assertEquals(NINETY, i.insuredPercent());
    }

    @Test
    void aLossDeliveredBeforeAReductionIsCappedByWhatTheLimitsOfItsDeliveriesCover() {
        // docs' worked example claimed: A 30,000 and B 40,000 delivered under 80,000, C 20,000 under 50,000 (from 1 July,
        // the limit on the claim's day): the limits cover 70,000 of the 90,000 → 63,000 at 90 %, the tenant bears 27,000
        Indemnity i = Indemnity.of(cny("90000.00"), cny("50000.00"), cny("70000.00"), cny("0.00"),
                Deductible.none("CNY"), cny("0.00"), NINETY);
        assertEquals(cny("50000.00"), i.insuredLimit());
        assertEquals(cny("70000.00"), i.cappedLoss());
        assertEquals(cny("63000.00"), i.indemnity());
        assertEquals(cny("27000.00"), i.tenantBears());
    }

    @Test
    void aLossBelowTheLimitIsInsuredWhole() {
        Indemnity i = Indemnity.of(cny("50000.00"), cny("80000.00"), Deductible.none("CNY"), cny("0.00"), NINETY);
        assertEquals(cny("50000.00"), i.cappedLoss());
        assertEquals(cny("45000.00"), i.indemnity());
        assertEquals(cny("5000.00"), i.tenantBears());
    }

    @Test
    void aPerClaimDeductibleComesOffTheCappedLossOfEveryClaim() {
        // 100,000 unpaid, limit 80,000, 5,000 per claim: (80,000 − 5,000) × 90 % = 67,500
        Deductible perClaim = new Deductible(Deductible.Kind.PER_CLAIM, cny("5000.00"));
        Indemnity i = Indemnity.of(cny("100000.00"), cny("80000.00"), perClaim, cny("0.00"), NINETY);
        assertEquals(cny("5000.00"), i.deductible());
        assertEquals(cny("75000.00"), i.insuredLoss());
        assertEquals(cny("67500.00"), i.indemnity());
        assertEquals(cny("32500.00"), i.tenantBears());
    }

    @Test
    void aLossBelowTheDeductibleIsNotIndemnified() {
        Deductible perClaim = new Deductible(Deductible.Kind.PER_CLAIM, cny("5000.00"));
        Indemnity i = Indemnity.of(cny("3000.00"), cny("80000.00"), perClaim, cny("0.00"), NINETY);
        assertEquals(cny("3000.00"), i.deductible(), "the deductible keeps no more than the loss");
        assertEquals(cny("0.00"), i.insuredLoss());
        assertEquals(cny("0.00"), i.indemnity());
        assertEquals(cny("3000.00"), i.tenantBears());
    }

    @Test
    void anAnnualFirstLossIsKeptOncePerPolicyYearAcrossClaims() {
        // first loss 20,000 a year. Claim 1: 15,000 unpaid → all kept. Claim 2 (same year): 60,000 unpaid,
        // 5,000 of the first loss left → (60,000 − 5,000) × 90 % = 49,500. Claim 3: nothing left to keep.
        Deductible firstLoss = new Deductible(Deductible.Kind.ANNUAL_FIRST_LOSS, cny("20000.00"));
        Indemnity first = Indemnity.of(cny("15000.00"), cny("80000.00"), firstLoss, cny("0.00"), NINETY);
        assertEquals(cny("15000.00"), first.deductible());
        assertEquals(cny("0.00"), first.indemnity());
        Indemnity second = Indemnity.of(cny("60000.00"), cny("80000.00"), firstLoss, cny("15000.00"), NINETY);
        assertEquals(cny("5000.00"), second.deductible());
        assertEquals(cny("49500.00"), second.indemnity());
        assertEquals(cny("10500.00"), second.tenantBears());
        Indemnity third = Indemnity.of(cny("10000.00"), cny("80000.00"), firstLoss, cny("20000.00"), NINETY);
        assertEquals(cny("0.00"), third.deductible());
        assertEquals(cny("9000.00"), third.indemnity());
        Indemnity overBorne = Indemnity.of(cny("10000.00"), cny("80000.00"), firstLoss, cny("25000.00"), NINETY);
        assertEquals(cny("0.00"), overBorne.deductible());
    }

    @Test
    void theIndemnityIsRoundedHalfUpToTheMinorUnitAndTheTenantBearsTheExactRest() {
        // 1,000.05 × 90 % = 900.045 → 900.05 (the half cent goes to the indemnity); tenant 100.00
        Indemnity i = Indemnity.of(cny("1000.05"), cny("80000.00"), Deductible.none("CNY"), cny("0.00"), NINETY);
        assertEquals(cny("900.05"), i.indemnity());
        assertEquals(cny("100.00"), i.tenantBears());
        // 1,000.01 × 87.5 % = 875.00875 → 875.01
        Indemnity j = Indemnity.of(cny("1000.01"), cny("80000.00"), Deductible.none("CNY"), cny("0.00"), new BigDecimal("87.5"));
        assertEquals(cny("875.01"), j.indemnity());
        assertEquals(cny("125.00"), j.tenantBears());
        // yen has no minor unit: 1,001 × 90 % = 900.9 → 901
        Indemnity yen = Indemnity.of(Money.of("1001", "JPY"), Money.of("5000", "JPY"), Deductible.none("JPY"),
                Money.zero("JPY"), NINETY);
        assertEquals(Money.of("901", "JPY"), yen.indemnity());
        assertEquals(Money.of("100", "JPY"), yen.tenantBears());
    }

    @Test
    void noInsuredLimitMeansNoIndemnity() {
        Indemnity i = Indemnity.of(cny("100000.00"), cny("0.00"), Deductible.none("CNY"), cny("0.00"), NINETY);
        assertEquals(cny("0.00"), i.indemnity());
        assertEquals(cny("100000.00"), i.tenantBears());
    }
}
