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

    @Test
    void creditNotesOnTheSalesWereNeverSoldOnCredit() {
        // 100,000 sold, 50,000 of it credited for returned goods, the other 50,000 open, 90 days:
        // 50,000 / (100,000 - 50,000) x 90 = 90.0 days, not 50,000 / 100,000 x 90 = 45.0
        Dso dso = Dso.of(cny("50000.00"), cny("100000.00"), cny("50000.00"), 90);
        assertEquals(new BigDecimal("90.0"), dso.days());
        assertEquals(cny("50000.00"), dso.creditNotesOnSales());
        // 30,000 open, 90,000 sold, 0.01 credited: 30,000 x 90 / 89,999.99 = 30.00000033… -> 30.0
        assertEquals(new BigDecimal("30.0"), Dso.of(cny("30000.00"), cny("90000.00"), cny("0.01"), 90).days());
        // 1,000 open, 8,000 sold, 4,000 credited, 90 days: 1,000 x 90 / 4,000 = 22.5
        assertEquals(new BigDecimal("22.5"), Dso.of(cny("1000.00"), cny("8000.00"), cny("4000.00"), 90).days());
    }

    @Test
    void salesAllCreditedLeaveNoDsoAndSaySo() {
        Dso all = Dso.of(cny("0.00"), cny("10000.00"), cny("10000.00"), 90);
        assertNull(all.days());
        assertEquals("what was sold in the 90 days up to the date was all credited", all.reason());
        assertEquals("no credit sales in the 90 days up to the date", Dso.of(cny("0.00"), cny("0.00"), 90).reason());
    }
}
