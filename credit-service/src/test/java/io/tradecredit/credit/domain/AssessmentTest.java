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
    void weightsMustAddUpToOne() {
        var d = ScoringPolicy.DEFAULT;
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ScoringPolicy(new BigDecimal("0.5"), d.paymentWeight(), d.disputeWeight(), d.ageWeight(),
                        d.signalWeight(), d.gradeFloors(), d.signalPenalty(), 10, d.disputeShareForZero()));
    }
}
