package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/** A payment's share on one invoice, kept so that a reversal takes back exactly what it paid there. */
class AllocationTest {
    static final OffsetDateTime AT = OffsetDateTime.of(2026, 1, 12, 9, 0, 0, 0, ZoneOffset.UTC);

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    @Test
    void eachShareIsKeptWithItsInvoiceAndAmountSoAReversalPutsBackWhatItPaid() {
        // docs/domain.md §2 (AllocatorTest): 1,000.00 oldest first pays INV-1 (500.00) in full and 500.00 of INV-2 (1,243.00)
        Invoice inv1 = AllocatorTest.invoice("INV-1", "500.00", AllocatorTest.JAN_10.minusDays(20), AllocatorTest.JAN_10);
        Invoice inv2 = AllocatorTest.invoice("INV-2", "1243.00", AllocatorTest.JAN_10, AllocatorTest.JAN_10.plusDays(30));
        Allocator.Plan plan = Allocator.oldestFirst(cny("1000.00"), List.of(inv2, inv1));
        UUID payment = UUID.randomUUID();
        List<Allocation> rows = plan.shares().stream()
                .map(s -> Allocation.of(Allocation.Source.PAYMENT, payment, s, AT)).toList();
        plan.shares().forEach(s -> s.invoice().allocate(s.amount()));
        assertEquals(cny("0.00"), inv1.open());
        assertEquals(cny("743.00"), inv2.open());

        assertEquals(List.of("INV-1", "INV-2"), rows.stream().map(r -> r.invoiceNumber).toList());
        assertEquals(List.of(inv1.id, inv2.id), rows.stream().map(r -> r.invoiceId).toList());
        assertEquals(List.of(cny("500.00"), cny("500.00")), rows.stream().map(Allocation::amount).toList());
        assertEquals(payment, rows.get(0).sourceId);
        assertEquals(Allocation.Source.PAYMENT, rows.get(0).source);

        // the payment bounces: each invoice gets back what its share took
        inv1.reverseAllocation(rows.get(0).amount());
        inv2.reverseAllocation(rows.get(1).amount());
        assertEquals(cny("500.00"), inv1.open());
        assertEquals(cny("1243.00"), inv2.open());
    }

    @Test
    void aShareInACurrencyWithoutDecimalsIsReadInWholeUnits() {
        Invoice yen = AllocatorTest.invoice("INV-9", "120000", AllocatorTest.JAN_10, AllocatorTest.JAN_10.plusDays(30));
        yen.currency = "JPY";
        Allocation row = Allocation.of(Allocation.Source.CREDIT_APPLICATION, UUID.randomUUID(),
                new Allocator.Share(yen, Money.of("50000", "JPY")), AT);
        assertEquals(Money.of("50000", "JPY"), row.amount());
        assertEquals("JPY", row.currency);
    }
}
