package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/** credit-service's view of one invoice, following the invoice's events. */
class InvoicePositionTest {
    static final UUID INVOICE = UUID.randomUUID();
    static final UUID BUYER = UUID.randomUUID();
    static final LocalDate DUE = LocalDate.of(2026, 6, 30);
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static LedgerChange disputed(String open, String delta) {
        return new LedgerChange(INVOICE, null, null, cny(open), null, new BigDecimal(delta), null, null);
    }

    @Test
    void anIssuedInvoiceIsOpenForItsTotalUntilDue() {
        var p = InvoicePosition.open("acme", BUYER, new LedgerChange(INVOICE, "INV-1", cny("10000.00"), null, DUE, null,
                null, null), T0);
        assertEquals(new BuyerLedger.Position("CNY", new BigDecimal("10000.00"), new BigDecimal("10000.00"), DUE,
                BigDecimal.ZERO, null, null), p.toPosition());
        assertEquals(T0, p.updatedAt);
    }

    @Test
    void aChangeAboutAnInvoiceNeverSeenStartsNothing() {
        assertNull(InvoicePosition.open("acme", BUYER, LedgerChange.open(INVOICE, cny("4000.00")), T0));
    }

    @Test
    void paymentsDisputesAndTheFinalPaymentAreTakenOver() {
        var p = InvoicePosition.open("acme", BUYER, new LedgerChange(INVOICE, "INV-1", cny("10000.00"),
                cny("10000.00"), DUE, null, null, null), T0);
        // 4,000 paid: 6,000 open
        p.apply(LedgerChange.open(INVOICE, cny("6000.00")), T0.plusDays(1));
        // 2,500 disputed, then 1,000 more; the dispute of 2,500 ends: 1,000 still disputed, 3,500 ever disputed
        p.apply(disputed("6000.00", "2500"), T0.plusDays(2));
        p.apply(disputed("6000.00", "1000"), T0.plusDays(3));
        p.apply(disputed("6000.00", "-2500"), T0.plusDays(4));
        assertEquals(0, new BigDecimal("1000").compareTo(p.disputedAmount));
        assertEquals(0, new BigDecimal("3500").compareTo(p.disputedTotal));
        // an ending dispute never leaves less than nothing disputed
        p.apply(disputed("6000.00", "-5000"), T0.plusDays(5));
        assertEquals(0, BigDecimal.ZERO.compareTo(p.disputedAmount));
        // the rest paid 12 days late
        p.apply(new LedgerChange(INVOICE, null, null, cny("0.00"), null, null, DUE.plusDays(12), 12), T0.plusDays(40));
        assertEquals(new BuyerLedger.Position("CNY", new BigDecimal("10000.00"), new BigDecimal("0.00"), DUE,
                new BigDecimal("3500"), DUE.plusDays(12), 12), p.toPosition());
        assertEquals(T0.plusDays(40), p.updatedAt);
    }

    /**
     * A bounced payment: 100,000 due 1 March, paid 28 February (0 days past due), the payment reversed on 5 March.
     * The invoice is open again and no longer paid: on 29 June, still unpaid, it is 120 days beyond terms
     * (payment index 20), where the paid day left standing counted it paid on time (80).
     */
    @Test
    void aReversalThatReopensTheInvoiceClearsItsPaidDay() {
        LocalDate due = LocalDate.of(2026, 3, 1);
        var p = InvoicePosition.open("acme", BUYER, new LedgerChange(INVOICE, "INV-1", cny("100000.00"),
                cny("100000.00"), due, null, null, null), T0);
        p.apply(new LedgerChange(INVOICE, null, null, cny("0.00"), null, null, LocalDate.of(2026, 2, 28), 0), T0);
        // a later event that leaves nothing open (the receipt confirmed on 2 March) keeps it paid
        p.apply(LedgerChange.open(INVOICE, cny("0.00")), T0.plusDays(1));
        assertEquals(LocalDate.of(2026, 2, 28), p.paidOn);
        assertEquals(0, p.daysPastDue);
        p.apply(LedgerChange.open(INVOICE, cny("100000.00")), T0.plusDays(4));
        assertEquals(new BuyerLedger.Position("CNY", new BigDecimal("100000.00"), new BigDecimal("100000.00"), due,
                BigDecimal.ZERO, null, null), p.toPosition());
        BigDecimal days = new BuyerLedger(List.of(p.toPosition())).weightedDaysBeyondTerms(LocalDate.of(2026, 6, 29));
        assertEquals(new BigDecimal("120.0"), days);
        assertEquals(20, PaymentIndex.of(days));
        // paid again on 10 July: 131 days late
        p.apply(new LedgerChange(INVOICE, null, null, cny("0.00"), null, null, LocalDate.of(2026, 7, 10), 131), T0);
        assertEquals(LocalDate.of(2026, 7, 10), p.paidOn);
        assertEquals(131, p.daysPastDue);
    }

    /**
     * 10,000 due 30 June: the buyer pays 4,000 on 12 July, its insurer's indemnity settles the 6,000 left on
     * 3 October (95 days past due): the position keeps whose money it was, the buyer's at its 12 days. The insurer's
     * payment reversed (open again) clears it with the paid day; paid again by the buyer, nothing was the insurer's.
     */
    @Test
    void anInvoiceSettledByTheInsurerKeepsWhoPaidWhat() {
        var p = InvoicePosition.open("acme", BUYER, new LedgerChange(INVOICE, "INV-1", cny("10000.00"),
                cny("10000.00"), DUE, null, null, null), T0);
        p.apply(LedgerChange.open(INVOICE, cny("6000.00")), T0.plusDays(41));
        p.apply(LedgerChange.paid(INVOICE, cny("0.00"), DUE.plusDays(95), 95,
                new LedgerChange.PaidBefore(cny("4000.00"), 12), cny("6000.00")), T0.plusDays(124));
        assertEquals(new BuyerLedger.Position("CNY", new BigDecimal("10000.00"), new BigDecimal("0.00"), DUE,
                BigDecimal.ZERO, DUE.plusDays(95), 95, null, null, BigDecimal.ZERO, new BigDecimal("4000.00"), 12,
                new BigDecimal("6000.00")), p.toPosition());
        p.apply(LedgerChange.open(INVOICE, cny("6000.00")), T0.plusDays(125));
        assertNull(p.paidByInsurer);
        assertNull(p.paidOn);
        p.apply(LedgerChange.paid(INVOICE, cny("0.00"), DUE.plusDays(130), 130, null, null), T0.plusDays(160));
        assertNull(p.paidByInsurer);
        assertEquals(130, p.daysPastDue);
    }

    /**
     * 1,243.00 due 30 June: 1,000.00 paid on the due date, the 243.00 left credited on 29 August. The note took
     * 243.00 off (credited, not paid), and invoice-service's paid (settledBy CREDIT_NOTE) counts the days to the
     * buyer's payment: the position weighs 1,000.00 paid on time. A later note on the settled invoice (an upheld
     * dispute's, paid back as buyer credit) takes nothing off and credits nothing more.
     */
    @Test
    void whatACreditNoteTakesOffTheOpenAmountIsCreditedNotPaid() {
        var p = InvoicePosition.open("acme", BUYER, new LedgerChange(INVOICE, "INV-1", cny("1243.00"),
                cny("1243.00"), DUE, null, null, null), T0);
        p.apply(LedgerChange.open(INVOICE, cny("243.00")), T0.plusDays(29));
        assertEquals(0, BigDecimal.ZERO.compareTo(p.credited));
        p.apply(LedgerChange.creditNote(INVOICE, cny("0.00")), T0.plusDays(89));
        p.apply(new LedgerChange(INVOICE, null, null, cny("0.00"), null, null, DUE.plusDays(60), 0), T0.plusDays(89));
        assertEquals(new BuyerLedger.Position("CNY", new BigDecimal("1243.00"), new BigDecimal("0.00"), DUE,
                BigDecimal.ZERO, DUE.plusDays(60), 0, null, null, new BigDecimal("243.00")), p.toPosition());
        assertEquals(new BigDecimal("1000.00"), p.toPosition().paid());
        p.apply(LedgerChange.creditNote(INVOICE, cny("0.00")), T0.plusDays(120));
        assertEquals(new BigDecimal("243.00"), p.credited);
        // notes add up: 500.00 then 200.00 off an open 1,243.00
        var twice = InvoicePosition.open("acme", BUYER, new LedgerChange(INVOICE, "INV-1", cny("1243.00"),
                cny("1243.00"), DUE, null, null, null), T0);
        twice.apply(LedgerChange.creditNote(INVOICE, cny("743.00")), T0);
        twice.apply(LedgerChange.creditNote(INVOICE, cny("543.00")), T0);
        assertEquals(new BigDecimal("700.00"), twice.credited);
        assertEquals(new BigDecimal("543.00"), twice.openAmount);
        // a note never credits less than nothing, whatever open amount it tells
        twice.apply(LedgerChange.creditNote(INVOICE, cny("600.00")), T0);
        assertEquals(new BigDecimal("700.00"), twice.credited);
    }

    @Test
    void aWriteOffKeepsWhatWasGivenUpAndWhen() {
        var p = InvoicePosition.open("acme", BUYER, new LedgerChange(INVOICE, "INV-1", cny("10000.00"),
                cny("10000.00"), DUE, null, null, null), T0);
        p.apply(LedgerChange.open(INVOICE, cny("6000.00")), T0.plusDays(1));
        p.apply(LedgerChange.writeOff(INVOICE, cny("0.00"), cny("6000.00"), DUE.plusDays(95)), T0.plusDays(200));
        assertEquals(new BuyerLedger.Position("CNY", new BigDecimal("10000.00"), new BigDecimal("0.00"), DUE,
                BigDecimal.ZERO, null, null, new BigDecimal("6000.00"), DUE.plusDays(95)), p.toPosition());
        // the buyer had paid 4,000 of it, last 12 days past due, as invoice-service's written-off tells it
        var partPaid = InvoicePosition.open("acme", BUYER, new LedgerChange(INVOICE, "INV-1", cny("10000.00"),
                cny("10000.00"), DUE, null, null, null), T0);
        partPaid.apply(LedgerChange.open(INVOICE, cny("6000.00")), T0.plusDays(1));
        partPaid.apply(LedgerChange.writeOff(INVOICE, cny("0.00"), cny("6000.00"), DUE.plusDays(95),
                new LedgerChange.PaidBefore(cny("4000.00"), 12)), T0.plusDays(200));
        assertEquals(new BuyerLedger.Position("CNY", new BigDecimal("10000.00"), new BigDecimal("0.00"), DUE,
                BigDecimal.ZERO, null, null, new BigDecimal("6000.00"), DUE.plusDays(95), BigDecimal.ZERO,
                new BigDecimal("4000.00"), 12), partPaid.toPosition());
        // the insurer's indemnity paid 3,000 of it before the rest was written off as the insured loss
        var insured = InvoicePosition.open("acme", BUYER, new LedgerChange(INVOICE, "INV-1", cny("10000.00"),
                cny("10000.00"), DUE, null, null, null), T0);
        insured.apply(LedgerChange.open(INVOICE, cny("7000.00")), T0.plusDays(1));
        insured.apply(LedgerChange.writeOff(INVOICE, cny("0.00"), cny("7000.00"), DUE.plusDays(95), null,
                cny("3000.00")), T0.plusDays(200));
        assertEquals(new BigDecimal("3000.00"), insured.toPosition().paidByInsurer());
        assertNull(insured.toPosition().paidByBuyer());
        // a write-off always says its day (the reader takes the event's business day, or today's)
        assertThrows(NullPointerException.class, () -> LedgerChange.writeOff(INVOICE, cny("0.00"), cny("500.00"), null));
    }
}
