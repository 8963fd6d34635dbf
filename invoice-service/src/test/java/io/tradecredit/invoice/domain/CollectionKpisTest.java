package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/** Collection and bad-debt rates over a 90-day period, worked by hand. */
class CollectionKpisTest {
    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    @Test
    void openingTwoHundredThousandSalesThreeHundredThousandCollectedThreeHundredFiftyWrittenOffSix() {
        // 350,000 / (200,000 + 300,000) = 70.00 %; 6,000 / 300,000 = 2.00 %
        CollectionKpis k = CollectionKpis.of(cny("200000.00"), cny("300000.00"), cny("350000.00"), cny("0.00"),
                cny("6000.00"), 90);
        assertEquals(new BigDecimal("70.00"), k.collectionRatePercent());
        assertEquals(new BigDecimal("2.00"), k.badDebtRatePercent());
        assertNull(k.reason());
        assertEquals(90, k.periodDays());
    }

    @Test
    void whatTheInsurerPaidIsShownApartAndLeftOutOfTheRate() {
        // 100,000 sold, 20,000 paid by the buyer, 50,000 by its credit insurer: 20,000 / 100,000 = 20.00 %, not 70.00 %
        CollectionKpis k = CollectionKpis.of(cny("0.00"), cny("100000.00"), cny("20000.00"), cny("50000.00"),
                cny("0.00"), 90);
        assertEquals(new BigDecimal("20.00"), k.collectionRatePercent());
        assertEquals(cny("50000.00"), k.paidByInsurer());
        assertEquals(cny("20000.00"), k.collected());
    }

    @Test
    void ratesRoundHalfUpToTwoDecimals() {
        // 1,000 / 3,000 = 33.333… → 33.33; 1 / 8 = 12.5 → 12.50; 2,000.50 / 3,000 = 66.6833… → 66.68; 0.25 / 1,000 → 0.03
        assertEquals(new BigDecimal("33.33"), CollectionKpis.of(cny("0.00"), cny("3000.00"), cny("1000.00"), cny("0.00"),
                cny("0.00"), 30).collectionRatePercent());
        assertEquals(new BigDecimal("12.50"), CollectionKpis.of(cny("0.00"), cny("8.00"), cny("1.00"), cny("0.00"),
                cny("1.00"), 30).badDebtRatePercent());
        assertEquals(new BigDecimal("66.68"), CollectionKpis.of(cny("1000.00"), cny("2000.00"), cny("2000.50"), cny("0.00"),
                cny("0.00"), 30).collectionRatePercent());
        assertEquals(new BigDecimal("0.03"), CollectionKpis.of(cny("0.00"), cny("1000.00"), cny("0.00"), cny("0.00"),
                cny("0.25"), 30).badDebtRatePercent());
    }

    @Test
    void withoutSalesThereIsNoBadDebtRateButACollectionRateOfWhatWasOpen() {
        CollectionKpis k = CollectionKpis.of(cny("5000.00"), cny("0.00"), cny("5000.00"), cny("0.00"), cny("0.00"), 90);
        assertEquals(new BigDecimal("100.00"), k.collectionRatePercent());
        assertNull(k.badDebtRatePercent());
        assertEquals("no credit sales in the 90 days up to the date", k.reason());
    }

    @Test
    void withNothingToCollectNeitherRateMeansAnything() {
        CollectionKpis k = CollectionKpis.of(cny("0.00"), cny("0.00"), cny("0.00"), cny("0.00"), cny("0.00"), 60);
        assertNull(k.collectionRatePercent());
        assertNull(k.badDebtRatePercent());
        assertEquals("nothing to collect in the 60 days up to the date", k.reason());
    }
}
