package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * A PAYDEX-like payment index 1-100 from how a buyer paid this tenant: days beyond terms of each
 * paid invoice, weighted by its amount. 80 = pays on time, 100 = a month early, 50 = 30 days
 * late, 20 = 120 days late, 1 = 180 days or more; straight lines between those points.
 */
public final class PaymentIndex {
    /** One settled invoice: how much, and days beyond terms (negative = paid early). */
    public record Settlement(BigDecimal amount, int daysBeyondTerms) {
    }

    /** Days beyond terms from which the index is at its floor of 1; what a debt never paid (written off) counts. */
    public static final int NEVER_PAID_DAYS = 180;

    private static final double[][] POINTS = {{-30, 100}, {0, 80}, {15, 70}, {22, 60}, {30, 50}, {60, 40}, {90, 30},
        {120, 20}, {NEVER_PAID_DAYS, 1}};

    private PaymentIndex() {
    }

    /** Days beyond terms weighted by amount (of one currency), one decimal; null when nothing was paid yet. */
    public static BigDecimal weightedDaysBeyondTerms(List<Settlement> history) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (Settlement s : history) {
            total = total.add(s.amount());
            weighted = weighted.add(s.amount().multiply(BigDecimal.valueOf(s.daysBeyondTerms())));
        }
        return total.signum() == 0 ? null : weighted.divide(total, MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP);
    }

    /** The index for weighted days beyond terms. */
    public static int of(BigDecimal daysBeyondTerms) {
        return PiecewiseLinear.at(daysBeyondTerms.doubleValue(), POINTS);
    }
}
