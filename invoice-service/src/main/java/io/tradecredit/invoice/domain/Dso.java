package io.tradecredit.invoice.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.tradecredit.common.money.Money;

/**
 * Days sales outstanding in one currency: receivables open at the date / credit sales (invoice
 * totals issued in the {@code periodDays} up to the date) × {@code periodDays}, to one decimal,
 * HALF_UP. Without sales in the period there is no meaningful ratio: {@code days} is null and
 * {@code reason} says why.
 */
public record Dso(Money receivables, Money creditSales, int periodDays, BigDecimal days, String reason) {

    public static Dso of(Money receivables, Money creditSales, int periodDays) {
        if (periodDays < 1) {
            throw new IllegalArgumentException("periodDays must be at least 1");
        }
        if (!creditSales.isPositive()) {
            return new Dso(receivables, creditSales, periodDays, null,
                    "no credit sales in the " + periodDays + " days up to the date");
        }
        BigDecimal days = receivables.amount().multiply(BigDecimal.valueOf(periodDays))
                .divide(creditSales.amount(), 1, RoundingMode.HALF_UP);
        return new Dso(receivables, creditSales, periodDays, days, null);
    }
}
