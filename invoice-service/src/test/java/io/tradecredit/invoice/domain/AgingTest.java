package io.tradecredit.invoice.domain;

import static io.tradecredit.invoice.domain.LateChargePolicyTest.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.Aging.Bucket;

class AgingTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);

    static OpenItem item(Money open, LocalDate due) {
        return new OpenItem(UUID.randomUUID(), UUID.randomUUID(), due, open);
    }

    @Test
    void threeInvoicesFallIntoTheirBuckets() {
        var rows = Aging.of(List.of(
                item(cny("1000.00"), LocalDate.of(2027, 1, 10)),    // not yet due: current
                item(cny("2000.00"), LocalDate.of(2026, 12, 16)),   // 15 DPD
                item(cny("3000.00"), LocalDate.of(2026, 10, 1))),   // 91 DPD
                AS_OF);
        assertEquals(1, rows.size());
        Aging.Row cnyRow = rows.get(0);
        assertEquals("CNY", cnyRow.currency());
        assertEquals(new Aging.Sum(cny("1000.00"), 1), cnyRow.bucket(Bucket.CURRENT));
        assertEquals(new Aging.Sum(cny("2000.00"), 1), cnyRow.bucket(Bucket.DPD_1_30));
        assertEquals(new Aging.Sum(cny("0.00"), 0), cnyRow.bucket(Bucket.DPD_31_60));
        assertEquals(new Aging.Sum(cny("0.00"), 0), cnyRow.bucket(Bucket.DPD_61_90));
        assertEquals(new Aging.Sum(cny("3000.00"), 1), cnyRow.bucket(Bucket.OVER_90));
        assertEquals(new Aging.Sum(cny("6000.00"), 3), cnyRow.total());
    }

    @Test
    void bucketEdgesAreInclusive() {
        assertEquals(Bucket.CURRENT, Bucket.of(0));
        assertEquals(Bucket.DPD_1_30, Bucket.of(1));
        assertEquals(Bucket.DPD_1_30, Bucket.of(30));
        assertEquals(Bucket.DPD_31_60, Bucket.of(31));
        assertEquals(Bucket.DPD_31_60, Bucket.of(60));
        assertEquals(Bucket.DPD_61_90, Bucket.of(61));
        assertEquals(Bucket.DPD_61_90, Bucket.of(90));
        assertEquals(Bucket.OVER_90, Bucket.of(91));
    }

    @Test
    void currenciesAreNeverAddedTogether() {
        var rows = Aging.of(List.of(item(cny("500.00"), AS_OF), item(Money.of("70.00", "USD"), AS_OF.minusDays(45)),
                item(cny("250.00"), AS_OF.minusDays(45))), AS_OF);
        assertEquals(List.of("CNY", "USD"), rows.stream().map(Aging.Row::currency).toList());
        assertEquals(new Aging.Sum(cny("750.00"), 2), rows.get(0).total());
        assertEquals(new Aging.Sum(Money.of("70.00", "USD"), 1), rows.get(1).bucket(Bucket.DPD_31_60));
    }

    @Test
    void settledInvoicesAreNotCounted() {
        var rows = Aging.of(List.of(item(cny("0.00"), AS_OF.minusDays(10)), item(cny("100.00"), AS_OF.minusDays(10))),
                AS_OF);
        assertEquals(new Aging.Sum(cny("100.00"), 1), rows.get(0).bucket(Bucket.DPD_1_30));
        assertEquals(List.of(), Aging.of(List.of(item(cny("0.00"), AS_OF)), AS_OF));
    }

    /** The database sums a tenant's receivables per currency and due date; the buckets add the sums and their counts. */
    @Test
    void totalsByDueDateFallIntoTheirBucketsWithTheirInvoices() {
        var rows = Aging.ofTotals(List.of(
                new Aging.DueDateTotal(LocalDate.of(2026, 12, 16), cny("2000.00"), 3),   // 15 DPD
                new Aging.DueDateTotal(LocalDate.of(2026, 12, 1), cny("500.00"), 2),     // 30 DPD
                new Aging.DueDateTotal(LocalDate.of(2027, 1, 10), cny("1000.00"), 4),    // current
                new Aging.DueDateTotal(LocalDate.of(2026, 12, 1), cny("0.00"), 0)),      // nothing open
                AS_OF);
        assertEquals(1, rows.size());
        assertEquals(new Aging.Sum(cny("1000.00"), 4), rows.get(0).bucket(Bucket.CURRENT));
        assertEquals(new Aging.Sum(cny("2500.00"), 5), rows.get(0).bucket(Bucket.DPD_1_30));
        assertEquals(new Aging.Sum(cny("3500.00"), 9), rows.get(0).total());
    }
}
