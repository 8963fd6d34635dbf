package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

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

    @Test
    void floorsMustBeTenDescendingScoresEndingWithZero() {
        var nine = assertThrows(RuntimeException.class, () -> withFloors(List.of(90, 80, 70, 60, 50, 40, 30, 20, 0)));
        assertEquals("gradeFloors needs 10 descending scores ending with 0", nine.getMessage());
        var notEndingWithZero = assertThrows(RuntimeException.class,
                () -> withFloors(List.of(90, 80, 70, 60, 50, 40, 30, 20, 10, 5)));
        assertEquals("gradeFloors needs 10 descending scores ending with 0", notEndingWithZero.getMessage());
        var twoGradesOneFloor = assertThrows(RuntimeException.class,
                () -> withFloors(List.of(90, 80, 70, 60, 50, 50, 30, 20, 10, 0)));
        assertEquals("gradeFloors must descend", twoGradesOneFloor.getMessage());
        var rising = assertThrows(RuntimeException.class,
                () -> withFloors(List.of(90, 80, 70, 60, 50, 40, 30, 10, 20, 0)));
        assertEquals("gradeFloors must descend", rising.getMessage());
    }

    @Test
    void weightsAddingUpToMoreThanOneAreNamed() {
        // 0.50 + 0.35 + 0.10 + 0.10 + 0.10 = 1.15
        var d = ScoringPolicy.DEFAULT;
        var e = assertThrows(RuntimeException.class,
                () -> new ScoringPolicy(new BigDecimal("0.50"), d.paymentWeight(), d.disputeWeight(), d.ageWeight(),
                        d.signalWeight(), d.gradeFloors(), d.signalPenalty(), 10, d.disputeShareForZero()));
        assertEquals("factor weights must add up to 1, not 1.15", e.getMessage());
    }
}
