package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

class RecoveryShareTest {
    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    @Test
    void theWorkedExampleGives7200ToTheInsurerAnd2800ToTheTenant() {
        RecoveryShare s = RecoveryShare.of(cny("10000.00"), cny("100000.00"), cny("72000.00"), cny("0.00"), cny("0.00"));
        assertEquals(cny("7200.00"), s.toInsurer());
        assertEquals(cny("2800.00"), s.toTenant());
        assertEquals(cny("10000.00"), s.recoveredTotal());
        assertEquals(cny("7200.00"), s.toInsurerTotal());
        assertEquals(cny("10000.00"), s.recovery());
    }

    @Test
    void successiveRecoveriesAreSharedOnTheRunningTotalSoCentsDoNotDrift() {
        // 72 % of 0.01 three times would be 0.01 each (rounded) = 0.03; of the total 0.03 it is 0.02
        RecoveryShare first = RecoveryShare.of(cny("0.01"), cny("100000.00"), cny("72000.00"), cny("0.00"), cny("0.00"));
        assertEquals(cny("0.01"), first.toInsurer());
        RecoveryShare second = RecoveryShare.of(cny("0.01"), cny("100000.00"), cny("72000.00"), first.recoveredTotal(),
                first.toInsurerTotal());
        assertEquals(cny("0.00"), second.toInsurer());
        assertEquals(cny("0.01"), second.toTenant());
        RecoveryShare third = RecoveryShare.of(cny("0.01"), cny("100000.00"), cny("72000.00"), second.recoveredTotal(),
                second.toInsurerTotal());
        assertEquals(cny("0.01"), third.toInsurer());
        assertEquals(cny("0.02"), third.toInsurerTotal());
        assertEquals(cny("0.03"), third.recoveredTotal());
    }

    @Test
    void aRecoveryBeyondTheUninsuredPartIsStillSharedAndTheInsurerNeverGetsMoreThanItPaid() {
        // 30,000 recovered: more than the tenant's 28,000, still 72 % to the insurer
        RecoveryShare big = RecoveryShare.of(cny("30000.00"), cny("100000.00"), cny("72000.00"), cny("0.00"), cny("0.00"));
        assertEquals(cny("21600.00"), big.toInsurer());
        assertEquals(cny("8400.00"), big.toTenant());
        // everything and 5,000 of interest: the insurer gets back its 72,000, the tenant the rest
        RecoveryShare all = RecoveryShare.of(cny("75000.00"), cny("100000.00"), cny("72000.00"), big.recoveredTotal(),
                big.toInsurerTotal());
        assertEquals(cny("50400.00"), all.toInsurer());
        assertEquals(cny("72000.00"), all.toInsurerTotal());
        assertEquals(cny("24600.00"), all.toTenant());
        RecoveryShare more = RecoveryShare.of(cny("1000.00"), cny("100000.00"), cny("72000.00"), all.recoveredTotal(),
                all.toInsurerTotal());
        assertEquals(cny("0.00"), more.toInsurer());
        assertEquals(cny("1000.00"), more.toTenant());
    }

    @Test
    void aPartlyPaidIndemnitySharesInProportionToWhatTheInsurerPaid() {
        // the insurer paid 36,000 of its 72,000 so far: 36 % of a 10,000 recovery is its
        RecoveryShare s = RecoveryShare.of(cny("10000.00"), cny("100000.00"), cny("36000.00"), cny("0.00"), cny("0.00"));
        assertEquals(cny("3600.00"), s.toInsurer());
        assertEquals(cny("6400.00"), s.toTenant());
    }

    @Test
    void theInsurersShareIsRoundedHalfUp() {
        // 333.33 × 72,000 / 100,000 = 239.9976 → 240.00; 0.125 cases: 1.00 × 12.5 % = 0.125 → 0.13
        assertEquals(cny("240.00"), RecoveryShare.of(cny("333.33"), cny("100000.00"), cny("72000.00"), cny("0.00"),
                cny("0.00")).toInsurer());
        assertEquals(cny("0.13"), RecoveryShare.of(cny("1.00"), cny("1000.00"), cny("125.00"), cny("0.00"),
                cny("0.00")).toInsurer());
        assertEquals(cny("0.87"), RecoveryShare.of(cny("1.00"), cny("1000.00"), cny("125.00"), cny("0.00"),
                cny("0.00")).toTenant());
    }

    @Test
    void theInsurersPartOfARecoveryIsNeverNegative() {
        // had the insurer already more than its proportion (an earlier, larger indemnity paid), it gets nothing now
        RecoveryShare s = RecoveryShare.of(cny("100.00"), cny("100000.00"), cny("72000.00"), cny("0.00"), cny("500.00"));
        assertEquals(cny("0.00"), s.toInsurer());
        assertEquals(cny("100.00"), s.toTenant());
        assertEquals(cny("500.00"), s.toInsurerTotal());
    }

    /** The buyer's payment shared from the ledger bounced: a negative recovery gives back what each side was given. */
    @Test
    void aNegativeRecoveryUndoesWhatTheRecoveryGaveEachSide() {
        RecoveryShare shared = RecoveryShare.of(cny("10000.00"), cny("100000.00"), cny("72000.00"), cny("0.00"), cny("0.00"));
        RecoveryShare undone = RecoveryShare.of(cny("-10000.00"), cny("100000.00"), cny("72000.00"), shared.recoveredTotal(),
                shared.toInsurerTotal());
        assertEquals(cny("-7200.00"), undone.toInsurer());
        assertEquals(cny("-2800.00"), undone.toTenant());
        assertEquals(cny("0.00"), undone.recoveredTotal());
        assertEquals(cny("0.00"), undone.toInsurerTotal());
        // 4,000 of it bounced: 6,000 stays recovered, 4,320 of it the insurer's
        RecoveryShare part = RecoveryShare.of(cny("-4000.00"), cny("100000.00"), cny("72000.00"), shared.recoveredTotal(),
                shared.toInsurerTotal());
        assertEquals(cny("-2880.00"), part.toInsurer());
        assertEquals(cny("-1120.00"), part.toTenant());
        assertEquals(cny("4320.00"), part.toInsurerTotal());
    }

    @Test
    void aNegativeRecoveryOfMoneyBeyondTheLossOrOfAnEarlierSmallerProportionTakesNothingMoreFromTheInsurer() {
        // 105,000 recovered, the insurer capped at its 72,000: 1,000 bounced was the tenant's
        RecoveryShare beyond = RecoveryShare.of(cny("-1000.00"), cny("100000.00"), cny("72000.00"), cny("105000.00"),
                cny("72000.00"));
        assertEquals(cny("0.00"), beyond.toInsurer());
        assertEquals(cny("-1000.00"), beyond.toTenant());
        // 10,000 shared when 36,000 of 72,000 was paid (3,600 to the insurer); all paid since, 4,000 bounces: 6,000 at
        // 72 % would be 4,320, more than the insurer had: it gives back nothing, the tenant the 4,000
        RecoveryShare earlier = RecoveryShare.of(cny("-4000.00"), cny("100000.00"), cny("72000.00"), cny("10000.00"),
                cny("3600.00"));
        assertEquals(cny("0.00"), earlier.toInsurer());
        assertEquals(cny("-4000.00"), earlier.toTenant());
        assertEquals(cny("3600.00"), earlier.toInsurerTotal());
    }
}
