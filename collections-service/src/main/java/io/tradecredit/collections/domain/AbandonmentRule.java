package io.tradecredit.collections.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * When a small debt is not worth collecting (docs/domain.md §3 "Abandon small debts"): the
 * expected cost of collecting it exceeds the amount. Per currency, never converted:
 * <pre>
 * expected cost = costPerStep (in the debt's currency) x stepsToCollect + agencyFeePercent % of the debt
 * </pre>
 * A debt is worth abandoning only when that cost is strictly more than the debt in
 * <em>every</em> currency the buyer owes; a currency the tenant set no cost per step for costs
 * only the agency fee, which never exceeds the debt, so it is always worth collecting.
 *
 * @param costPerStep what one more step (a letter, a call, a demand) costs the tenant, per currency
 * @param stepsToCollect how many more steps collecting a debt takes, as the tenant estimates it
 * @param agencyFeePercent the success fee a partner agency would keep, in percent (0 to 100); for a case an agency
 *        holds, its contract's ({@link #withAgencyFee})
 */
public record AbandonmentRule(CurrencyThresholds costPerStep, int stepsToCollect, BigDecimal agencyFeePercent) {
    // before DEFAULT: the constructor DEFAULT calls reads it
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /**
     * Chosen here (§3 gives no figures): no cost per step (nothing is abandoned until the tenant
     * sets its costs), 3 more steps, a 25% agency fee.
     */
    public static final AbandonmentRule DEFAULT = new AbandonmentRule(CurrencyThresholds.NONE, 3, new BigDecimal("25"));

    /** One currency's debt against what collecting it is expected to cost. */
    public record Judgement(Money overdue, Money expectedCost) {
        public boolean worthAbandoning() {
            return expectedCost.isGreaterThan(overdue);
        }
    }

    public AbandonmentRule {
        List<Violation> wrong = new ArrayList<>(costPerStep.violations("costPerStep"));
        if (stepsToCollect < 0) {
            wrong.add(new Violation("stepsToCollect", "must be 0 or more, was " + stepsToCollect));
        }
        if (agencyFeePercent == null || agencyFeePercent.signum() < 0 || agencyFeePercent.compareTo(HUNDRED) > 0) {
            wrong.add(new Violation("agencyFeePercent", "must be from 0 to 100"));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("abandonment-rule.invalid", "The abandonment terms are inconsistent", wrong);
        }
    }

    /**
     * The rule for a case with a partner agency: the fee its contract takes ({@code contractFeePercent}) instead of
     * the tenant's estimate, which is for a case no agency holds (null: this rule).
     */
    public AbandonmentRule withAgencyFee(BigDecimal contractFeePercent) {
        return contractFeePercent == null ? this : new AbandonmentRule(costPerStep, stepsToCollect, contractFeePercent);
    }

    /** The expected cost of collecting {@code overdue}, in its currency. */
    public Money expectedCost(Money overdue) {
        Money steps = costPerStep.in(overdue.currency()).map(c -> c.times(BigDecimal.valueOf(stepsToCollect)))
                .orElse(Money.zero(overdue.currency()));
        return steps.plus(overdue.times(agencyFeePercent.divide(HUNDRED)));
    }

    /** Each currency's debt (zero amounts left out) with its expected cost. */
    public List<Judgement> judge(List<Money> overdue) {
        return overdue.stream().filter(Money::isPositive).map(m -> new Judgement(m, expectedCost(m))).toList();
    }

    /** Whether the debt is worth abandoning: something is overdue, and in every currency it costs more to collect than it is. */
    public boolean worthAbandoning(List<Money> overdue) {
        List<Judgement> judged = judge(overdue);
        return !judged.isEmpty() && judged.stream().allMatch(Judgement::worthAbandoning);
    }

    /**
     * The judgements when the debt is worth abandoning; otherwise refused (422
     * {@code abandonment.worth-collecting}) naming each currency that is worth collecting, or
     * saying nothing is overdue.
     */
    public List<Judgement> requireWorthAbandoning(List<Money> overdue) {
        List<Judgement> judged = judge(overdue);
        if (judged.isEmpty()) {
            throw DomainError.unprocessable("abandonment.nothing-overdue", "Nothing is overdue: there is nothing to abandon");
        }
        List<Violation> worthCollecting = judged.stream().filter(j -> !j.worthAbandoning())
                .map(j -> new Violation("overdue." + j.overdue().currencyCode(), j.overdue() + " overdue costs an expected "
                        + j.expectedCost() + " to collect: worth collecting"))
                .toList();
        if (!worthCollecting.isEmpty()) {
            throw new DomainError(DomainError.Kind.UNPROCESSABLE, "abandonment.worth-collecting",
                    "The debt costs less to collect than it is worth", worthCollecting);
        }
        return judged;
    }
}
