package io.tradecredit.invoice.domain;

import static io.tradecredit.invoice.domain.LateChargePolicyTest.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** How a statement lists ledger entries and movements of the buyer's credit, and in what order. */
class StatementEntryTest {
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-07T09:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 12, 20);
    static final UUID INVOICE = UUID.randomUUID();

    static StatementEntry onInvoice(LedgerEntry.Kind kind, String amount, String note) {
        return StatementEntry.of(new LedgerEntry(UUID.randomUUID(), "t", null, INVOICE, kind, cny(amount), DAY,
                UUID.randomUUID(), note, AT, "finance"), "INV-000042");
    }

    static CreditMovement movement(CreditMovement.Kind kind, String amount, UUID reference) {
        return new CreditMovement(UUID.randomUUID(), "t", null, kind, cny(amount), cny("0.00"), reference, DAY, AT,
                "finance");
    }

    @Test
    void eachLedgerEntryIsListedOnItsInvoiceUnderItsOwnKindAmountAndNote() {
        // 4,000.00 paid, taken back (-4,000.00), 500.00 credited, the 1,500.00 rest written off
        List<StatementEntry> entries = List.of(onInvoice(LedgerEntry.Kind.PAYMENT, "4000.00", "BANK-1"),
                onInvoice(LedgerEntry.Kind.PAYMENT_REVERSAL, "-4000.00", "cheque bounced"),
                onInvoice(LedgerEntry.Kind.CREDIT_NOTE, "500.00", "CN-000001: damaged"),
                onInvoice(LedgerEntry.Kind.WRITE_OFF, "1500.00", "insolvent"));
        assertEquals(List.of(StatementEntry.Kind.PAYMENT, StatementEntry.Kind.PAYMENT_REVERSAL,
                StatementEntry.Kind.CREDIT_NOTE, StatementEntry.Kind.WRITE_OFF),
                entries.stream().map(StatementEntry::kind).toList());
        assertEquals(List.of(cny("4000.00"), cny("-4000.00"), cny("500.00"), cny("1500.00")),
                entries.stream().map(StatementEntry::amount).toList());
        assertEquals(List.of("BANK-1", "cheque bounced", "CN-000001: damaged", "insolvent"),
                entries.stream().map(StatementEntry::note).toList());
        for (StatementEntry e : entries) {
            assertEquals(INVOICE, e.invoiceId());
            assertEquals("INV-000042", e.invoiceNumber());
            assertEquals(DAY, e.effectiveDate());
            assertEquals(AT, e.createdAt());
            assertFalse(e.isCredit());
        }
    }

    @Test
    void eachMovementOfTheCreditIsListedWithoutAnInvoiceSignedAsItMovedTheCredit() {
        UUID payment = UUID.randomUUID();
        UUID note = UUID.randomUUID();
        UUID application = UUID.randomUUID();
        // 2,000.00 over a payment kept; an upheld dispute's 2,000.00 the buyer had paid kept; 1,500.00 applied
        StatementEntry kept = StatementEntry.of(movement(CreditMovement.Kind.OVERPAYMENT, "2000.00", payment), null, null);
        StatementEntry noteKept = StatementEntry.of(movement(CreditMovement.Kind.CREDIT_NOTE, "2000.00", note), null,
                null);
        StatementEntry applied = StatementEntry.of(movement(CreditMovement.Kind.APPLIED, "-1500.00", application), null,
                null);
        assertEquals(new StatementEntry(StatementEntry.Kind.CREDIT_KEPT, DAY, null, null, cny("2000.00"), payment,
                "kept as credit", null, AT), kept);
        assertEquals(new StatementEntry(StatementEntry.Kind.CREDIT_NOTE_KEPT, DAY, null, null, cny("2000.00"), note,
                "credit note, paid part kept as credit", null, AT), noteKept);
        assertEquals(new StatementEntry(StatementEntry.Kind.CREDIT_APPLIED, DAY, null, null, cny("-1500.00"),
                application, "credit applied to invoices", null, AT), applied);
        assertTrue(Stream.of(kept, noteKept, applied).allMatch(StatementEntry::isCredit));
    }

    @Test
    void theCreditOfAReversedPaymentIsRemovedOnTheDayThePaymentWasReceived() {
        UUID payment = UUID.randomUUID();
        // 500.00 received on 12-05, reversed on 12-20: it never paid, so -500.00 on 12-05
        CreditMovement reversed = movement(CreditMovement.Kind.PAYMENT_REVERSED, "-500.00", payment);
        assertEquals(new StatementEntry(StatementEntry.Kind.CREDIT_REVERSED, LocalDate.of(2026, 12, 5), null, null,
                cny("-500.00"), payment, "payment reversed: credit removed", null, AT),
                StatementEntry.of(reversed, LocalDate.of(2026, 12, 5), null));
        // without the payment's day: on its own
        assertEquals(DAY, StatementEntry.of(reversed, null, null).effectiveDate());
    }

    @Test
    void creditKeptFromACreditNoteNamesTheNoteAndTheInvoiceItCredits() {
        UUID note = UUID.randomUUID();
        // INV-000042 paid in full, its 2,000.00 dispute upheld: CN-000007's 2,000.00 kept as credit
        StatementEntry kept = StatementEntry.of(movement(CreditMovement.Kind.CREDIT_NOTE, "2000.00", note), null,
                new StatementEntry.CreditNoteOf("CN-000007", INVOICE, "INV-000042"));
        assertEquals(new StatementEntry(StatementEntry.Kind.CREDIT_NOTE_KEPT, DAY, INVOICE, "INV-000042",
                cny("2000.00"), note, "credit note CN-000007 on invoice INV-000042, paid part kept as credit",
                "CN-000007", AT), kept);
        // still a movement of the credit, though it names an invoice
        assertTrue(kept.isCredit());
    }

    @Test
    void entriesAreInTheOrderTheyTookEffectThoseOnInvoicesFirstOnADay() {
        StatementEntry keptEarlier = credit(LocalDate.of(2026, 12, 5), AT.plusMinutes(9));
        StatementEntry paidLater = invoice(DAY, AT.plusMinutes(3));
        StatementEntry keptSameDay = credit(DAY, AT.plusMinutes(1));
        StatementEntry paidSameDay = invoice(DAY, AT.plusMinutes(5));
        StatementEntry keptUnrecorded = credit(DAY, null);
        StatementEntry keptAfter = credit(DAY, AT.plusMinutes(2));
        // 12-05 first; on 12-20 the invoice's entries (09:03, 09:05) before the credit's (09:01, 09:02, then no time)
        assertEquals(List.of(keptEarlier, paidLater, paidSameDay, keptSameDay, keptAfter, keptUnrecorded),
                Stream.of(keptUnrecorded, paidSameDay, keptAfter, keptSameDay, paidLater, keptEarlier)
                        .sorted(StatementEntry.IN_ORDER).toList());
    }

    static StatementEntry credit(LocalDate on, OffsetDateTime at) {
        return new StatementEntry(StatementEntry.Kind.CREDIT_KEPT, on, null, null, cny("1.00"), UUID.randomUUID(),
                null, null, at);
    }

    static StatementEntry invoice(LocalDate on, OffsetDateTime at) {
        StatementEntry e = new StatementEntry(StatementEntry.Kind.PAYMENT, on, INVOICE, "INV-000042", cny("1.00"),
                UUID.randomUUID(), null, null, at);
        assertNull(e.note());
        return e;
    }
}
