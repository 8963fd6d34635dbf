package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class AltmanZScoreTest {
    static FinancialStatement statement(String ta, String ca, String cl, String tl, String re, String ebit, String eq) {
        return new FinancialStatement(2025, "CNY", new BigDecimal(ta), new BigDecimal(ca), new BigDecimal(cl),
                new BigDecimal(tl), new BigDecimal(re), new BigDecimal(ebit), new BigDecimal(eq),
                new BigDecimal("15000000"), new BigDecimal(eq));
    }

    @Test
    void healthyFirmIsSafe() {
        // TA 10m, WC 4m-2m=2m, RE 3m, EBIT 1.5m, equity 6m, TL 4m:
        // 6.56x0.2 + 3.26x0.3 + 6.72x0.15 + 1.05x1.5 = 1.312 + 0.978 + 1.008 + 1.575 = 4.873 -> 4.87
        var z = AltmanZScore.of(statement("10000000", "4000000", "2000000", "4000000", "3000000", "1500000", "6000000"));
        assertEquals(new BigDecimal("4.87"), z.value());
        assertEquals(AltmanZScore.Zone.SAFE, z.zone());
    }

    @Test
    void thinMarginsAreGrey() {
        // TA 10m, WC 1m, RE 1m, EBIT 0.5m, equity 2m, TL 8m:
        // 0.656 + 0.326 + 0.336 + 0.2625 = 1.5805 -> 1.58
        var z = AltmanZScore.of(statement("10000000", "3000000", "2000000", "8000000", "1000000", "500000", "2000000"));
        assertEquals(new BigDecimal("1.58"), z.value());
        assertEquals(AltmanZScore.Zone.GREY, z.zone());
    }

    @Test
    void lossMakingOverIndebtedFirmIsInDistress() {
        // TA 10m, WC -1m, RE -2m, EBIT -0.5m, equity 1m, TL 9m:
        // -0.656 - 0.652 - 0.336 + 0.11667 = -1.5273 -> -1.53
        var z = AltmanZScore.of(statement("10000000", "2000000", "3000000", "9000000", "-2000000", "-500000", "1000000"));
        assertEquals(new BigDecimal("-1.53"), z.value());
        assertEquals(AltmanZScore.Zone.DISTRESS, z.zone());
    }

    @Test
    void statementThatDoesNotBalanceSaysWhy() {
        var s = statement("10000000", "12000000", "2000000", "4000000", "3000000", "1500000", "5000000");
        assertEquals(2, s.inconsistencies().size());
        assertEquals("currentAssets exceed totalAssets", s.inconsistencies().get(0).message());
        assertEquals("currentAssets", s.inconsistencies().get(0).field());
    }

    @Test
    void zScoreExactlyOnTheSafeBoundaryIsStillGrey() {
        // TA 10m, WC 2.6m-2.0m=0.6m, RE 0.7m, EBIT 0.6m, equity 6m, TL 4m:
        // 6.56x0.06 + 3.26x0.07 + 6.72x0.06 + 1.05x1.5 = 0.3936 + 0.2282 + 0.4032 + 1.575 = 2.6000:
        // safe only above 2.60
        var z = AltmanZScore.of(statement("10000000", "2600000", "2000000", "4000000", "700000", "600000", "6000000"));
        assertEquals(new BigDecimal("2.60"), z.value());
        assertEquals(AltmanZScore.Zone.GREY, z.zone());
    }

    @Test
    void zScoreExactlyOnTheDistressBoundaryIsStillGrey() {
        // TA 10m, WC 2.2m-2.0m=0.2m, RE 0, EBIT 0.4m, equity 4m, TL 6m:
        // 6.56x0.02 + 0 + 6.72x0.04 + 1.05x(4/6) = 0.1312 + 0.2688 + 0.70 = 1.1000: distress only below 1.10
        var z = AltmanZScore.of(statement("10000000", "2200000", "2000000", "6000000", "0", "400000", "4000000"));
        assertEquals(new BigDecimal("1.10"), z.value());
        assertEquals(AltmanZScore.Zone.GREY, z.zone());
    }

    @Test
    void firmWithoutLiabilitiesHasItsEquityRatioCappedAsIfItOwedOnePercentOfItsAssets() {
        // TA 10m, WC 3m, RE 2m, EBIT 1m, equity 10m, no liabilities -> TL taken as 1% of TA = 100,000:
        // 6.56x0.3 + 3.26x0.2 + 6.72x0.1 + 1.05x100 = 1.968 + 0.652 + 0.672 + 105 = 108.292 -> 108.29
        var z = AltmanZScore.of(statement("10000000", "3000000", "0", "0", "2000000", "1000000", "10000000"));
        assertEquals(new BigDecimal("108.29"), z.value());
        assertEquals(AltmanZScore.Zone.SAFE, z.zone());
    }
}
