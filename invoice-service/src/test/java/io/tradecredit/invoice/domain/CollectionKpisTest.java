package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

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
        CollectionKpis k = CollectionKpis.of(cny("200000.00"), cny("300000.00"), cny("0.00"), cny("350000.00"), cny("0.00"),
                cny("6000.00"), 90);
        assertEquals(new BigDecimal("70.00"), k.collectionRatePercent());
        assertEquals(new BigDecimal("2.00"), k.badDebtRatePercent());
        assertNull(k.reason());
        assertEquals(90, k.periodDays());
    }

    @Test
    void whatTheInsurerPaidIsShownApartAndLeftOutOfTheRate() {
        // 100,000 sold, 20,000 paid by the buyer, 50,000 by its credit insurer: 20,000 / 100,000 = 20.00 %, not 70.00 %
        CollectionKpis k = CollectionKpis.of(cny("0.00"), cny("100000.00"), cny("0.00"), cny("20000.00"), cny("50000.00"),
                cny("0.00"), 90);
        assertEquals(new BigDecimal("20.00"), k.collectionRatePercent());
        assertEquals(cny("50000.00"), k.paidByInsurer());
        assertEquals(cny("20000.00"), k.collected());
    }

    @Test
    void ratesRoundHalfUpToTwoDecimals() {
        // 1,000 / 3,000 = 33.333… → 33.33; 1 / 8 = 12.5 → 12.50; 2,000.50 / 3,000 = 66.6833… → 66.68; 0.25 / 1,000 → 0.03
        assertEquals(new BigDecimal("33.33"), CollectionKpis.of(cny("0.00"), cny("3000.00"), cny("0.00"), cny("1000.00"), cny("0.00"),
                cny("0.00"), 30).collectionRatePercent());
        assertEquals(new BigDecimal("12.50"), CollectionKpis.of(cny("0.00"), cny("8.00"), cny("0.00"), cny("1.00"), cny("0.00"),
                cny("1.00"), 30).badDebtRatePercent());
        assertEquals(new BigDecimal("66.68"), CollectionKpis.of(cny("1000.00"), cny("2000.00"), cny("0.00"), cny("2000.50"), cny("0.00"),
                cny("0.00"), 30).collectionRatePercent());
        assertEquals(new BigDecimal("0.03"), CollectionKpis.of(cny("0.00"), cny("1000.00"), cny("0.00"), cny("0.00"), cny("0.00"),
                cny("0.25"), 30).badDebtRatePercent());
    }

    @Test
    void withoutSalesThereIsNoBadDebtRateButACollectionRateOfWhatWasOpen() {
        CollectionKpis k = CollectionKpis.of(cny("5000.00"), cny("0.00"), cny("0.00"), cny("5000.00"), cny("0.00"), cny("0.00"), 90);
        assertEquals(new BigDecimal("100.00"), k.collectionRatePercent());
        assertNull(k.badDebtRatePercent());
        assertEquals("no credit sales in the 90 days up to the date", k.reason());
    }

    @Test
    void withNothingToCollectNeitherRateMeansAnything() {
        CollectionKpis k = CollectionKpis.of(cny("0.00"), cny("0.00"), cny("0.00"), cny("0.00"), cny("0.00"), cny("0.00"), 60);
        assertNull(k.collectionRatePercent());
        assertNull(k.badDebtRatePercent());
        assertEquals("nothing to collect in the 60 days up to the date", k.reason());
    }

    @Test
    void whatABuyerPaysBeyondAllItOwedIsPaidInAdvanceAndNotCollected() {
        // 10,000 sold in the period, 12,000 paid: 2,000 in advance; 10,000 / 10,000 = 100.00 %, not 120.00 %
        CollectionKpis k = CollectionKpis.of(cny("0.00"), cny("10000.00"), cny("0.00"), cny("12000.00"), cny("0.00"), cny("0.00"), 90);
        assertEquals(cny("12000.00"), k.collected());
        assertEquals(cny("2000.00"), k.paidInAdvance());
        assertEquals(new BigDecimal("100.00"), k.collectionRatePercent());
        // 4,000 open at the start, 6,000 sold, 10,000 paid: all it owed, nothing in advance, 100.00 %
        CollectionKpis exact = CollectionKpis.of(cny("4000.00"), cny("6000.00"), cny("0.00"), cny("10000.00"), cny("0.00"),
                cny("0.00"), 90);
        assertEquals(cny("0.00"), exact.paidInAdvance());
        assertEquals(new BigDecimal("100.00"), exact.collectionRatePercent());
        // 4,000 open at the start, 6,000 sold, 10,000.01 paid: 0.01 in advance
        assertEquals(cny("0.01"), CollectionKpis.of(cny("4000.00"), cny("6000.00"), cny("0.00"), cny("10000.01"), cny("0.00"),
                cny("0.00"), 90).paidInAdvance());
        // nothing owed, 5,000 paid ahead of any invoice: all of it in advance, no rate
        CollectionKpis ahead = CollectionKpis.of(cny("0.00"), cny("0.00"), cny("0.00"), cny("5000.00"), cny("0.00"), cny("0.00"), 90);
        assertEquals(cny("5000.00"), ahead.paidInAdvance());
        assertNull(ahead.collectionRatePercent());
    }

    @Test
    void oneBuyersAdvanceDoesNotMakeUpForAnotherThatDidNotPay() {
        // buyer A: 10,000 sold, 12,000 paid (2,000 in advance); buyer B: 10,000 sold, nothing paid;
        // buyer C: nothing owed, 5,000 paid ahead; buyer D: 3,000 open at the start, 1,000 paid, 500 paid by its insurer,
        // 400 written off. Collected 18,000, 7,000 of it in advance: (18,000 - 7,000) / (3,000 + 20,000) = 47.83 %,
        // not 18,000 / 23,000 = 78.26 %; bad debt 400 / 20,000 = 2.00 %
        CollectionKpis k = CollectionKpis.of(List.of(
                new CollectionKpis.BuyerPeriod(cny("0.00"), cny("10000.00"), cny("0.00"), cny("12000.00"), cny("0.00"), cny("0.00")),
                new CollectionKpis.BuyerPeriod(cny("0.00"), cny("10000.00"), cny("0.00"), cny("0.00"), cny("0.00"), cny("0.00")),
                new CollectionKpis.BuyerPeriod(cny("0.00"), cny("0.00"), cny("0.00"), cny("5000.00"), cny("0.00"), cny("0.00")),
                new CollectionKpis.BuyerPeriod(cny("3000.00"), cny("0.00"), cny("0.00"), cny("1000.00"), cny("500.00"), cny("400.00"))),
                90);
        assertEquals(cny("3000.00"), k.openingReceivables());
        assertEquals(cny("20000.00"), k.creditSales());
        assertEquals(cny("18000.00"), k.collected());
        assertEquals(cny("7000.00"), k.paidInAdvance());
        assertEquals(cny("500.00"), k.paidByInsurer());
        assertEquals(cny("400.00"), k.writtenOff());
        assertEquals(new BigDecimal("47.83"), k.collectionRatePercent());
        assertEquals(new BigDecimal("2.00"), k.badDebtRatePercent());
        assertNull(k.reason());
    }

    @Test
    void creditNotesTakeBackWhatWasNeverOwedSoTheyAreNotThereToCollect() {
        // 10,000 sold, 2,000 credited for a price dispute, 8,000 paid: 8,000 / (10,000 - 2,000) = 100.00 %, not 80.00 %
        CollectionKpis k = CollectionKpis.of(cny("0.00"), cny("10000.00"), cny("2000.00"), cny("8000.00"), cny("0.00"),
                cny("0.00"), 90);
        assertEquals(cny("2000.00"), k.creditNotes());
        assertEquals(cny("8000.00"), k.toCollect());
        assertEquals(cny("0.00"), k.paidInAdvance());
        assertEquals(new BigDecimal("100.00"), k.collectionRatePercent());
        // 5,000 open at the start, 10,000 sold, 3,000 credited, 6,000 paid: 6,000 / 12,000 = 50.00 %
        assertEquals(new BigDecimal("50.00"), CollectionKpis.of(cny("5000.00"), cny("10000.00"), cny("3000.00"),
                cny("6000.00"), cny("0.00"), cny("0.00"), 90).collectionRatePercent());
        // 10,000 paid on an invoice of 10,000, then 2,000 credited: the 2,000 is the buyer's credit, in advance
        CollectionKpis paidThenCredited = CollectionKpis.of(cny("0.00"), cny("10000.00"), cny("2000.00"),
                cny("10000.00"), cny("0.00"), cny("0.00"), 90);
        assertEquals(cny("2000.00"), paidThenCredited.paidInAdvance());
        assertEquals(new BigDecimal("100.00"), paidThenCredited.collectionRatePercent());
    }

    @Test
    void aNoteOnAnInvoicePaidBeforeThePeriodLeavesNothingToCollectNotLessThanNothing() {
        // buyer A: an invoice paid before the period credited 1,000 in it (its credit), nothing else: to collect 0, not
        // -1,000; buyer B: 4,000 sold, 1,000 paid. The tenant: 1,000 / 4,000 = 25.00 %, not 1,000 / 3,000 = 33.33 %
        CollectionKpis k = CollectionKpis.of(List.of(
                new CollectionKpis.BuyerPeriod(cny("0.00"), cny("0.00"), cny("1000.00"), cny("0.00"), cny("0.00"),
                        cny("0.00")),
                new CollectionKpis.BuyerPeriod(cny("0.00"), cny("4000.00"), cny("0.00"), cny("1000.00"), cny("0.00"),
                        cny("0.00"))), 90);
        assertEquals(cny("1000.00"), k.creditNotes());
        assertEquals(cny("4000.00"), k.toCollect());
        assertEquals(new BigDecimal("25.00"), k.collectionRatePercent());
    }

    @Test
    void badDebtIsTakenOverWhatWasSoldLessWhatWasCredited() {
        // 10,000 sold, 2,000 credited, the 8,000 left written off: 8,000 / (10,000 - 2,000) = 100.00 %, not 80.00 %
        CollectionKpis k = CollectionKpis.of(cny("0.00"), cny("10000.00"), cny("2000.00"), cny("0.00"), cny("0.00"),
                cny("8000.00"), 90);
        assertEquals(new BigDecimal("100.00"), k.badDebtRatePercent());
        assertEquals(new BigDecimal("0.00"), k.collectionRatePercent());
        // 5,000 open at the start, 30,000 sold, 6,000 credited, 600 written off: 600 / 24,000 = 2.50 %
        assertEquals(new BigDecimal("2.50"), CollectionKpis.of(cny("5000.00"), cny("30000.00"), cny("6000.00"),
                cny("20000.00"), cny("0.00"), cny("600.00"), 90).badDebtRatePercent());
        // 5,000 open at the start, 2,000 sold and credited in full, 1,000 paid: a collection rate, no bad-debt rate
        CollectionKpis allCredited = CollectionKpis.of(cny("5000.00"), cny("2000.00"), cny("2000.00"), cny("1000.00"),
                cny("0.00"), cny("0.00"), 90);
        assertEquals(new BigDecimal("20.00"), allCredited.collectionRatePercent());
        assertNull(allCredited.badDebtRatePercent());
        assertEquals("what was sold in the 90 days up to the date was all credited", allCredited.reason());
    }

    @Test
    void whatTheInsurerPaidOrWasWrittenOffIsNotLeftForTheBuyerToPay() {
        // 100,000 sold, 50,000 paid by the insurer, 60,000 by the buyer: it could pay only 50,000 of it, 10,000 is
        // its credit: 50,000 / 100,000 = 50.00 %, not 60.00 %
        CollectionKpis insured = CollectionKpis.of(cny("0.00"), cny("100000.00"), cny("0.00"), cny("60000.00"),
                cny("50000.00"), cny("0.00"), 90);
        assertEquals(cny("10000.00"), insured.paidInAdvance());
        assertEquals(new BigDecimal("50.00"), insured.collectionRatePercent());
        // 10,000 sold and written off, then 10,000 paid (kept as credit, nothing open to pay): 0.00 % collected and
        // 100.00 % bad debt, not 100.00 % of both
        CollectionKpis writtenOff = CollectionKpis.of(cny("0.00"), cny("10000.00"), cny("0.00"), cny("10000.00"),
                cny("0.00"), cny("10000.00"), 90);
        assertEquals(cny("10000.00"), writtenOff.paidInAdvance());
        assertEquals(new BigDecimal("0.00"), writtenOff.collectionRatePercent());
        assertEquals(new BigDecimal("100.00"), writtenOff.badDebtRatePercent());
        // 10,000 sold, 4,000 paid, the 6,000 left written off: 4,000 / 10,000 = 40.00 %, nothing in advance
        CollectionKpis part = CollectionKpis.of(cny("0.00"), cny("10000.00"), cny("0.00"), cny("4000.00"),
                cny("0.00"), cny("6000.00"), 90);
        assertEquals(cny("0.00"), part.paidInAdvance());
        assertEquals(new BigDecimal("40.00"), part.collectionRatePercent());
        // 100,000 sold, 20,000 paid by the buyer, 50,000 by its insurer: 20.00 %, nothing in advance
        assertEquals(cny("0.00"), CollectionKpis.of(cny("0.00"), cny("100000.00"), cny("0.00"), cny("20000.00"),
                cny("50000.00"), cny("0.00"), 90).paidInAdvance());
    }
}
