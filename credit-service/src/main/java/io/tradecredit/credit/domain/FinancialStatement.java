package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.tradecredit.common.domain.Violation;

/**
 * A buyer's balance sheet and income figures for one fiscal year, in one currency. {@link
 * #inconsistencies()} says why a statement cannot be true, so it is refused before use.
 */
public record FinancialStatement(int fiscalYear, String currency, BigDecimal totalAssets, BigDecimal currentAssets,
        BigDecimal currentLiabilities, BigDecimal totalLiabilities, BigDecimal retainedEarnings, BigDecimal ebit,
        BigDecimal equity, BigDecimal revenue, BigDecimal netWorth) {

    public BigDecimal workingCapital() {
        return currentAssets.subtract(currentLiabilities);
    }

    /**
     * Each reason the figures cannot all be true, naming the field it is about as the request names
     * it (the figures are the request's top-level fields); empty for a consistent statement.
     */
    public List<Violation> inconsistencies() {
        List<Violation> reasons = new ArrayList<>();
        if (totalAssets.signum() <= 0) {
            reasons.add(new Violation("totalAssets", "totalAssets must be greater than 0"));
        }
        // retained earnings, EBIT, equity and net worth may be negative (losses); these may not
        notNegative(reasons, "currentAssets", currentAssets);
        notNegative(reasons, "currentLiabilities", currentLiabilities);
        notNegative(reasons, "totalLiabilities", totalLiabilities);
        notNegative(reasons, "revenue", revenue);
        if (currentAssets.compareTo(totalAssets) > 0) {
            reasons.add(new Violation("currentAssets", "currentAssets exceed totalAssets"));
        }
        if (currentLiabilities.compareTo(totalLiabilities) > 0) {
            reasons.add(new Violation("currentLiabilities", "currentLiabilities exceed totalLiabilities"));
        }
        // the balance sheet must balance: assets = liabilities + equity (1% tolerance for rounding)
        BigDecimal gap = totalAssets.subtract(totalLiabilities.add(equity)).abs();
        if (totalAssets.signum() > 0 && gap.compareTo(totalAssets.movePointLeft(2)) > 0) {
            reasons.add(new Violation("totalAssets", "totalAssets (" + totalAssets.toPlainString()
                    + ") differ from totalLiabilities + equity (" + totalLiabilities.add(equity).toPlainString() + ")"));
        }
        return reasons;
    }

    private static void notNegative(List<Violation> reasons, String field, BigDecimal value) {
        if (value.signum() < 0) {
            reasons.add(new Violation(field, field + " cannot be negative"));
        }
    }
}
