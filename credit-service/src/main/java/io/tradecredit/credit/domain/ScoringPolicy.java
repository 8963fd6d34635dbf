package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tradecredit.common.domain.Violation;

/**
 * How a tenant turns a buyer's factors into a score 0-100 and a grade 1-10 (1 best). Factor
 * weights add up to 1; {@code gradeFloors[i]} is the lowest score of grade i+1; each open
 * warning signal takes its penalty off the signals factor. Defaults below; tenants change them.
 */
public record ScoringPolicy(BigDecimal financialWeight, BigDecimal paymentWeight, BigDecimal disputeWeight,
        BigDecimal ageWeight, BigDecimal signalWeight, List<Integer> gradeFloors, Map<WarningSignal, Integer> signalPenalty,
        Integer matureAfterYears, BigDecimal disputeShareForZero) {

    public static final ScoringPolicy DEFAULT = new ScoringPolicy(new BigDecimal("0.35"), new BigDecimal("0.35"),
            new BigDecimal("0.10"), new BigDecimal("0.10"), new BigDecimal("0.10"),
            List.of(90, 80, 70, 60, 50, 40, 30, 20, 10, 0),
            Map.of(WarningSignal.LEGAL_PROCEEDINGS, 40, WarningSignal.RATING_DOWNGRADE, 30,
                    WarningSignal.PAYMENT_DEFAULT_ELSEWHERE, 50, WarningSignal.INSOLVENCY_FILING, 100),
            10, new BigDecimal("0.20"));

    public ScoringPolicy {
        // copies that keep a missing entry, so that violations() can name it
        if (signalPenalty != null) {
            Map<WarningSignal, Integer> copy = new EnumMap<>(WarningSignal.class);
            copy.putAll(signalPenalty);
            signalPenalty = Collections.unmodifiableMap(copy);
        }
        gradeFloors = gradeFloors == null ? null : Collections.unmodifiableList(new ArrayList<>(gradeFloors));
    }

    /** Every setting that cannot work, each named {@code prefix} + its field; empty when the policy may be used. */
    List<Violation> violations(String prefix) {
        List<Violation> errors = new ArrayList<>();
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        weights.put("financialWeight", financialWeight);
        weights.put("paymentWeight", paymentWeight);
        weights.put("disputeWeight", disputeWeight);
        weights.put("ageWeight", ageWeight);
        weights.put("signalWeight", signalWeight);
        BigDecimal sum = BigDecimal.ZERO;
        for (var w : weights.entrySet()) {
            if (w.getValue() == null) {
                errors.add(new Violation(prefix + w.getKey(), "is required"));
            } else if (w.getValue().signum() < 0) {
                errors.add(new Violation(prefix + w.getKey(), "must not be negative"));
            } else {
                sum = sum.add(w.getValue());
            }
        }
        if (errors.isEmpty() && sum.compareTo(BigDecimal.ONE) != 0) {
            // no one weight is wrong, the five together are: each is named
            for (String w : weights.keySet()) {
                errors.add(new Violation(prefix + w, "the five weights must add up to 1, not " + sum.toPlainString()));
            }
        }
        floorViolations(prefix + "gradeFloors", errors);
        if (signalPenalty == null) {
            errors.add(new Violation(prefix + "signalPenalty", "is required"));
        } else {
            for (WarningSignal signal : WarningSignal.values()) {
                Integer penalty = signalPenalty.get(signal);
                // a signal left out is named: it would cost a buyer nothing
                if (penalty == null || penalty < 0 || penalty > 100) {
                    errors.add(new Violation(prefix + "signalPenalty." + signal, "must be 0 to 100 points"));
                }
            }
        }
        if (matureAfterYears == null || matureAfterYears < 1) {
            errors.add(new Violation(prefix + "matureAfterYears", "must be at least 1 year"));
        }
        if (disputeShareForZero == null || disputeShareForZero.signum() <= 0) {
            errors.add(new Violation(prefix + "disputeShareForZero", "must be greater than 0"));
        }
        return errors;
    }

    /** Ten floors, one per grade, each below the one before, the last 0 (every score has a grade). */
    private void floorViolations(String field, List<Violation> errors) {
        if (gradeFloors == null || gradeFloors.size() != 10) {
            errors.add(new Violation(field, "needs 10 descending scores ending with 0"));
            return;
        }
        for (int i = 0; i < 10; i++) {
            Integer floor = gradeFloors.get(i);
            if (floor == null) {
                errors.add(new Violation(field + "[" + i + "]", "is required"));
            } else if (i > 0 && gradeFloors.get(i - 1) != null && floor >= gradeFloors.get(i - 1)) {
                errors.add(new Violation(field + "[" + i + "]", "must be below the floor before it ("
                        + gradeFloors.get(i - 1) + ")"));
            } else if (i == 9 && floor != 0) {
                errors.add(new Violation(field + "[9]", "must be 0: every score has a grade"));
            }
        }
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
