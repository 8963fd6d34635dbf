package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A buyer's score 0-100 and grade 1-10, explained factor by factor: each factor's own score,
 * its weight, the points it contributed and why. An insolvency filing makes the grade 10
 * whatever the rest says.
 */
public record Assessment(int score, int grade, List<Factor> factors) {

    /** One factor: its own score 0-100, its weight, the points it adds to the total, the reason. */
    public record Factor(String name, int score, BigDecimal weight, BigDecimal points, String explanation) {
    }

    /** What the assessment looks at. Any of the first three may be null (not known yet). */
    public record Inputs(FinancialStatement latestStatement, BigDecimal weightedDaysBeyondTerms,
            BigDecimal disputedShare, LocalDate foundedOn, Set<WarningSignal> openSignals, LocalDate asOf) {
    }

    public static Assessment of(Inputs in, ScoringPolicy policy) {
        List<Factor> factors = new ArrayList<>();
        factors.add(financial(in.latestStatement(), policy.financialWeight()));
        factors.add(payment(in.weightedDaysBeyondTerms(), policy.paymentWeight()));
        factors.add(disputes(in.disputedShare(), policy));
        factors.add(age(in.foundedOn(), in.asOf(), policy));
        factors.add(signals(in.openSignals(), policy));
        BigDecimal total = factors.stream().map(Factor::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        int score = total.setScale(0, RoundingMode.HALF_UP).intValue();
        int grade = in.openSignals().contains(WarningSignal.INSOLVENCY_FILING) ? 10 : policy.gradeOf(score);
        return new Assessment(score, grade, List.copyOf(factors));
    }

    private static Factor financial(FinancialStatement s, BigDecimal weight) {
        if (s == null) {
            return factor("financial-strength", 50, weight, "no financial statement on file: neutral 50");
        }
        AltmanZScore z = AltmanZScore.of(s);
        // Z'' 0 -> 0, 1.10 -> 40, 2.60 -> 70, 5.00 and above -> 100
        int score = PiecewiseLinear.at(z.value().doubleValue(),
                new double[][] {{0, 0}, {1.10, 40}, {2.60, 70}, {5.00, 100}});
        return factor("financial-strength", score, weight, "Altman Z'' " + z.value().toPlainString() + " ("
                + z.zone() + ") for fiscal year " + s.fiscalYear());
    }

    private static Factor payment(BigDecimal dbt, BigDecimal weight) {
        if (dbt == null) {
            return factor("payment-behaviour", 50, weight, "no paid invoices on this ledger yet: neutral 50");
        }
        int index = PaymentIndex.of(dbt);
        return factor("payment-behaviour", index, weight, "payment index " + index + ": " + dbt.toPlainString()
                + " days beyond terms, weighted by amount");
    }

    private static Factor disputes(BigDecimal share, ScoringPolicy policy) {
        if (share == null) {
            return factor("disputes", 100, policy.disputeWeight(), "no invoices to dispute yet");
        }
        double ratio = Math.min(1.0, share.doubleValue() / policy.disputeShareForZero().doubleValue());
        int score = (int) Math.round(100 * (1 - ratio));
        return factor("disputes", score, policy.disputeWeight(), share.movePointRight(2).setScale(1, RoundingMode.HALF_UP)
                .toPlainString() + "% of the invoiced amount disputed");
    }

    private static Factor age(LocalDate foundedOn, LocalDate asOf, ScoringPolicy policy) {
        if (foundedOn == null) {
            return factor("age-of-business", 0, policy.ageWeight(), "founding date unknown");
        }
        int years = Math.max(0, Period.between(foundedOn, asOf).getYears());
        int score = Math.min(100, 100 * years / policy.matureAfterYears());
        return factor("age-of-business", score, policy.ageWeight(), years + " years in business");
    }

    private static Factor signals(Set<WarningSignal> open, ScoringPolicy policy) {
        int penalty = open.stream().mapToInt(s -> policy.signalPenalty().getOrDefault(s, 0)).sum();
        int score = Math.max(0, 100 - penalty);
        return factor("warning-signals", score, policy.signalWeight(),
                open.isEmpty() ? "no open warning signals" : "open: " + open.stream().sorted().toList());
    }

    private static Factor factor(String name, int score, BigDecimal weight, String why) {
        return new Factor(name, score, weight, weight.multiply(BigDecimal.valueOf(score)).setScale(2, RoundingMode.HALF_UP),
                why);
    }
}
