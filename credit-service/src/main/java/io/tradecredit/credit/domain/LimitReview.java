package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.tradecredit.common.money.Money;

/**
 * What a re-grade does to the limit (docs/domain.md §1, dynamic limits): a fall of at least the
 * policy's threshold cuts it at once to what the new grade allows; an improvement only proposes
 * a higher limit, which waits for a credit manager. The new grade allows the formula's limit on
 * the latest statement, or, without a statement, the current limit scaled by the ratio of the
 * two grades' net-worth rates. A fall's reason gives the figures (the limit before and after the cut, or the one kept
 * with what the grade allows): it is the credit manager's alert and the limit-changed reason.
 */
public final class LimitReview {
    private LimitReview() {
    }

    public enum Kind {
        NONE, CUT, PROPOSE_INCREASE
    }

    public record Outcome(Kind kind, Money newLimit, boolean gradeFellPastThreshold, String reason) {
        static final Outcome NONE = new Outcome(Kind.NONE, null, false, null);
    }

    /**
     * The grade a fall is measured from: the one the limit was last set or judged at, so that a slide of one grade
     * at a time (3, 4, 5, 6) cuts the limit once it adds up to the threshold; without it, the grade before the
     * re-grade.
     */
    public static Integer basis(Integer limitGrade, Integer gradeBefore) {
        return limitGrade != null ? limitGrade : gradeBefore;
    }

    /**
     * @param oldGrade the grade the fall is measured from ({@link #basis}), null when never assessed
     * @param current the approved limit, null when none was approved
     * @param recommended the formula's limit for the new grade, null without a statement in the limit's currency
     */
    public static Outcome afterRegrade(Integer oldGrade, int newGrade, Money current, Money recommended,
            CreditPolicy policy) {
        return afterRegrade(oldGrade, oldGrade, newGrade, current, recommended, policy);
    }

    /**
     * A re-grade from {@code gradeBefore} to {@code newGrade} of a buyer whose limit was last set or judged at
     * {@code limitGrade}: a fall is measured from {@link #basis}; an increase is proposed only when the grade rose in
     * this re-grade (and is better than the limit's), so that a buyer re-assessed at the same grade after a credit
     * manager rejected the proposal is not proposed the same increase again.
     */
    public static Outcome afterRegrade(Integer limitGrade, Integer gradeBefore, int newGrade, Money current,
            Money recommended, CreditPolicy policy) {
        Integer oldGrade = basis(limitGrade, gradeBefore);
        if (oldGrade == null) {
            return Outcome.NONE;
        }
        int drop = newGrade - oldGrade;
        if (drop >= policy.gradeDropThreshold()) {
            String why = "grade fell from " + oldGrade + " to " + newGrade + " (threshold " + policy.gradeDropThreshold()
                    + ")";
            if (current == null || !current.isPositive()) {
                return new Outcome(Kind.NONE, null, true, why);
            }
            Money allowed = recommended != null ? recommended : scaled(current, oldGrade, newGrade, policy.limits());
            return allowed.compareTo(current) < 0
                    ? new Outcome(Kind.CUT, allowed, true, why + ": limit cut from " + current + " to " + allowed)
                    : new Outcome(Kind.NONE, null, true, why + ": limit " + current + " kept, grade " + newGrade
                            + " allows " + allowed);
        }
        boolean rose = gradeBefore != null && newGrade < gradeBefore;
        if (drop < 0 && rose && current != null && recommended != null && recommended.isGreaterThan(current)) {
            return new Outcome(Kind.PROPOSE_INCREASE, recommended, false,
                    "grade rose from " + oldGrade + " to " + newGrade + ": the formula allows more");
        }
        return Outcome.NONE;
    }

    private static Money scaled(Money current, int oldGrade, int newGrade, LimitFormula formula) {
        BigDecimal oldRate = formula.byGrade().get(oldGrade - 1).ofNetWorth();
        BigDecimal newRate = formula.byGrade().get(newGrade - 1).ofNetWorth();
        if (oldRate.signum() == 0) {
            return Money.zero(current.currency());
        }
        BigDecimal amount = current.amount().multiply(newRate).divide(oldRate, 0, RoundingMode.DOWN);
        return new Money(amount, current.currency());
    }
}
