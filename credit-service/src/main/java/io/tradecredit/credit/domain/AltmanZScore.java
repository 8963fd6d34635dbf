package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Altman's Z''-score for private (and non-manufacturing) firms:
 * 6.56·WC/TA + 3.26·RE/TA + 6.72·EBIT/TA + 1.05·Equity/TL. Above 2.60 safe, 1.10 to 2.60 grey,
 * below 1.10 distress.
 */
public record AltmanZScore(BigDecimal value, Zone zone) {
    public enum Zone {
        SAFE, GREY, DISTRESS
    }

    static final BigDecimal SAFE_ABOVE = new BigDecimal("2.60");
    static final BigDecimal DISTRESS_BELOW = new BigDecimal("1.10");
    private static final MathContext MC = MathContext.DECIMAL64;

    public static AltmanZScore of(FinancialStatement s) {
        BigDecimal ta = s.totalAssets();
        BigDecimal x1 = s.workingCapital().divide(ta, MC);
        BigDecimal x2 = s.retainedEarnings().divide(ta, MC);
        BigDecimal x3 = s.ebit().divide(ta, MC);
        // no liabilities at all: the equity ratio is capped as if liabilities were 1% of assets
        BigDecimal tl = s.totalLiabilities().signum() > 0 ? s.totalLiabilities() : ta.movePointLeft(2);
        BigDecimal x4 = s.equity().divide(tl, MC);
        BigDecimal z = new BigDecimal("6.56").multiply(x1).add(new BigDecimal("3.26").multiply(x2))
                .add(new BigDecimal("6.72").multiply(x3)).add(new BigDecimal("1.05").multiply(x4))
                .setScale(2, RoundingMode.HALF_UP);
        Zone zone = z.compareTo(SAFE_ABOVE) > 0 ? Zone.SAFE : z.compareTo(DISTRESS_BELOW) < 0 ? Zone.DISTRESS : Zone.GREY;
        return new AltmanZScore(z, zone);
    }
}
