package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AssessmentTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
    static final FinancialStatement HEALTHY = AltmanZScoreTest.statement("10000000", "4000000", "2000000", "4000000",
            "3000000", "1500000", "6000000");

    @Test
    void establishedPunctualBuyerScoresHighAndExplainsEachFactor() {
        // financial: Z'' 4.87 -> 70 + 30 x (4.87-2.60)/2.40 = 98.4 -> 98, x0.35 = 34.30
        // payment: on time -> 80, x0.35 = 28.00; disputes 1% of 20% -> 95, x0.10 = 9.50
        // age: 12 years -> 100, x0.10 = 10.00; signals none -> 100, x0.10 = 10.00; total 91.80 -> 92, grade 1
        var a = Assessment.of(new Assessment.Inputs(HEALTHY, BigDecimal.ZERO, new BigDecimal("0.01"),
                LocalDate.of(2014, 5, 1), Set.of(), AS_OF), ScoringPolicy.DEFAULT);
        assertEquals(92, a.score());
        assertEquals(1, a.grade());
        assertEquals(new BigDecimal("34.30"), a.factors().get(0).points());
        assertEquals(95, a.factors().get(2).score());
    }

    @Test
    void newBuyerWithoutHistoryIsNeutral() {
        // financial 50 x .35 = 17.5, payment 50 x .35 = 17.5, disputes 100 x .1 = 10, age 1 year -> 10 x .1 = 1,
        // signals 100 x .1 = 10: 56 -> grade 5
        var a = Assessment.of(new Assessment.Inputs(null, null, null, AS_OF.minusYears(1), Set.of(), AS_OF),
                ScoringPolicy.DEFAULT);
        assertEquals(56, a.score());
        assertEquals(5, a.grade());
    }

    @Test
    void insolvencyFilingMeansGradeTen() {
        var a = Assessment.of(new Assessment.Inputs(HEALTHY, BigDecimal.ZERO, BigDecimal.ZERO, LocalDate.of(2000, 1, 1),
                Set.of(WarningSignal.INSOLVENCY_FILING), AS_OF), ScoringPolicy.DEFAULT);
        assertEquals(10, a.grade());
        assertEquals(0, a.factors().get(4).score());
    }

    @Test
    void distressedBuyerOfUnknownAgeWithLegalProceedingsExplainsEveryFactor() {
        // financial: Z'' -1.53 is below 0 -> 0, x0.35 = 0.00; payment: 30 days late -> 50, x0.35 = 17.50;
        // disputes: no invoices -> 100, x0.10 = 10.00; age unknown -> 0; signals: legal proceedings -40 -> 60,
        // x0.10 = 6.00; total 33.50 -> 34 (half up), grade 7 (floor 30)
        var distressed = AltmanZScoreTest.statement("10000000", "2000000", "3000000", "9000000", "-2000000", "-500000",
                "1000000");
        var a = Assessment.of(new Assessment.Inputs(distressed, new BigDecimal("30"), null, null,
                Set.of(WarningSignal.LEGAL_PROCEEDINGS), AS_OF), ScoringPolicy.DEFAULT);
        assertEquals(34, a.score());
        assertEquals(7, a.grade());
        assertEquals(new Assessment.Factor("financial-strength", 0, new BigDecimal("0.35"), new BigDecimal("0.00"),
                "Altman Z'' -1.53 (DISTRESS) for fiscal year 2025"), a.factors().get(0));
        assertEquals(new Assessment.Factor("payment-behaviour", 50, new BigDecimal("0.35"), new BigDecimal("17.50"),
                "payment index 50: 30 days beyond terms, weighted by amount"), a.factors().get(1));
        assertEquals(new Assessment.Factor("disputes", 100, new BigDecimal("0.10"), new BigDecimal("10.00"),
                "no invoices to dispute yet"), a.factors().get(2));
        assertEquals(new Assessment.Factor("age-of-business", 0, new BigDecimal("0.10"), new BigDecimal("0.00"),
                "founding date unknown"), a.factors().get(3));
        assertEquals(new Assessment.Factor("warning-signals", 60, new BigDecimal("0.10"), new BigDecimal("6.00"),
                "open: [LEGAL_PROCEEDINGS]"), a.factors().get(4));
    }

    @Test
    void cashRichBuyerWithoutDebtsTopsOutFinancialStrengthAtHundred() {
        // financial: Z'' 108.29 is above 5.00 -> 100, x0.35 = 35.00; payment: nothing paid yet -> 50, x0.35 = 17.50;
        // disputes: 0% -> 100, x0.10 = 10.00; age: 10 years (mature) -> 100, x0.10 = 10.00; signals none -> 100,
        // x0.10 = 10.00; total 82.50 -> 83 (half up), grade 2 (floor 80)
        var noDebts = AltmanZScoreTest.statement("10000000", "3000000", "0", "0", "2000000", "1000000", "10000000");
        var a = Assessment.of(new Assessment.Inputs(noDebts, null, BigDecimal.ZERO, AS_OF.minusYears(10), Set.of(),
                AS_OF), ScoringPolicy.DEFAULT);
        assertEquals(83, a.score());
        assertEquals(2, a.grade());
        assertEquals(100, a.factors().get(0).score());
        assertEquals("Altman Z'' 108.29 (SAFE) for fiscal year 2025", a.factors().get(0).explanation());
        assertEquals("no paid invoices on this ledger yet: neutral 50", a.factors().get(1).explanation());
        assertEquals("0.0% of the invoiced amount disputed", a.factors().get(2).explanation());
        assertEquals("10 years in business", a.factors().get(3).explanation());
        assertEquals("no open warning signals", a.factors().get(4).explanation());
    }
}
