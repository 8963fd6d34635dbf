package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.Violation;

class ScoringPolicyTest {
    static ScoringPolicy withFloors(List<Integer> floors) {
        var d = ScoringPolicy.DEFAULT;
        return new ScoringPolicy(d.financialWeight(), d.paymentWeight(), d.disputeWeight(), d.ageWeight(),
                d.signalWeight(), floors, d.signalPenalty(), d.matureAfterYears(), d.disputeShareForZero());
    }

    @Test
    void scoreExactlyOnAFloorEarnsThatGrade() {
        // default floors 90, 80, ..., 10, 0: 90 is grade 1, 89 grade 2, 30 grade 7, 0 grade 10
        var p = ScoringPolicy.DEFAULT;
        assertEquals(1, p.gradeOf(100));
        assertEquals(1, p.gradeOf(90));
        assertEquals(2, p.gradeOf(89));
        assertEquals(7, p.gradeOf(30));
        assertEquals(10, p.gradeOf(9));
        assertEquals(10, p.gradeOf(0));
    }

    @Test
    void scoreBelowEveryFloorIsGradeTen() {
        assertEquals(10, ScoringPolicy.DEFAULT.gradeOf(-1));
    }

    @Test
    void tenantsStricterFloorsDecideTheGrade() {
        // floors 95, 85, ..., 15, 0: 94 is only grade 2 here, 15 grade 9, 14 grade 10
        var strict = withFloors(List.of(95, 85, 75, 65, 55, 45, 35, 25, 15, 0));
        assertEquals(1, strict.gradeOf(95));
        assertEquals(2, strict.gradeOf(94));
        assertEquals(9, strict.gradeOf(15));
        assertEquals(10, strict.gradeOf(14));
    }

    static List<Violation> floorProblems(List<Integer> floors) {
        return withFloors(floors).violations("scoring.");
    }

    @Test
    void defaultPolicyHasNoProblem() {
        assertEquals(List.of(), ScoringPolicy.DEFAULT.violations("scoring."));
    }

    @Test
    void floorsMustBeTenDescendingScoresEndingWithZeroEachNamedByItsPlace() {
        assertEquals(List.of(new Violation("scoring.gradeFloors", "needs 10 descending scores ending with 0")),
                floorProblems(List.of(90, 80, 70, 60, 50, 40, 30, 20, 0)));
        assertEquals(List.of(new Violation("scoring.gradeFloors", "needs 10 descending scores ending with 0")),
                floorProblems(List.of(90, 80, 70, 60, 50, 40, 30, 20, 10, 5, 0)));
        assertEquals(List.of(new Violation("scoring.gradeFloors", "needs 10 descending scores ending with 0")),
                withFloors(null).violations("scoring."));
        assertEquals(List.of(new Violation("scoring.gradeFloors[9]", "must be 0: every score has a grade")),
                floorProblems(List.of(90, 80, 70, 60, 50, 40, 30, 20, 10, 5)));
        // grades 5 and 6 share the floor 50: the sixth is named
        assertEquals(List.of(new Violation("scoring.gradeFloors[5]", "must be below the floor before it (50)")),
                floorProblems(List.of(90, 80, 70, 60, 50, 50, 30, 20, 10, 0)));
        // 10 then 20: the rise is named where it happens
        assertEquals(List.of(new Violation("scoring.gradeFloors[8]", "must be below the floor before it (10)")),
                floorProblems(List.of(90, 80, 70, 60, 50, 40, 30, 10, 20, 0)));
        assertEquals(List.of(new Violation("scoring.gradeFloors[9]", "must be below the floor before it (0)")),
                floorProblems(List.of(90, 80, 70, 60, 50, 40, 30, 20, 0, 0)));
        List<Integer> gap = new ArrayList<>(List.of(90, 80, 70, 60, 50, 40, 30, 20, 10, 0));
        gap.set(3, null);
        assertEquals(List.of(new Violation("scoring.gradeFloors[3]", "is required")), floorProblems(gap));
    }

    @Test
    void weightsAddingUpToMoreThanOneNameEveryWeight() {
        // 0.50 + 0.35 + 0.10 + 0.10 + 0.10 = 1.15
        var d = ScoringPolicy.DEFAULT;
        var p = new ScoringPolicy(new BigDecimal("0.50"), d.paymentWeight(), d.disputeWeight(), d.ageWeight(),
                d.signalWeight(), d.gradeFloors(), d.signalPenalty(), 10, d.disputeShareForZero());
        String why = "the five weights must add up to 1, not 1.15";
        assertEquals(List.of(new Violation("scoring.financialWeight", why), new Violation("scoring.paymentWeight", why),
                new Violation("scoring.disputeWeight", why), new Violation("scoring.ageWeight", why),
                new Violation("scoring.signalWeight", why)), p.violations("scoring."));
    }

    @Test
    void aMissingOrNegativeWeightIsNamedAlone() {
        // 1.10 - 0.10 = 1: the sum would do, the sign does not
        var d = ScoringPolicy.DEFAULT;
        var negative = new ScoringPolicy(new BigDecimal("0.45"), d.paymentWeight(), d.disputeWeight(),
                new BigDecimal("-0.10"), new BigDecimal("0.20"), d.gradeFloors(), d.signalPenalty(), 10,
                d.disputeShareForZero());
        assertEquals(List.of(new Violation("scoring.ageWeight", "must not be negative")), negative.violations("scoring."));
        var missing = new ScoringPolicy(d.financialWeight(), null, d.disputeWeight(), d.ageWeight(), d.signalWeight(),
                d.gradeFloors(), d.signalPenalty(), 10, d.disputeShareForZero());
        assertEquals(List.of(new Violation("scoring.paymentWeight", "is required")), missing.violations("scoring."));
        // a factor may be left out with a weight of 0: 0.45 + 0.35 + 0.10 + 0.10 + 0 = 1
        var noSignals = new ScoringPolicy(new BigDecimal("0.45"), d.paymentWeight(), d.disputeWeight(), d.ageWeight(),
                BigDecimal.ZERO, d.gradeFloors(), d.signalPenalty(), 10, d.disputeShareForZero());
        assertEquals(List.of(), noSignals.violations("scoring."));
    }

    @Test
    void penaltiesAgeAndDisputeShareMustBeUsable() {
        var d = ScoringPolicy.DEFAULT;
        Map<WarningSignal, Integer> penalties = new HashMap<>(d.signalPenalty());
        penalties.put(WarningSignal.RATING_DOWNGRADE, 101);
        penalties.put(WarningSignal.LEGAL_PROCEEDINGS, -1);
        var p = new ScoringPolicy(d.financialWeight(), d.paymentWeight(), d.disputeWeight(), d.ageWeight(),
                d.signalWeight(), d.gradeFloors(), penalties, 0, BigDecimal.ZERO);
        assertEquals(List.of(new Violation("scoring.signalPenalty.LEGAL_PROCEEDINGS", "must be 0 to 100 points"),
                new Violation("scoring.signalPenalty.RATING_DOWNGRADE", "must be 0 to 100 points"),
                new Violation("scoring.matureAfterYears", "must be at least 1 year"),
                new Violation("scoring.disputeShareForZero", "must be greater than 0")), p.violations("scoring."));
        penalties.put(WarningSignal.RATING_DOWNGRADE, 100);
        penalties.put(WarningSignal.LEGAL_PROCEEDINGS, 0);
        var edges = new ScoringPolicy(d.financialWeight(), d.paymentWeight(), d.disputeWeight(), d.ageWeight(),
                d.signalWeight(), d.gradeFloors(), penalties, 1, new BigDecimal("0.01"));
        assertEquals(List.of(), edges.violations("scoring."));
        var none = new ScoringPolicy(d.financialWeight(), d.paymentWeight(), d.disputeWeight(), d.ageWeight(),
                d.signalWeight(), d.gradeFloors(), null, 10, null);
        assertEquals(List.of(new Violation("scoring.signalPenalty", "is required"),
                new Violation("scoring.disputeShareForZero", "must be greater than 0")), none.violations("scoring."));
    }
}
