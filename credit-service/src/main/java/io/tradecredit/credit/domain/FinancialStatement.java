package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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

    /** Each reason the figures cannot all be true; empty for a consistent statement. */
    public List<String> inconsistencies() {
        List<String> reasons = new ArrayList<>();
        if (totalAssets.signum() <= 0) {
            reasons.add("totalAssets must be greater than 0");
        }
        if (currentAssets.signum() < 0 || currentLiabilities.signum() < 0 || totalLiabilities.signum() < 0
                || revenue.signum() < 0) {
            reasons.add("assets, liabilities and revenue cannot be negative");
        }
        if (currentAssets.compareTo(totalAssets) > 0) {
            reasons.add("currentAssets exceed totalAssets");
        }
        if (currentLiabilities.compareTo(totalLiabilities) > 0) {
            reasons.add("currentLiabilities exceed totalLiabilities");
        }
        // the balance sheet must balance: assets = liabilities + equity (1% tolerance for rounding)
        BigDecimal gap = totalAssets.subtract(totalLiabilities.add(equity)).abs();
        if (totalAssets.signum() > 0 && gap.compareTo(totalAssets.movePointLeft(2)) > 0) {
            reasons.add("totalAssets (" + totalAssets.toPlainString() + ") differ from totalLiabilities + equity ("
                    + totalLiabilities.add(equity).toPlainString() + ")");
        }
        return reasons;
    }
}
