package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import io.tradecredit.credit.domain.LimitFormula.Rates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.Violation;

class LimitFormulaTest {
    static final Rates FLAT = new Rates(new BigDecimal("0.10"), new BigDecimal("0.05"));

    @Test
    void limitIsRoundedDownToWholeUnits() {
        // grade 6: min(7% of 1,234,567.89 = 86,419.75; 4% of 9,000,000 = 360,000) = 86,419.75 -> 86,419
        assertEquals(new BigDecimal("86419"),
                LimitFormula.DEFAULT.recommend(6, new BigDecimal("1234567.89"), new BigDecimal("9000000")));
    }

    @Test
    void noNetWorthOrNoRevenueAllowsNoCredit() {
        assertEquals(new BigDecimal("0"),
                LimitFormula.DEFAULT.recommend(1, BigDecimal.ZERO, new BigDecimal("15000000")));
        assertEquals(new BigDecimal("0"),
                LimitFormula.DEFAULT.recommend(1, new BigDecimal("8000000"), BigDecimal.ZERO));
        assertEquals(new BigDecimal("0"),
                LimitFormula.DEFAULT.recommend(1, new BigDecimal("8000000"), new BigDecimal("-100")));
    }

    @Test
    void tenantsOwnRatesApply() {
        // the same rates for every grade: min(10% of 8,000,000 = 800,000; 5% of 15,000,000 = 750,000) = 750,000
        var flat = new LimitFormula(Collections.nCopies(10, FLAT));
        assertEquals(new BigDecimal("750000"), flat.recommend(10, new BigDecimal("8000000"), new BigDecimal("15000000")));
    }

    @Test
    void formulaNeedsOnePairOfRatesPerGrade() {
        var nine = new Violation("limits.byGrade", "needs one pair of rates per grade 1-10");
        assertEquals(List.of(nine), new LimitFormula(Collections.nCopies(9, FLAT)).violations("limits."));
        assertEquals(List.of(nine), new LimitFormula(Collections.nCopies(11, FLAT)).violations("limits."));
        assertEquals(List.of(nine), new LimitFormula(null).violations("limits."));
        assertEquals(List.of(), LimitFormula.DEFAULT.violations("limits."));
    }

    @Test
    void eachMissingOrNegativeRateIsNamedByGradeAndRate() {
        List<Rates> rates = new ArrayList<>(Collections.nCopies(10, FLAT));
        rates.set(0, null);
        rates.set(3, new Rates(new BigDecimal("-0.01"), null));
        rates.set(9, new Rates(BigDecimal.ZERO, BigDecimal.ZERO));
        String why = "must be a rate of 0 or more (0.20 = 20%)";
        assertEquals(List.of(new Violation("limits.byGrade[0]", "is required"),
                new Violation("limits.byGrade[3].ofNetWorth", why), new Violation("limits.byGrade[3].ofRevenue", why)),
                new LimitFormula(rates).violations("limits."));
    }

    @Test
    void limitFormulaTakesTheSmallerOfNetWorthAndRevenueShares() {
        // grade 3: min(15% of 8,000,000 = 1,200,000; 10% of 15,000,000 = 1,500,000) = 1,200,000
        assertEquals(new BigDecimal("1200000"),
                LimitFormula.DEFAULT.recommend(3, new BigDecimal("8000000"), new BigDecimal("15000000")));
        assertEquals(new BigDecimal("0"), LimitFormula.DEFAULT.recommend(8, new BigDecimal("8000000"),
                new BigDecimal("15000000")));
        assertEquals(new BigDecimal("0"), LimitFormula.DEFAULT.recommend(1, new BigDecimal("-5"), new BigDecimal("100")));
    }
}
