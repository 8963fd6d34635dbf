package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

class PaymentTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 22, 9, 0, 0, 0, ZoneOffset.UTC);
    static final UUID BUYER = UUID.randomUUID();

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static Payment payment(String amount, String leftAsCredit) {
        NewPayment p = new NewPayment(BUYER, cny(amount), TODAY, "BANK-1", null);
        return Payment.post("acme", UUID.randomUUID(), p, cny(leftAsCredit), NOW, "finance-user");
    }

    @Test
    void spendingTakesAtMostThePaymentsRemainingCredit() {
        Payment p = payment("1000.00", "100.00");
        assertEquals(cny("60.00"), p.spendCredit(cny("60.00")));
        assertEquals(cny("40.00"), p.spendCredit(cny("50.00")));
        assertEquals(cny("0.00"), p.creditRemaining());
    }

    @Test
    void reversalRemovesTheUnspentCredit() {
        Payment p = payment("1000.00", "100.00");
        p.reverse("posted twice", TODAY, "finance-user");
        assertEquals(PaymentStatus.REVERSED, p.status);
        assertEquals(cny("0.00"), p.creditRemaining());
        assertEquals(cny("100.00"), p.unallocated());
    }

    @Test
    void reversalIsRefusedOnceItsCreditWasApplied() {
        Payment p = payment("1000.00", "100.00");
        p.spendCredit(cny("60.00"));
        DomainError e = assertThrows(DomainError.class, () -> p.reverse("posted twice", TODAY, "x"));
        assertEquals(DomainError.Kind.CONFLICT, e.kind());
        assertTrue(e.detail().startsWith("60.00 CNY of the 100.00 CNY buyer credit"), e.detail());
        assertEquals(PaymentStatus.POSTED, p.status);
    }

    @Test
    void aPaymentIsReversedOnlyOnce() {
        Payment p = payment("1000.00", "0.00");
        p.reverse("posted twice", TODAY, "x");
        assertEquals(DomainError.Kind.CONFLICT, assertThrows(DomainError.class, () -> p.reverse("again", TODAY, "x")).kind());
    }

    @Test
    void newPaymentNamesEveryMissingOrWrongField() {
        NewPayment empty = new NewPayment(null, null, null, null, null);
        assertEquals(List.of("buyerId", "amount", "receivedOn"),
                empty.violations(TODAY).stream().map(Violation::field).toList());
        NewPayment wrong = new NewPayment(BUYER, cny("0.00"), TODAY.plusDays(1), "x".repeat(201),
                List.of(new Allocator.Request(null, cny("1.00"))));
        assertEquals(List.of("amount", "receivedOn", "reference", "allocations[0].invoiceId"),
                wrong.violations(TODAY).stream().map(Violation::field).toList());
    }

    /**
     * 1,000.00 received tomorrow with 1,500.00 allocated to two invoices: receivedOn and allocations are named at once
     * (it named receivedOn alone, and the allocations beyond the payment only on the next try, answered
     * allocation.exceeds-payment); an allocation that cannot be read is left out of the sum (named on its own).
     */
    @Test
    void allocationsBeyondThePaymentAreNamedWithTheOtherFaults() {
        NewPayment p = new NewPayment(BUYER, cny("1000.00"), TODAY.plusDays(1), null, List.of(
                new Allocator.Request(UUID.randomUUID(), cny("900.00")),
                new Allocator.Request(UUID.randomUUID(), cny("600.00"))));
        assertEquals(List.of(new Violation("receivedOn", "must not be in the future"), new Violation("allocations",
                "add up to " + cny("1500.00") + ", more than the payment of " + cny("1000.00"))), p.violations(TODAY));
        NewPayment unreadable = new NewPayment(BUYER, cny("1000.00"), TODAY, null, List.of(
                new Allocator.Request(UUID.randomUUID(), cny("900.00")),
                new Allocator.Request(UUID.randomUUID(), cny("-600.00"))));
        assertEquals(List.of("allocations[1].amount"),
                unreadable.violations(TODAY).stream().map(Violation::field).toList());
        NewPayment fits = new NewPayment(BUYER, cny("1000.00"), TODAY, null, List.of(
                new Allocator.Request(UUID.randomUUID(), cny("400.00")),
                new Allocator.Request(UUID.randomUUID(), cny("600.00"))));
        assertEquals(List.of(), fits.violations(TODAY));
        // alone, it keeps the code it always had
        assertEquals("payment.incomplete", NewPayment.refusalCode(p.violations(TODAY)));
        NewPayment beyond = new NewPayment(BUYER, cny("1000.00"), TODAY, null, List.of(
                new Allocator.Request(UUID.randomUUID(), cny("1000.01"))));
        assertEquals("allocation.exceeds-payment", NewPayment.refusalCode(beyond.violations(TODAY)));
    }

    @Test
    void buyerCreditNeverGoesBelowZero() {
        BuyerCredit credit = new BuyerCredit("acme", BUYER, cny("0.00"));
        // the credit is the buyer's with this tenant: it is stored and locked under both
        assertEquals("acme", credit.tenantId());
        assertEquals(BUYER, credit.buyerId());
        credit.deposit(cny("257.00"));
        credit.withdraw(cny("200.00"));
        assertEquals(cny("57.00"), credit.balance());
        assertThrows(DomainError.class, () -> credit.withdraw(cny("57.01")));
        assertEquals(cny("57.00"), credit.balance());
    }

    @Test
    void referenceIsKeptTrimmedAndABlankOneIsNone() {
        Payment p = Payment.post("acme", UUID.randomUUID(), new NewPayment(BUYER, cny("1000.00"), TODAY, "  BANK-7 ", null),
                cny("0.00"), NOW, "finance-user");
        assertEquals("BANK-7", p.reference);
        assertEquals(cny("1000.00"), p.amount());
        assertNull(Payment.post("acme", UUID.randomUUID(), new NewPayment(BUYER, cny("1.00"), TODAY, "   ", null),
                cny("0.00"), NOW, "finance-user").reference);
        assertNull(Payment.post("acme", UUID.randomUUID(), new NewPayment(BUYER, cny("1.00"), TODAY, null, null),
                cny("0.00"), NOW, "finance-user").reference);
    }

    @Test
    void referenceOf200CharactersReceivedTodayIsAccepted() {
        var p = new NewPayment(BUYER, cny("1000.00"), TODAY, "R".repeat(200), null);
        assertEquals(List.of(), p.violations(TODAY));
    }

    @Test
    void withoutAllocationsThePaymentGoesOldestFirstAnEmptyListKeepsItAsCredit() {
        assertFalse(new NewPayment(BUYER, cny("1000.00"), TODAY, null, null).explicit());
        assertTrue(new NewPayment(BUYER, cny("1000.00"), TODAY, null, List.of()).explicit());
    }
}
