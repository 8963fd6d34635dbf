package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.tradecredit.common.domain.Violation;

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
        // a copy that keeps a missing entry, so that violations() can name it
        byGrade = byGrade == null ? null : Collections.unmodifiableList(new ArrayList<>(byGrade));
    }

    /** Every setting that cannot work, each named {@code prefix} + its field; empty when the formula may be used. */
    List<Violation> violations(String prefix) {
        List<Violation> errors = new ArrayList<>();
        if (byGrade == null || byGrade.size() != 10) {
            errors.add(new Violation(prefix + "byGrade", "needs one pair of rates per grade 1-10"));
            return errors;
        }
        for (int i = 0; i < 10; i++) {
            String field = prefix + "byGrade[" + i + "]";
            Rates r = byGrade.get(i);
            if (r == null) {
                errors.add(new Violation(field, "is required"));
                continue;
            }
            rate(errors, field + ".ofNetWorth", r.ofNetWorth());
            rate(errors, field + ".ofRevenue", r.ofRevenue());
        }
        return errors;
    }

    private static void rate(List<Violation> errors, String field, BigDecimal rate) {
        if (rate == null || rate.signum() < 0) {
            errors.add(new Violation(field, "must be a rate of 0 or more (0.20 = 20%)"));
        }
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
