package io.tradecredit.credit.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.tradecredit.credit.domain.FinancialStatement;

/** A financial statement for one fiscal year; amounts in {@code currency}. */
public record StatementRequest(@NotNull @Min(1900) @Max(2100) Integer fiscalYear,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency,
        @NotNull BigDecimal totalAssets, @NotNull BigDecimal currentAssets, @NotNull BigDecimal currentLiabilities,
        @NotNull BigDecimal totalLiabilities, @NotNull BigDecimal retainedEarnings, @NotNull BigDecimal ebit,
        @NotNull BigDecimal equity, @NotNull BigDecimal revenue, @NotNull BigDecimal netWorth) {

    public FinancialStatement toStatement() {
        return new FinancialStatement(fiscalYear, currency, totalAssets, currentAssets, currentLiabilities,
                totalLiabilities, retainedEarnings, ebit, equity, revenue, netWorth);
    }
}
