package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

class PaidInFullTest {
    // 1,243.00 due 1 March 2026
    static final LocalDate DUE = LocalDate.of(2026, 3, 1);
    static final LocalDate NOTE_DAY = LocalDate.of(2026, 4, 30);
    static final OffsetDateTime AT = OffsetDateTime.of(2026, 4, 30, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    static LedgerEntry entry(LedgerEntry.Kind kind, UUID reference, LocalDate on, String amount) {
        return new LedgerEntry(UUID.randomUUID(), "acme", UUID.randomUUID(), UUID.randomUUID(), kind,
                Money.of(amount, "CNY"), on, reference, null, AT, "test");
    }

    /** The insurer's indemnity settling it on 1 July: paid that day, 122 days past due counted to it, settled by INSURER. */
    @Test
    void theInsurersPaymentThatSettlesTheInvoiceSaysSo() {
        var paid = PaidInFull.byInsurer(LocalDate.of(2026, 7, 1));
        assertEquals(LocalDate.of(2026, 7, 1), paid.paidOn());
        assertEquals(122, paid.daysPastDue(DUE));
        assertEquals(PaidInFull.SettledBy.INSURER, paid.settledBy());
    }

    @Test
    void aPaymentThatSettlesTheInvoiceCountsToItsOwnDay() {
        var paid = PaidInFull.byPayment(LocalDate.of(2026, 3, 11));
        assertEquals(LocalDate.of(2026, 3, 11), paid.paidOn());
        assertEquals(10, paid.daysPastDue(DUE));
        assertEquals(PaidInFull.SettledBy.PAYMENT, paid.settledBy());
        assertEquals(0, PaidInFull.byPayment(LocalDate.of(2026, 2, 20)).daysPastDue(DUE), "paid early: 0, not -9");
    }

    @Test
    void aCreditNoteForTheRestAfterAPaymentOnTheDueDateIsPaidOnTimeNotOnTheNotesDay() {
        // 1,000.00 paid on 1 March, 243.00 credited on 30 April (price agreed)
        var paid = PaidInFull.byCreditNote(NOTE_DAY, List.of(
                entry(LedgerEntry.Kind.PAYMENT, UUID.randomUUID(), DUE, "1000.00"),
                entry(LedgerEntry.Kind.CREDIT_NOTE, UUID.randomUUID(), NOTE_DAY, "243.00")));
        assertEquals(NOTE_DAY, paid.paidOn());
        assertEquals(DUE, paid.lastPaymentOn());
        assertEquals(0, paid.daysPastDue(DUE));
        assertEquals(PaidInFull.SettledBy.CREDIT_NOTE, paid.settledBy());
    }

    @Test
    void theBuyersLastPaymentStandingCountsNotABouncedOneNorAnEarlierOne() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID bounced = UUID.randomUUID();
        // 500.00 on 5 March, 500.00 on 21 March (posted first, so its entry comes first), 200.00 on 10 April bounced
        var paid = PaidInFull.byCreditNote(NOTE_DAY, List.of(
                entry(LedgerEntry.Kind.PAYMENT, second, LocalDate.of(2026, 3, 21), "500.00"),
                entry(LedgerEntry.Kind.PAYMENT, first, LocalDate.of(2026, 3, 5), "500.00"),
                entry(LedgerEntry.Kind.PAYMENT, bounced, LocalDate.of(2026, 4, 10), "200.00"),
                entry(LedgerEntry.Kind.PAYMENT_REVERSAL, bounced, LocalDate.of(2026, 4, 10), "-200.00"),
                entry(LedgerEntry.Kind.WRITE_OFF, null, LocalDate.of(2026, 4, 20), "1.00")));
        assertEquals(LocalDate.of(2026, 3, 21), paid.lastPaymentOn());
        assertEquals(20, paid.daysPastDue(DUE));
    }

    @Test
    void onePaymentSpreadOverTwoDaysCountsToItsLatestAndWithoutAnyPaymentTheNotesDay() {
        UUID spread = UUID.randomUUID();
        var paid = PaidInFull.byCreditNote(NOTE_DAY, List.of(
                entry(LedgerEntry.Kind.PAYMENT, spread, LocalDate.of(2026, 3, 15), "600.00"),
                entry(LedgerEntry.Kind.PAYMENT, spread, LocalDate.of(2026, 3, 3), "400.00")));
        assertEquals(LocalDate.of(2026, 3, 15), paid.lastPaymentOn());
        assertEquals(NOTE_DAY, PaidInFull.byCreditNote(NOTE_DAY, List.of()).lastPaymentOn());
    }
}
