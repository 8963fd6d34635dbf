package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.IndemnityPayment.ClaimedInvoice;

/** A payment of a claim's indemnity by the insurer, as the ledger books it. */
class IndemnityPaymentTest {
    static final UUID BUYER = UUID.randomUUID();
    static final UUID CLAIM = UUID.fromString("7d3c1a52-0b8e-4f6a-9c2d-5e4f3a2b1c0d");
    static final LocalDate PAID_ON = LocalDate.of(2026, 12, 3);

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static IndemnityPayment paid(String amount, String soFar, boolean fully) {
        return new IndemnityPayment(CLAIM, "POL-2026-001", "Allianz Trade", BUYER,
                List.of(new ClaimedInvoice("INV-1", null)), cny(amount), cny(soFar), fully, PAID_ON, "zhao.finance");
    }

    static Invoice invoice(String number, String total, UUID buyer, LocalDate due) {
        Invoice i = InvoiceTest.invoiceOf1243();
        i.invoiceNumber = number;
        i.buyerId = buyer;
        i.totalAmount = new BigDecimal(total);
        i.issueDate = due.minusDays(30);
        i.dueDate = due;
        return i;
    }

    @Test
    void eachPaymentOfAClaimHasItsOwnIdTheSameEveryTimeItIsTold() {
        UUID first = paid("50000.00", "50000.00", false).paymentId("t-1");
        assertEquals(first, paid("50000.00", "50000.00", false).paymentId("t-1"));
        assertNotEquals(first, paid("31000.00", "81000.00", true).paymentId("t-1"));
        assertNotEquals(first, paid("50000.00", "50000.00", false).paymentId("t-2"));
        assertEquals(UUID.nameUUIDFromBytes(("indemnity:t-1:" + CLAIM + ":50000.00 CNY").getBytes()), first);
    }

    @Test
    void thePaymentIsTheInsurersAmountOnItsDayWithTheClaimAsReference() {
        NewPayment p = paid("50000.00", "50000.00", false).newPayment();
        assertEquals(new NewPayment(BUYER, cny("50000.00"), PAID_ON, CLAIM.toString(), null), p);
    }

    @Test
    void theIndemnityGoesToTheBuyersClaimedInvoicesOldestFirstAndTheRestIsLeftOver() {
        Invoice newer = invoice("INV-2", "40000.00", BUYER, LocalDate.of(2026, 6, 30));
        Invoice older = invoice("INV-1", "60000.00", BUYER, LocalDate.of(2026, 5, 31));
        Invoice anotherBuyers = invoice("INV-9", "70000.00", UUID.randomUUID(), LocalDate.of(2026, 1, 31));
        // 81,000: 60,000 settles INV-1, 21,000 of INV-2's 40,000; another buyer's invoice takes nothing
        Allocator.Plan plan = paid("81000.00", "81000.00", true).allocate(List.of(newer, anotherBuyers, older));
        assertEquals(List.of("INV-1=60000.00", "INV-2=21000.00"), plan.shares().stream()
                .map(s -> s.invoice().invoiceNumber + "=" + s.amount().amountText()).toList());
        assertEquals(cny("0.00"), plan.rest());
        Allocator.Plan more = paid("120000.00", "120000.00", true).allocate(List.of(newer, older));
        assertEquals(cny("20000.00"), more.rest(), "what no claimed invoice can take is the rest");
    }

    @Test
    void theLedgerPostsOnlyWhatTheClaimedInvoicesStillOweNeverTheBuyersCredit() {
        // DOMAIN §4's 100,000 (INV-1 60,000, INV-2 40,000) approved at 72,000; the buyer paid 40,000 of INV-1 since
        Invoice inv1 = invoice("INV-1", "60000.00", BUYER, LocalDate.of(2026, 5, 31));
        inv1.paidAmount = new BigDecimal("40000.00");
        Invoice inv2 = invoice("INV-2", "40000.00", BUYER, LocalDate.of(2026, 6, 30));
        IndemnityPayment insurer = paid("72000.00", "72000.00", true);
        Allocator.Plan plan = insurer.allocate(List.of(inv2, inv1));
        assertEquals(cny("60000.00"), insurer.posted(plan), "60,000 is open: 12,000 of the 72,000 is not posted");
        assertEquals(new NewPayment(BUYER, cny("60000.00"), PAID_ON, CLAIM.toString(), null),
                insurer.newPayment(insurer.posted(plan)));
        // nothing paid by the buyer: the whole 72,000 is posted
        Allocator.Plan whole = insurer.allocate(List.of(invoice("INV-1", "60000.00", BUYER, LocalDate.of(2026, 5, 31)),
                invoice("INV-2", "40000.00", BUYER, LocalDate.of(2026, 6, 30))));
        assertEquals(cny("72000.00"), insurer.posted(whole));
        // the buyer paid everything: nothing is posted
        inv2.paidAmount = new BigDecimal("40000.00");
        inv1.paidAmount = new BigDecimal("60000.00");
        assertEquals(cny("0.00"), insurer.posted(insurer.allocate(List.of(inv1, inv2))));
    }

    @Test
    void onlyAPaymentOfZeroPaysNothing() {
        // a claim approved at an indemnity of 0 (its loss within the deductible) is settled by a payment of 0
        assertEquals(true, paid("0.00", "0.00", true).paysNothing());
        assertEquals(false, paid("0.01", "0.01", true).paysNothing());
        assertEquals(false, paid("31000.00", "81000.00", true).paysNothing());
    }

    @Test
    void theRestIsWrittenOffAsInsuredLossNamingTheClaim() {
        assertEquals("insured loss: claim " + CLAIM + " under policy POL-2026-001 of Allianz Trade fully paid,"
                + " indemnity 81000.00 CNY", paid("31000.00", "81000.00", true).writeOffReason());
    }

    @Test
    void aPaymentIsTheBuyersUnlessTheInsurerPaidIt() {
        assertEquals(Payer.Kind.BUYER, Payer.BUYER.kind());
        assertNull(Payer.BUYER.name());
        assertEquals(new Payer(Payer.Kind.INSURER, "Allianz Trade"), Payer.insurer(" Allianz Trade "));
        assertThrows(IllegalArgumentException.class, () -> Payer.insurer(" "));
        assertThrows(IllegalArgumentException.class, () -> Payer.insurer(null));
    }

    @Test
    void anInsurersPaymentNamesTheInsurerAsPayer() {
        NewPayment p = paid("50000.00", "50000.00", false).newPayment();
        Payment insurer = Payment.fromInsurer("t-1", UUID.randomUUID(), p, cny("50000.00"), "Allianz Trade",
                cny("0.00"), java.time.OffsetDateTime.now(), "zhao.finance");
        assertEquals(Payer.insurer("Allianz Trade"), insurer.payer());
        assertEquals(CLAIM.toString(), insurer.reference);
        assertEquals(cny("50000.00"), insurer.received(), "all of it posted: received is the amount");
        assertNull(insurer.receivedAmount);
        Payment buyers = Payment.post("t-1", UUID.randomUUID(), p, cny("0.00"), java.time.OffsetDateTime.now(), "f");
        assertEquals(Payer.BUYER, buyers.payer());
        assertEquals(cny("50000.00"), buyers.received());
    }

    @Test
    void anInsurersPaymentPostedOnlyUpToWhatIsOpenStillShowsWhatTheInsurerPaid() {
        // DOMAIN §4: approved at 72,000, the buyer paid 40,000 of the 100,000 claimed first: 60,000 is posted
        IndemnityPayment paid = paid("72000.00", "72000.00", true);
        Payment insurer = Payment.fromInsurer("t-1", UUID.randomUUID(), paid.newPayment(cny("60000.00")),
                paid.amount(), "Allianz Trade", cny("0.00"), java.time.OffsetDateTime.now(), "zhao.finance");
        assertEquals(cny("60000.00"), insurer.amount());
        assertEquals(cny("72000.00"), insurer.received());
    }
}
