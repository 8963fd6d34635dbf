package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The recommended credit limit: min(a% of net worth, b% of annual revenue), with a and b set
 * per grade by the tenant. Grades whose rates are zero get no credit (prepayment only).
 * Rounded down to whole currency units: a limit is a ceiling, never rounded up.
 */
public record LimitFormula(List<Rates> byGrade) {

    /** The two rates for one grade, as fractions (0.20 = 20%). */
    public record Rates(BigDecimal ofNetWorth, BigDecimal ofRevenue) {
    }

    public static final LimitFormula DEFAULT = new LimitFormula(List.of(
            rates("0.20", "0.15"), rates("0.18", "0.12"), rates("0.15", "0.10"), rates("0.12", "0.08"),
            rates("0.10", "0.06"), rates("0.07", "0.04"), rates("0.04", "0.02"), rates("0", "0"),
            rates("0", "0"), rates("0", "0")));

    public LimitFormula {
        if (byGrade.size() != 10) {
            throw new IllegalArgumentException("one pair of rates per grade 1-10");
        }
        byGrade = List.copyOf(byGrade);
    }

    public BigDecimal recommend(int grade, BigDecimal netWorth, BigDecimal annualRevenue) {
        Rates r = byGrade.get(grade - 1);
        // a negative net worth or revenue allows nothing, as zero does
        BigDecimal byWorth = netWorth.max(BigDecimal.ZERO).multiply(r.ofNetWorth());
        BigDecimal byRevenue = annualRevenue.max(BigDecimal.ZERO).multiply(r.ofRevenue());
        return byWorth.min(byRevenue).setScale(0, RoundingMode.DOWN);
    }

    private static Rates rates(String worth, String revenue) {
        return new Rates(new BigDecimal(worth), new BigDecimal(revenue));
    }
}
