package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class LimitFormulaTest {

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
