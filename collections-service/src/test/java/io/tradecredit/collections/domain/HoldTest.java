package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.collections.domain.Hold.Reason;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

class HoldTest {
    static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID OTHER_BUYER = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    static final UUID INVOICE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID OTHER_INVOICE = UUID.fromString("00000000-0000-0000-0000-0000000000a2");

    static LocalDate march(int day) {
        return LocalDate.of(2026, 3, day);
    }

    static Hold manualOnBuyer(int fromDay, int untilDay) {
        return Hold.place(UUID.randomUUID(), BUYER, null, Reason.MANUAL, march(fromDay), march(untilDay));
    }

    @Test
    void holdCoversEveryDayFromStartToEndDateInclusive() {
        Hold hold = manualOnBuyer(10, 14);
        assertFalse(hold.holdsOn(march(9)));
        assertTrue(hold.holdsOn(march(10)));
        assertTrue(hold.holdsOn(march(14)));
        assertFalse(hold.holdsOn(march(15)));
    }

    @Test
    void oneDayHoldHoldsThatDay() {
        assertTrue(manualOnBuyer(10, 10).holdsOn(march(10)));
    }

    @Test
    void releasedHoldNoLongerHoldsOnTheReleaseDay() {
        Hold released = manualOnBuyer(10, 14).release(march(12));
        assertTrue(released.holdsOn(march(11)));
        assertFalse(released.holdsOn(march(12)));
        assertFalse(released.holdsOn(march(13)));
        assertEquals(march(12), released.releasedOn());
    }

    @Test
    void releasingTwiceIsRefusedAs409() {
        Hold released = manualOnBuyer(10, 14).release(march(12));
        DomainError e = assertThrows(DomainError.class, () -> released.release(march(13)));
        assertEquals(DomainError.Kind.CONFLICT, e.kind());
        assertEquals("hold.already-released", e.code());
    }

    @Test
    void buyerHoldCoversEveryInvoiceOfThatBuyerOnly() {
        Holds holds = new Holds(List.of(manualOnBuyer(10, 14)));
        assertTrue(holds.isBuyerHeld(BUYER, march(11)));
        assertTrue(holds.isInvoiceHeld(BUYER, INVOICE, march(11)));
        assertTrue(holds.isInvoiceHeld(BUYER, OTHER_INVOICE, march(11)));
        assertFalse(holds.isBuyerHeld(OTHER_BUYER, march(11)));
        assertFalse(holds.isInvoiceHeld(OTHER_BUYER, INVOICE, march(11)));
        assertFalse(holds.isInvoiceHeld(BUYER, INVOICE, march(15)));
    }

    @Test
    void invoiceHoldCoversThatInvoiceButNotTheBuyerOrItsOtherInvoices() {
        Hold dispute = Hold.place(UUID.randomUUID(), BUYER, INVOICE, Reason.DISPUTE, march(1), march(31));
        Holds holds = new Holds(List.of(dispute));
        assertEquals(List.of(dispute), holds.onInvoice(BUYER, INVOICE, march(5)));
        assertFalse(holds.isInvoiceHeld(BUYER, OTHER_INVOICE, march(5)));
        assertFalse(holds.isBuyerHeld(BUYER, march(5)));
        assertFalse(dispute.coversWholeBuyer());
        assertFalse(holds.isInvoiceHeld(OTHER_BUYER, INVOICE, march(5)));
    }

    @Test
    void invoiceHeldNamesEveryHoldThatCoversIt() {
        Hold plan = Hold.place(UUID.randomUUID(), BUYER, INVOICE, Reason.PAYMENT_PLAN, march(1), march(31));
        Hold manual = manualOnBuyer(10, 14);
        Holds holds = new Holds(List.of(plan, manual));
        assertEquals(List.of(plan, manual), holds.onInvoice(BUYER, INVOICE, march(12)));
        assertEquals(List.of(plan), holds.onInvoice(BUYER, INVOICE, march(20)));
        assertEquals(List.of(manual), holds.onBuyer(BUYER, march(12)));
    }

    @Test
    void holdWithoutBuyerReasonOrDatesNamesEachField() {
        DomainError e = assertThrows(DomainError.class,
                () -> Hold.place(UUID.randomUUID(), null, INVOICE, null, null, null));
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals("hold.invalid", e.code());
        assertEquals(List.of("buyerId", "reason", "from", "until"), e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void holdEndingBeforeItStartsIsRefusedNamingUntil() {
        DomainError e = assertThrows(DomainError.class, () -> manualOnBuyer(10, 9));
        assertEquals(List.of(new Violation("until", "must not be before from (2026-03-10)")), e.violations());
    }

    @Test
    void openEndedStartWithAnEndDateOnlyNamesFrom() {
        DomainError e = assertThrows(DomainError.class,
                () -> Hold.place(UUID.randomUUID(), BUYER, null, Reason.MANUAL, null, march(9)));
        assertEquals(List.of("from"), e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void aResumedHoldHoldsAgainToItsEndDate() {
        Hold h = Hold.place(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), null, Hold.Reason.PROMISE_TO_PAY,
                java.time.LocalDate.of(2026, 5, 4), java.time.LocalDate.of(2026, 5, 13));
        Hold resumed = h.release(java.time.LocalDate.of(2026, 5, 8)).resumed();
        org.junit.jupiter.api.Assertions.assertEquals(h, resumed);
        org.junit.jupiter.api.Assertions.assertTrue(resumed.holdsOn(java.time.LocalDate.of(2026, 5, 13)));
    }
}
