package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import io.tradecredit.credit.domain.LimitFormula.Rates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

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
        var e = assertThrows(RuntimeException.class, () -> new LimitFormula(Collections.nCopies(9, FLAT)));
        assertEquals("one pair of rates per grade 1-10", e.getMessage());
        List<Rates> eleven = new ArrayList<>(Collections.nCopies(11, FLAT));
        assertThrows(RuntimeException.class, () -> new LimitFormula(eleven));
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
