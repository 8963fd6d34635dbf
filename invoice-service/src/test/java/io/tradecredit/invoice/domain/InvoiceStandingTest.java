package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/** Where one invoice of 1,243.00 (issued 2 Nov 2026, due 2 Dec 2026) stood on a date, from its dated ledger. */
class InvoiceStandingTest {
    static final LocalDate ISSUED = InvoiceRulesTest.ISSUED;
    static final LocalDate DUE = ISSUED.plusDays(30);

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static LedgerEntry entry(Invoice i, LedgerEntry.Kind kind, String amount, LocalDate on) {
        return LedgerEntry.of(i, kind, cny(amount), on, UUID.randomUUID(), "", OffsetDateTime.now(), "test");
    }

    static InvoiceStanding on(Invoice i, List<LedgerEntry> entries, LocalDate day) {
        return InvoiceStanding.of(i, entries, List.of(), day).orElseThrow();
    }

    @Test
    void beforeItsIssueDateAnInvoiceDidNotExist() {
        Invoice i = InvoiceTest.invoiceOf1243();
        assertTrue(InvoiceStanding.of(i, List.of(), List.of(), ISSUED.minusDays(1)).isEmpty());
        InvoiceStanding issued = on(i, List.of(), ISSUED);
        assertEquals(InvoiceStatus.OPEN, issued.status());
        assertEquals(cny("1243.00"), issued.open());
        assertEquals(ISSUED, issued.asOf());
    }

    @Test
    void aPaymentCountsFromTheDayItWasReceivedNotBefore() {
        Invoice i = InvoiceTest.invoiceOf1243();
        List<LedgerEntry> entries = List.of(entry(i, LedgerEntry.Kind.PAYMENT, "1000.00", DUE.minusDays(5)),
                entry(i, LedgerEntry.Kind.PAYMENT, "243.00", DUE.plusDays(10)));
        InvoiceStanding before = on(i, entries, DUE.minusDays(6));
        assertEquals(cny("0.00"), before.paid());
        assertEquals(cny("1243.00"), before.open());
        InvoiceStanding partly = on(i, entries, DUE.plusDays(3));
        assertEquals(cny("1000.00"), partly.paid());
        assertEquals(cny("243.00"), partly.open());
        assertEquals(InvoiceStatus.OVERDUE, partly.status());
        assertEquals(3, partly.daysPastDue());
        InvoiceStanding paid = on(i, entries, DUE.plusDays(10));
        assertEquals(InvoiceStatus.PAID, paid.status());
        assertEquals(0, paid.daysPastDue());
        assertEquals(cny("0.00"), paid.open());
    }

    @Test
    void itIsOverdueFromTheDayAfterTheDueDateWhateverTheRowSays() {
        Invoice i = InvoiceTest.invoiceOf1243(); // the daily job has not run: the row says OPEN
        assertEquals(InvoiceStatus.OPEN, on(i, List.of(), DUE).status());
        assertEquals(0, on(i, List.of(), DUE).daysPastDue());
        InvoiceStanding late = on(i, List.of(), DUE.plusDays(662));
        assertEquals(InvoiceStatus.OVERDUE, late.status());
        assertEquals(662, late.daysPastDue());
        assertEquals(InvoiceStatus.OVERDUE, InvoiceStanding.ofRow(i, DUE.plusDays(1)).status());
        assertEquals(InvoiceStatus.OPEN, InvoiceStanding.ofRow(i, DUE).status());
        assertEquals(1, InvoiceStanding.ofRow(i, DUE.plusDays(1)).daysPastDue());
    }

    @Test
    void aSettledInvoiceIsWrittenOffThenPaidThenCredited() {
        Invoice i = InvoiceTest.invoiceOf1243();
        assertEquals(InvoiceStatus.CREDITED, on(i, List.of(entry(i, LedgerEntry.Kind.CREDIT_NOTE, "1243.00", DUE)),
                DUE).status());
        assertEquals(InvoiceStatus.PAID, on(i, List.of(entry(i, LedgerEntry.Kind.CREDIT_NOTE, "243.00", DUE),
                entry(i, LedgerEntry.Kind.PAYMENT, "1000.00", DUE)), DUE).status());
        InvoiceStanding writtenOff = on(i, List.of(entry(i, LedgerEntry.Kind.PAYMENT, "1000.00", DUE),
                entry(i, LedgerEntry.Kind.WRITE_OFF, "243.00", DUE.plusDays(90))), DUE.plusDays(90));
        assertEquals(InvoiceStatus.WRITTEN_OFF, writtenOff.status());
        assertEquals(cny("243.00"), writtenOff.writtenOff());
        assertEquals(cny("1000.00"), writtenOff.paid());
        assertEquals(cny("0.00"), writtenOff.collectible());
    }

    @Test
    void aReversedPaymentNeverCounted() {
        Invoice i = InvoiceTest.invoiceOf1243();
        List<LedgerEntry> entries = List.of(entry(i, LedgerEntry.Kind.PAYMENT, "1243.00", DUE),
                entry(i, LedgerEntry.Kind.PAYMENT_REVERSAL, "-1243.00", DUE));
        InvoiceStanding s = on(i, entries, DUE.plusDays(1));
        assertEquals(cny("0.00"), s.paid());
        assertEquals(InvoiceStatus.OVERDUE, s.status());
    }

    @Test
    void cancelledFromItsCancellationDayOrAlwaysWhenThatDayIsUnknown() {
        Invoice i = InvoiceTest.invoiceOf1243();
        i.cancel("wrong buyer", DUE.minusDays(10));
        assertEquals(InvoiceStatus.OPEN, on(i, List.of(), DUE.minusDays(11)).status());
        InvoiceStanding cancelled = on(i, List.of(), DUE.minusDays(10));
        assertEquals(InvoiceStatus.CANCELLED, cancelled.status());
        assertEquals(0, on(i, List.of(), DUE.plusDays(5)).daysPastDue());
        assertEquals(cny("0.00"), cancelled.collectible());
        i.closedOn = null;
        assertEquals(InvoiceStatus.CANCELLED, on(i, List.of(), ISSUED).status());
    }

    @Test
    void aDisputedPartIsFrozenOnlyWhileItsDisputeRuns() {
        Invoice i = InvoiceTest.invoiceOf1243();
        var dispute = new BalanceHistory.DisputePeriod(i.id, new BigDecimal("200.00"), DUE.minusDays(3), DUE.plusDays(7));
        var other = new BalanceHistory.DisputePeriod(UUID.randomUUID(), new BigDecimal("50.00"), ISSUED, null);
        InvoiceStanding during = InvoiceStanding.of(i, List.of(), List.of(dispute, other), DUE).orElseThrow();
        assertEquals(cny("200.00"), during.disputed());
        assertEquals(cny("1043.00"), during.collectible());
        InvoiceStanding after = InvoiceStanding.of(i, List.of(), List.of(dispute, other), DUE.plusDays(7)).orElseThrow();
        assertEquals(cny("0.00"), after.disputed());
        assertEquals(cny("1243.00"), after.collectible());
        // never more disputed than open
        List<LedgerEntry> paid = List.of(entry(i, LedgerEntry.Kind.PAYMENT, "1143.00", DUE.minusDays(1)));
        InvoiceStanding capped = InvoiceStanding.of(i, paid, List.of(dispute), DUE).orElseThrow();
        assertEquals(cny("100.00"), capped.disputed());
        assertEquals(cny("0.00"), capped.collectible());
    }

    @Test
    void entriesOfOtherInvoicesAreIgnored() {
        Invoice i = InvoiceTest.invoiceOf1243();
        Invoice other = InvoiceTest.invoiceOf1243();
        InvoiceStanding s = on(i, List.of(entry(other, LedgerEntry.Kind.PAYMENT, "1243.00", ISSUED)), DUE);
        assertEquals(cny("1243.00"), s.open());
        assertEquals(InvoiceStatus.OPEN, s.status());
    }
}
