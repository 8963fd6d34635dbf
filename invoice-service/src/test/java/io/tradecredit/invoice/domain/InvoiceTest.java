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
import org.junit.jupiter.api.function.Executable;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

class InvoiceTest {
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.UTC);

    static Invoice invoiceOf1243() {
        return Invoice.issue("acme", UUID.randomUUID(), InvoiceRulesTest.complete(), InvoicingPolicy.DEFAULT,
                LateChargeTermsTest.TENANTS_DEFAULTS, NOW);
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    @Test
    void newInvoiceIsOpenForItsTotal() {
        Invoice i = invoiceOf1243();
        assertEquals(InvoiceStatus.OPEN, i.status);
        assertEquals(cny("1243.00"), i.open());
        assertEquals(cny("1100.00"), i.lines.get(0).amount().plus(i.lines.get(1).amount()));
    }

    @Test
    void partialThenFullPaymentClosesTheInvoice() {
        Invoice i = invoiceOf1243();
        assertFalse(i.allocate(cny("1000.00")));
        assertEquals(cny("243.00"), i.open());
        assertTrue(i.allocate(cny("243.00")));
        assertEquals(InvoiceStatus.PAID, i.status);
    }

    @Test
    void allocationBeyondTheOpenAmountIsRefused() {
        Invoice i = invoiceOf1243();
        assertThrows(DomainError.class, () -> i.allocate(cny("1243.01")));
        assertEquals(cny("1243.00"), i.open());
    }

    @Test
    void reversingAPaymentReopensThePaidInvoiceAsOverdueWhenItWas() {
        Invoice i = invoiceOf1243();
        assertTrue(i.markOverdue(i.dueDate.plusDays(1)));
        i.allocate(cny("1243.00"));
        i.reverseAllocation(cny("243.00"));
        assertEquals(InvoiceStatus.OVERDUE, i.status);
        assertEquals(cny("243.00"), i.open());
    }

    @Test
    void disputedPartIsNotCollectible() {
        Invoice i = invoiceOf1243();
        i.freezeDisputed(cny("200.00"));
        assertEquals(cny("1043.00"), i.collectible());
        assertThrows(DomainError.class, () -> i.freezeDisputed(cny("1043.01")));
        i.releaseDisputed(cny("200.00"));
        assertEquals(cny("1243.00"), i.collectible());
    }

    @Test
    void creditNoteForTheWholeOpenAmountCreditsTheInvoice() {
        Invoice i = invoiceOf1243();
        assertTrue(i.credit(cny("1243.00")));
        assertEquals(InvoiceStatus.CREDITED, i.status);
    }

    @Test
    void cancelOnlyBeforeAnyPayment() {
        Invoice paid = invoiceOf1243();
        paid.allocate(cny("1.00"));
        assertThrows(DomainError.class, () -> paid.cancel("wrong buyer", LocalDate.of(2026, 11, 3)));
        Invoice fresh = invoiceOf1243();
        fresh.cancel("wrong buyer", LocalDate.of(2026, 11, 3));
        assertEquals(InvoiceStatus.CANCELLED, fresh.status);
        assertThrows(DomainError.class, () -> fresh.allocate(cny("1.00")));
    }

    @Test
    void writeOffTakesTheOpenRest() {
        Invoice i = invoiceOf1243();
        i.allocate(cny("243.00"));
        assertEquals(cny("1000.00"), i.writeOff("buyer insolvent", LocalDate.of(2027, 3, 1)));
        assertEquals(InvoiceStatus.WRITTEN_OFF, i.status);
        assertEquals(cny("0.00"), i.open());
    }

    @Test
    void becomesOverdueTheDayAfterTheDueDateOnce() {
        Invoice i = invoiceOf1243();
        assertFalse(i.markOverdue(i.dueDate));
        assertTrue(i.markOverdue(i.dueDate.plusDays(1)));
        assertFalse(i.markOverdue(i.dueDate.plusDays(2)));
        assertEquals(i.dueDate.plusDays(1), i.overdueSince);
        assertEquals(10, i.daysPastDue(i.dueDate.plusDays(10)));
        // its late charges are looked at from the day it became overdue
        assertEquals(i.dueDate.plusDays(1), i.lateChargesNextOn);
    }

    @Test
    void aLookAtTheLateChargesRemembersTheStatementAndTheNextLook() {
        Invoice i = invoiceOf1243();
        assertNull(i.lastLateChargeStatement());
        LocalDate day1 = i.dueDate.plusDays(1);
        LateCharges due = new LateCharges(cny("0.62"), cny("0.00"));
        i.lateChargesLookedAt(day1, due, new LateChargeStatement.Judgement(true, day1.plusDays(7)));
        assertEquals(new LateChargeStatement(day1, due), i.lastLateChargeStatement());
        assertEquals(day1.plusDays(7), i.lateChargesNextOn);

        // a look that states nothing keeps the last statement
        i.lateChargesLookedAt(day1.plusDays(7), new LateCharges(cny("4.35"), cny("0.00")),
                new LateChargeStatement.Judgement(false, day1.plusDays(8)));
        assertEquals(new LateChargeStatement(day1, due), i.lastLateChargeStatement());
        assertEquals(day1.plusDays(8), i.lateChargesNextOn);
    }

    @Test
    void receiptIsConfirmedOnce() {
        Invoice i = invoiceOf1243();
        i.confirmReceipt("Li Wei, Globex AP", NOW.plusHours(3));
        assertThrows(DomainError.class, () -> i.confirmReceipt("someone else", NOW.plusHours(4)));
        assertEquals("Li Wei, Globex AP", i.receiptConfirmedBy);
    }

    static void assertRefusedNaming(String expectedMessage, Executable change) {
        assertEquals(expectedMessage, assertThrows(RuntimeException.class, change).getMessage());
    }

    @Test
    void issuedInvoiceKeepsItsTaxAndTotal() {
        Invoice i = invoiceOf1243();
        assertEquals(cny("143.00"), i.tax());
        assertEquals(cny("1243.00"), i.total());
        assertEquals(cny("0.00"), i.paid());
    }

    @Test
    void amountsOfZeroOrLessAreRefusedByName() {
        Invoice i = invoiceOf1243();
        i.allocate(cny("100.00"));
        for (String amount : List.of("0.00", "-1.00")) {
            assertRefusedNaming("The request has an invalid field: amount", () -> i.allocate(cny(amount)));
            assertRefusedNaming("The request has an invalid field: amount", () -> i.reverseAllocation(cny(amount)));
            assertRefusedNaming("The request has an invalid field: amount", () -> i.credit(cny(amount)));
            assertRefusedNaming("The request has an invalid field: amount", () -> i.freezeDisputed(cny(amount)));
        }
        assertEquals(cny("100.00"), i.paid());
        assertEquals(cny("0.00"), i.credited());
        assertEquals(cny("0.00"), i.disputed());
    }

    @Test
    void partialCreditNoteLeavesTheRestOpen() {
        // 1,243.00 - 243.00 credited = 1,000.00 still owed
        Invoice i = invoiceOf1243();
        assertFalse(i.credit(cny("243.00")));
        assertEquals(InvoiceStatus.OPEN, i.status);
        assertEquals(cny("1000.00"), i.open());
    }

    static Invoice invoiceOf10000() {
        Invoice i = invoiceOf1243();
        i.totalAmount = cny("10000.00").amount();
        return i;
    }

    @Test
    void aCreditNoteTakesOnlyTheOpenAmountNotUnderDispute() {
        // 10,000.00 with 3,000.00 disputed: a price credit note may take the 7,000.00 not under dispute
        Invoice i = invoiceOf10000();
        i.freezeDisputed(cny("3000.00"));
        DomainError e = assertThrows(DomainError.class, () -> i.credit(cny("8000.00")));
        assertEquals("invoice.credit-note-exceeds-undisputed", e.code());
        assertEquals("A credit note of 8000.00 CNY exceeds the 7000.00 CNY open and not under dispute on invoice INV-1;"
                + " its disputed 3000.00 CNY is credited by upholding the dispute", e.getMessage());
        assertEquals("invoice.credit-note-exceeds-undisputed",
                assertThrows(DomainError.class, () -> i.credit(cny("7000.01"))).code());
        assertEquals("invoice.credit-note-exceeds-open",
                assertThrows(DomainError.class, () -> i.credit(cny("10000.01"))).code());
        assertFalse(i.credit(cny("7000.00")));
        assertEquals(cny("3000.00"), i.open());
        assertEquals(cny("3000.00"), i.disputed());
    }

    @Test
    void aPaymentThatTookTheDisputedPartLeavesNothingAnOrdinaryCreditNoteMayTake() {
        Invoice i = invoiceOf10000();
        i.freezeDisputed(cny("3000.00"));
        i.allocate(cny("8000.00")); // 2,000.00 open, all of it under dispute
        DomainError e = assertThrows(DomainError.class, () -> i.credit(cny("0.01")));
        assertTrue(e.getMessage().contains("exceeds the 0.00 CNY open and not under dispute"), e.getMessage());
    }

    @Test
    void anUpheldDisputeAfterAPriceCreditNoteCreditsTheBuyerNothingWhenNothingWasPaid() {
        // 10,000.00 with 3,000.00 disputed; a price credit note of 7,000.00; the dispute upheld
        Invoice i = invoiceOf10000();
        i.freezeDisputed(cny("3000.00"));
        i.credit(cny("7000.00"));
        i.releaseDisputed(cny("3000.00")); // as Dispute.resolve does before its credit note
        assertEquals(cny("0.00"), i.creditUpheldDispute(cny("3000.00")));
        assertEquals(cny("10000.00"), i.credited());
        assertEquals(InvoiceStatus.CREDITED, i.status);
    }

    @Test
    void anUpheldDisputeLeavesNoMoreFrozenThanIsStillOpen() {
        // disputes of 3,000.00 and 2,000.00 on 10,000.00; 6,000.00 paid, 1,000.00 of it on the disputed part
        Invoice i = invoiceOf10000();
        i.freezeDisputed(cny("3000.00"));
        i.freezeDisputed(cny("2000.00"));
        i.allocate(cny("6000.00"));
        i.releaseDisputed(cny("3000.00"));
        assertEquals(cny("0.00"), i.creditUpheldDispute(cny("3000.00")));
        assertEquals(cny("1000.00"), i.open());
        assertEquals(cny("1000.00"), i.disputed());
        i.releaseDisputed(cny("2000.00"));
        // of the second dispute, 1,000.00 is still open and 1,000.00 was paid: that is the buyer's credit
        assertEquals(cny("1000.00"), i.creditUpheldDispute(cny("2000.00")));
        assertEquals(InvoiceStatus.PAID, i.status);
    }

    @Test
    void anUpheldDisputeOnAPaidInvoiceCreditsTheBuyerWithWhatWasPaid() {
        Invoice i = invoiceOf1243();
        i.freezeDisputed(cny("200.00"));
        i.allocate(cny("1243.00")); // the payer chose to pay the disputed part too
        assertEquals(InvoiceStatus.PAID, i.status);
        assertEquals(cny("200.00"), i.creditUpheldDispute(cny("200.00")));
        assertEquals(cny("0.00"), i.credited());
        assertEquals(InvoiceStatus.PAID, i.status);
    }

    @Test
    void anUpheldDisputeCreditsTheOpenPartFirstAndTheBuyerWithTheRest() {
        Invoice i = invoiceOf1243();
        i.freezeDisputed(cny("200.00"));
        i.allocate(cny("1143.00")); // 100.00 open, 200.00 disputed
        assertEquals(cny("100.00"), i.creditUpheldDispute(cny("200.00")));
        assertEquals(cny("100.00"), i.credited());
        assertEquals(cny("0.00"), i.open());
        assertEquals(InvoiceStatus.PAID, i.status);
        Invoice open = invoiceOf1243();
        open.freezeDisputed(cny("200.00"));
        assertEquals(cny("0.00"), open.creditUpheldDispute(cny("200.00")));
        assertEquals(cny("1043.00"), open.open());
        assertRefusedNaming("The request has an invalid field: amount", () -> open.creditUpheldDispute(cny("0.00")));
        Invoice cancelled = invoiceOf1243();
        cancelled.cancel("wrong buyer", LocalDate.of(2026, 11, 3));
        assertRefusedNaming("Invoice INV-1 is CANCELLED and cannot take a credit note",
                () -> cancelled.creditUpheldDispute(cny("1.00")));
        Invoice writtenOff = invoiceOf1243();
        writtenOff.writeOff("insolvent", LocalDate.of(2027, 3, 1));
        assertRefusedNaming("Invoice INV-1 is WRITTEN_OFF and cannot take a credit note",
                () -> writtenOff.creditUpheldDispute(cny("1.00")));
    }

    @Test
    void cancelledInvoiceTakesNoCreditNoteDisputeWriteOffOrSecondCancel() {
        Invoice i = invoiceOf1243();
        i.cancel("wrong buyer", LocalDate.of(2026, 11, 3));
        assertRefusedNaming("Invoice INV-1 is CANCELLED and cannot take a credit note", () -> i.credit(cny("1.00")));
        assertRefusedNaming("Invoice INV-1 is CANCELLED and cannot be disputed", () -> i.freezeDisputed(cny("1.00")));
        assertRefusedNaming("Invoice INV-1 is CANCELLED and cannot be written off",
                () -> i.writeOff("buyer insolvent", LocalDate.of(2027, 3, 1)));
        assertRefusedNaming("Invoice INV-1 is CANCELLED and cannot be cancelled",
                () -> i.cancel("again", LocalDate.of(2026, 11, 4)));
        assertEquals(InvoiceStatus.CANCELLED, i.status);
        assertEquals("wrong buyer", i.closedReason);
        assertEquals(cny("0.00"), i.credited());
        assertEquals(cny("0.00"), i.writtenOff());
        assertEquals(cny("0.00"), i.disputed());
    }

    @Test
    void writtenOffInvoiceCannotBeWrittenOffOrCancelledAgain() {
        Invoice i = invoiceOf1243();
        assertEquals(cny("1243.00"), i.writeOff("buyer insolvent", LocalDate.of(2027, 3, 1)));
        assertRefusedNaming("Invoice INV-1 is WRITTEN_OFF and cannot be written off",
                () -> i.writeOff("again", LocalDate.of(2027, 3, 2)));
        assertRefusedNaming("Invoice INV-1 is WRITTEN_OFF and cannot be cancelled",
                () -> i.cancel("too late", LocalDate.of(2027, 3, 2)));
        assertEquals(cny("1243.00"), i.writtenOff());
        assertEquals(InvoiceStatus.WRITTEN_OFF, i.status);
    }

    @Test
    void invoiceGoesOnOnePaymentPlanAtATime() {
        Invoice i = invoiceOf1243();
        UUID plan = UUID.fromString("0193a1b2-0000-7000-8000-0000000000a1");
        UUID other = UUID.fromString("0193a1b2-0000-7000-8000-0000000000b2");
        i.placeUnderPlan(plan);
        assertEquals(plan, i.paymentPlanId);
        assertRefusedNaming("Invoice INV-1 is already under payment plan " + plan, () -> i.placeUnderPlan(other));
        i.releaseFromPlan(other);
        assertEquals(plan, i.paymentPlanId);
        i.releaseFromPlan(plan);
        assertNull(i.paymentPlanId);
        i.placeUnderPlan(other);
        assertEquals(other, i.paymentPlanId);
    }

    @Test
    void paidInvoiceCannotGoOnAPaymentPlan() {
        Invoice i = invoiceOf1243();
        i.allocate(cny("1243.00"));
        assertRefusedNaming("Invoice INV-1 is PAID and cannot be put on a payment plan",
                () -> i.placeUnderPlan(UUID.randomUUID()));
        assertNull(i.paymentPlanId);
    }
}
