package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * How a tenant turns a buyer's factors into a score 0-100 and a grade 1-10 (1 best). Factor
 * weights add up to 1; {@code gradeFloors[i]} is the lowest score of grade i+1; each open
 * warning signal takes its penalty off the signals factor. Defaults below; tenants change them.
 */
public record ScoringPolicy(BigDecimal financialWeight, BigDecimal paymentWeight, BigDecimal disputeWeight,
        BigDecimal ageWeight, BigDecimal signalWeight, List<Integer> gradeFloors, Map<WarningSignal, Integer> signalPenalty,
        int matureAfterYears, BigDecimal disputeShareForZero) {

    public static final ScoringPolicy DEFAULT = new ScoringPolicy(new BigDecimal("0.35"), new BigDecimal("0.35"),
            new BigDecimal("0.10"), new BigDecimal("0.10"), new BigDecimal("0.10"),
            List.of(90, 80, 70, 60, 50, 40, 30, 20, 10, 0),
            Map.of(WarningSignal.LEGAL_PROCEEDINGS, 40, WarningSignal.RATING_DOWNGRADE, 30,
                    WarningSignal.PAYMENT_DEFAULT_ELSEWHERE, 50, WarningSignal.INSOLVENCY_FILING, 100),
            10, new BigDecimal("0.20"));

    public ScoringPolicy {
        BigDecimal sum = financialWeight.add(paymentWeight).add(disputeWeight).add(ageWeight).add(signalWeight);
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("factor weights must add up to 1, not " + sum.toPlainString());
        }
        if (gradeFloors.size() != 10 || gradeFloors.get(9) != 0) {
            throw new IllegalArgumentException("gradeFloors needs 10 descending scores ending with 0");
        }
        for (int i = 1; i < 10; i++) {
            if (gradeFloors.get(i) >= gradeFloors.get(i - 1)) {
                throw new IllegalArgumentException("gradeFloors must descend");
            }
        }
        signalPenalty = Map.copyOf(signalPenalty);
        gradeFloors = List.copyOf(gradeFloors);
    }

    /** Grade 1-10 for a score: the first grade whose floor the score reaches. */
    public int gradeOf(int score) {
        for (int i = 0; i < gradeFloors.size(); i++) {
            if (score >= gradeFloors.get(i)) {
                return i + 1;
            }
        }
        return 10;
    }
}
