package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

class AllocatorTest {
    static final UUID BUYER = UUID.randomUUID();
    static final LocalDate JAN_10 = LocalDate.of(2026, 1, 10);

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    /** An open invoice of the buyer for {@code total} CNY, due and issued as given. */
    static Invoice invoice(String number, String total, LocalDate issued, LocalDate due) {
        Invoice i = InvoiceTest.invoiceOf1243();
        i.invoiceNumber = number;
        i.buyerId = BUYER;
        i.totalAmount = new BigDecimal(total);
        i.issueDate = issued;
        i.dueDate = due;
        return i;
    }

    static List<String> numbersAndAmounts(Allocator.Plan plan) {
        return plan.shares().stream().map(s -> s.invoice().invoiceNumber + "=" + s.amount().amountText()).toList();
    }

    @Test
    void oldestFirstSettlesTheEarliestDueAndPartlyPaysTheNext() {
        Invoice feb = invoice("INV-2", "1243.00", JAN_10, LocalDate.of(2026, 2, 9));
        Invoice jan = invoice("INV-1", "500.00", JAN_10.minusDays(20), JAN_10);
        Invoice mar = invoice("INV-3", "800.00", JAN_10, LocalDate.of(2026, 3, 11));
        // 1,000.00 pays INV-1 (due 10 Jan) 500.00 in full, then 500.00 of INV-2's 1,243.00; INV-3 gets nothing
        Allocator.Plan plan = Allocator.oldestFirst(cny("1000.00"), List.of(mar, feb, jan));
        assertEquals(List.of("INV-1=500.00", "INV-2=500.00"), numbersAndAmounts(plan));
        assertEquals(cny("0.00"), plan.rest());
        assertEquals(List.of(jan, feb), plan.invoices(), "the invoices a payment changes, whose plans it judges");
    }

    @Test
    void paymentLargerThanAllOpenInvoicesLeavesTheRestAsCredit() {
        Invoice a = invoice("INV-1", "1243.00", JAN_10, JAN_10.plusDays(30));
        a.allocate(cny("1000.00")); // 243.00 open
        Invoice b = invoice("INV-2", "500.00", JAN_10, JAN_10.plusDays(60));
        // 1,000.00 - 243.00 - 500.00 = 257.00 left over
        Allocator.Plan plan = Allocator.oldestFirst(cny("1000.00"), List.of(a, b));
        assertEquals(List.of("INV-1=243.00", "INV-2=500.00"), numbersAndAmounts(plan));
        assertEquals(cny("257.00"), plan.rest());
        assertEquals(cny("743.00"), plan.allocated(a.currency()));
    }

    @Test
    void aDisputedPartIsFrozenSoAnUnallocatedPaymentStopsAtTheCollectiblePart() {
        Invoice disputed = invoice("INV-1", "2260.00", JAN_10, JAN_10.plusDays(30));
        disputed.freezeDisputed(cny("260.00"));
        Invoice later = invoice("INV-2", "100.00", JAN_10, JAN_10.plusDays(60));
        // 2,260.00 pays INV-1's collectible 2,000.00 and INV-2's 100.00; 160.00 is left as credit
        Allocator.Plan plan = Allocator.oldestFirst(cny("2260.00"), List.of(later, disputed));
        assertEquals(List.of("INV-1=2000.00", "INV-2=100.00"), numbersAndAmounts(plan));
        assertEquals(cny("160.00"), plan.rest());
        // an invoice disputed in full takes nothing
        Invoice wholly = invoice("INV-3", "50.00", JAN_10, JAN_10.plusDays(1));
        wholly.freezeDisputed(cny("50.00"));
        assertEquals(List.of(), numbersAndAmounts(Allocator.oldestFirst(cny("10.00"), List.of(wholly))));
    }

    @Test
    void sameDueDateIsOrderedByIssueDateThenInvoiceNumber() {
        LocalDate due = JAN_10.plusDays(30);
        Invoice laterIssued = invoice("INV-A", "100.00", JAN_10, due);
        Invoice numberB = invoice("INV-B", "100.00", JAN_10.minusDays(1), due);
        Invoice numberA = invoice("INV-A0", "100.00", JAN_10.minusDays(1), due);
        Allocator.Plan plan = Allocator.oldestFirst(cny("250.00"), List.of(laterIssued, numberB, numberA));
        assertEquals(List.of("INV-A0=100.00", "INV-B=100.00", "INV-A=50.00"), numbersAndAmounts(plan));
    }

    @Test
    void oldestFirstSkipsClosedInvoicesAndOtherCurrencies() {
        Invoice paid = invoice("INV-1", "100.00", JAN_10, JAN_10);
        paid.allocate(cny("100.00"));
        Invoice euro = invoice("INV-2", "100.00", JAN_10, JAN_10);
        euro.currency = "EUR";
        Invoice open = invoice("INV-3", "100.00", JAN_10, JAN_10.plusDays(5));
        Allocator.Plan plan = Allocator.oldestFirst(cny("60.00"), List.of(paid, euro, open));
        assertEquals(List.of("INV-3=60.00"), numbersAndAmounts(plan));
    }

    @Test
    void explicitAllocationOfPartOfThePaymentLeavesTheRestAsCredit() {
        Invoice a = invoice("INV-1", "1243.00", JAN_10, JAN_10.plusDays(30));
        Invoice b = invoice("INV-2", "500.00", JAN_10, JAN_10.plusDays(60));
        // 1,500.00 = 1,000.00 on INV-1 + 400.00 on INV-2 + 100.00 left as credit
        Allocator.Plan plan = Allocator.explicit(cny("1500.00"), "the payment", BUYER,
                List.of(new Allocator.Request(a.id, cny("1000.00")), new Allocator.Request(b.id, cny("400.00"))),
                Map.of(a.id, a, b.id, b));
        assertEquals(List.of("INV-1=1000.00", "INV-2=400.00"), numbersAndAmounts(plan));
        assertEquals(cny("100.00"), plan.rest());
    }

    @Test
    void explicitAllocationsAboveThePaymentAreRefusedNamingAllocations() {
        Invoice a = invoice("INV-1", "1243.00", JAN_10, JAN_10.plusDays(30));
        DomainError e = assertThrows(DomainError.class, () -> Allocator.explicit(cny("300.00"),
                "the payment", BUYER, List.of(new Allocator.Request(a.id, cny("300.01"))), Map.of(a.id, a)));
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals("allocations", e.violations().get(0).field());
    }

    /**
     * Only allocations readable on their own add up: 300.00 paid, 200.00 and 100.00 CNY fit; one more of 50.00 EUR, one
     * without an amount, one of -80.00 and an empty one are named on their own and not summed; 200.00 and 100.01 exceed.
     */
    @Test
    void onlyReadableAllocationsAreAddedUpAgainstThePayment() {
        List<Allocator.Request> fit = new java.util.ArrayList<>(List.of(new Allocator.Request(UUID.randomUUID(), cny("200.00")),
                new Allocator.Request(UUID.randomUUID(), cny("100.00")),
                new Allocator.Request(UUID.randomUUID(), Money.of("50.00", "EUR")),
                new Allocator.Request(UUID.randomUUID(), null), new Allocator.Request(UUID.randomUUID(), cny("-80.00"))));
        fit.add(null);
        assertEquals(java.util.Optional.empty(), Allocator.exceeding(cny("300.00"), "the payment", fit));
        assertEquals(java.util.Optional.of(new Violation("allocations", "add up to " + cny("300.01")
                + ", more than the payment of " + cny("300.00"))), Allocator.exceeding(cny("300.00"), "the payment",
                List.of(new Allocator.Request(UUID.randomUUID(), cny("200.00")),
                        new Allocator.Request(UUID.randomUUID(), cny("100.01")))));
    }

    @Test
    void explicitAllocationAboveTheOpenAmountIsAConflictNamingTheAmount() {
        Invoice a = invoice("INV-1", "1243.00", JAN_10, JAN_10.plusDays(30));
        a.allocate(cny("1200.00")); // 43.00 open
        DomainError e = assertThrows(DomainError.class, () -> Allocator.explicit(cny("300.00"),
                "the payment", BUYER, List.of(new Allocator.Request(a.id, cny("300.00"))), Map.of(a.id, a)));
        assertEquals(DomainError.Kind.CONFLICT, e.kind());
        assertEquals(List.of(new Violation("allocations[0].amount", "invoice INV-1 has only 43.00 CNY open")),
                e.violations());
    }

    @Test
    void explicitAllocationToAPaidInvoiceIsAConflictNamingTheInvoice() {
        Invoice a = invoice("INV-1", "100.00", JAN_10, JAN_10.plusDays(30));
        a.allocate(cny("100.00"));
        DomainError e = assertThrows(DomainError.class, () -> Allocator.explicit(cny("10.00"),
                "the payment", BUYER, List.of(new Allocator.Request(a.id, cny("10.00"))), Map.of(a.id, a)));
        assertEquals(DomainError.Kind.CONFLICT, e.kind());
        assertEquals("allocations[0].invoiceId", e.violations().get(0).field());
    }

    @Test
    void unknownInvoiceAnswers404() {
        UUID unknown = UUID.randomUUID();
        DomainError e = assertThrows(DomainError.class, () -> Allocator.explicit(cny("10.00"),
                "the payment", BUYER, List.of(new Allocator.Request(unknown, cny("10.00"))), Map.of()));
        assertEquals(DomainError.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void anotherBuyersInvoiceOrCurrencyIsABadRequestNamingTheField() {
        Invoice other = invoice("INV-1", "100.00", JAN_10, JAN_10.plusDays(30));
        other.buyerId = UUID.randomUUID();
        Invoice euro = invoice("INV-2", "100.00", JAN_10, JAN_10.plusDays(30));
        euro.currency = "EUR";
        DomainError e = assertThrows(DomainError.class, () -> Allocator.explicit(cny("20.00"),
                "the payment", BUYER, List.of(new Allocator.Request(other.id, cny("10.00")),
                        new Allocator.Request(euro.id, cny("10.00"))), Map.of(other.id, other, euro.id, euro)));
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals(List.of("allocations[0].invoiceId", "allocations[1].amount"),
                e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void requestsAreJudgedOnTheirOwnFieldByField() {
        UUID id = UUID.randomUUID();
        List<Allocator.Request> requests = List.of(new Allocator.Request(id, cny("0.00")),
                new Allocator.Request(id, Money.of("5.00", "EUR")), new Allocator.Request(null, null));
        List<Violation> errors = Allocator.requestViolations(cny("1.00").currency(), requests);
        assertEquals(List.of(new Violation("allocations[0].amount", "must be greater than 0"),
                new Violation("allocations[1].invoiceId", "names an invoice already allocated above"),
                new Violation("allocations[1].amount", "must be in CNY"),
                new Violation("allocations[2].invoiceId", "is required"),
                new Violation("allocations[2].amount", "is required")), errors);
    }
}
