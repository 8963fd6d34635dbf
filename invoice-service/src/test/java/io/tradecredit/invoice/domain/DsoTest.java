package io.tradecredit.invoice.domain;

import static io.tradecredit.invoice.domain.LateChargePolicyTest.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class DsoTest {
    @Test
    void receivables300000OnSales900000Over90DaysIs30Days() {
        assertEquals(new BigDecimal("30.0"), Dso.of(cny("300000.00"), cny("900000.00"), 90).days());
    }

    @Test
    void roundsToOneDecimalHalfUp() {
        // 1,000 / 8,000 x 90 = 11.25 -> 11.3
        assertEquals(new BigDecimal("11.3"), Dso.of(cny("1000.00"), cny("8000.00"), 90).days());
        // 100 / 300 x 91 = 30.333... -> 30.3
        assertEquals(new BigDecimal("30.3"), Dso.of(cny("100.00"), cny("300.00"), 91).days());
    }

    @Test
    void receivablesAboveThePeriodsSalesGiveMoreDaysThanThePeriod() {
        // 1,200,000 / 900,000 x 90 = 120.0
        assertEquals(new BigDecimal("120.0"), Dso.of(cny("1200000.00"), cny("900000.00"), 90).days());
    }

    @Test
    void withoutSalesThereIsNoDsoButAReason() {
        Dso dso = Dso.of(cny("5000.00"), cny("0.00"), 90);
        assertNull(dso.days());
        assertEquals("no credit sales in the 90 days up to the date", dso.reason());
    }

    @Test
    void oneDayPeriodIsTheShortestThereIs() {
        // 50 / 100 x 1 = 0.5 days
        assertEquals(new BigDecimal("0.5"), Dso.of(cny("50.00"), cny("100.00"), 1).days());
        var e = assertThrows(RuntimeException.class, () -> Dso.of(cny("50.00"), cny("100.00"), 0));
        assertEquals("periodDays must be at least 1", e.getMessage());
    }
}
