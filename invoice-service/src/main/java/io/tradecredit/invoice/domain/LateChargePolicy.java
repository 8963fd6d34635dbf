package io.tradecredit.invoice.domain;

import java.math.BigDecimal;

/**
 * Late charges under a tenant's (or a buyer's) terms: penalty interest per day on the overdue
 * amount, and a one-off late fee when the invoice reaches {@code feeAfterDays} past due.
 */
public record LateChargePolicy(BigDecimal dailyRate, int feeAfterDays, BigDecimal feeRate) {
    public static final LateChargePolicy DEFAULT =
            new LateChargePolicy(new BigDecimal("0.0005"), 30, new BigDecimal("0.03"));

    public LateChargePolicy {
        if (dailyRate == null || dailyRate.signum() < 0 || feeRate == null || feeRate.signum() < 0) {
            throw new IllegalArgumentException("rates must be zero or positive");
        }
        if (feeAfterDays < 1) {
            throw new IllegalArgumentException("feeAfterDays must be at least 1");
        }
    }
}
