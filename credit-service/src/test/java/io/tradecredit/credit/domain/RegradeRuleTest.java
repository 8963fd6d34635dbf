package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import io.tradecredit.credit.domain.RegradeRule.Happened;
import io.tradecredit.credit.domain.RegradeRule.LedgerEvent;

class RegradeRuleTest {

    @Test
    void aPaymentInFullRegradesOnlyWhenItCameAfterTheDueDate() {
        assertEquals("invoice INV-7 paid 12 days late", RegradeRule.causeOf(LedgerEvent.paid("INV-7", 12)));
        assertEquals("invoice INV-7 paid 1 days late", RegradeRule.causeOf(LedgerEvent.paid("INV-7", 1)));
        assertNull(RegradeRule.causeOf(LedgerEvent.paid("INV-7", 0)));
    }

    /** The insurer's indemnity settling an invoice is the buyer not paying it: graded again, whatever the days. */
    @Test
    void anInvoiceSettledByTheBuyersInsurerRegrades() {
        assertEquals("invoice INV-7 not paid by the buyer: settled by its credit insurer's indemnity 122 days past due",
                RegradeRule.causeOf(LedgerEvent.settledByInsurer("INV-7", 122)));
        assertEquals("invoice INV-7 not paid by the buyer: settled by its credit insurer's indemnity 0 days past due",
                RegradeRule.causeOf(LedgerEvent.settledByInsurer("INV-7", 0)));
    }

    /**
     * {@code paid} names who took the last of the invoice and whether the insurer paid part of it: the buyer finishing an
     * invoice its insurer's partial indemnity paid part of is graded again whatever the days, named as paid by the buyer
     * with the insurer's part apart (it read "not paid by the buyer: settled by its credit insurer's indemnity").
     */
    @Test
    void anInvoiceTheBuyerFinishedAfterItsInsurerPaidPartRegradesNamingBoth() {
        assertEquals("invoice INV-7 paid 100 days past due, part of it not by the buyer: by its credit insurer's indemnity",
                RegradeRule.causeOf(LedgerEvent.paid("INV-7", 100, "PAYMENT", true)));
        assertEquals("invoice INV-7 paid 0 days past due, part of it not by the buyer: by its credit insurer's indemnity",
                RegradeRule.causeOf(LedgerEvent.paid("INV-7", 0, "CREDIT_NOTE", true)));
        assertEquals("invoice INV-7 not paid by the buyer: settled by its credit insurer's indemnity 122 days past due",
                RegradeRule.causeOf(LedgerEvent.paid("INV-7", 122, "INSURER", true)));
        // nothing the insurer paid: a payment as ever, late or not; settledBy not told (older events) alike
        assertEquals("invoice INV-7 paid 5 days late", RegradeRule.causeOf(LedgerEvent.paid("INV-7", 5, "PAYMENT", false)));
        assertEquals("invoice INV-7 paid 5 days late", RegradeRule.causeOf(LedgerEvent.paid("INV-7", 5, null, false)));
        assertNull(RegradeRule.causeOf(LedgerEvent.paid("INV-7", 0, "PAYMENT", false)));
    }

    @Test
    void overdueInvoicesDisputesAndBrokenPlansRegrade() {
        assertEquals("invoice INV-7 became overdue",
                RegradeRule.causeOf(LedgerEvent.ofInvoice(Happened.BECAME_OVERDUE, "INV-7")));
        assertEquals("dispute opened on invoice INV-7",
                RegradeRule.causeOf(LedgerEvent.ofInvoice(Happened.DISPUTE_OPENED, "INV-7")));
        assertEquals("dispute resolved on invoice INV-7",
                RegradeRule.causeOf(LedgerEvent.ofInvoice(Happened.DISPUTE_RESOLVED, "INV-7")));
        assertEquals("invoice INV-7 written off as bad debt",
                RegradeRule.causeOf(LedgerEvent.ofInvoice(Happened.WRITTEN_OFF, "INV-7")));
        assertEquals("payment plan instalment 3 missed", RegradeRule.causeOf(LedgerEvent.instalmentMissed(3)));
        assertEquals("payment plan broken: instalment 3 unpaid 14 days after its due date",
                RegradeRule.causeOf(LedgerEvent.planBroken("instalment 3 unpaid 14 days after its due date")));
    }

    /**
     * A credit note on an invoice past its due date takes what it credited out of the payment behaviour: 100,000
     * credited in full 95 days after its due date no longer counts 95 days beyond terms. One on or before the due
     * date, or of an upheld dispute (LedgerEvent.of: its resolution re-grades), only moves amounts.
     */
    @Test
    void aCreditNoteOnAnInvoicePastItsDueDateRegrades() {
        assertEquals("credit note on invoice INV-7, 95 days past due",
                RegradeRule.causeOf(LedgerEvent.creditNote("INV-7", 95)));
        assertEquals("credit note on invoice INV-7, 1 days past due",
                RegradeRule.causeOf(LedgerEvent.creditNote("INV-7", 1)));
        assertNull(RegradeRule.causeOf(LedgerEvent.creditNote("INV-7", 0)));
        assertNull(RegradeRule.causeOf(LedgerEvent.creditNote("INV-7", -10)));
    }

    @Test
    void whatOnlyMovesAmountsDoesNotRegrade() {
        for (Happened h : EnumSet.of(Happened.ISSUED, Happened.RECEIPT_CONFIRMED,
                Happened.CREDIT_NOTE_ISSUED, Happened.CANCELLED, Happened.PAYMENT_RECEIVED, Happened.PAYMENT_REVERSED,
                Happened.BUYER_CREDIT_APPLIED)) {
            assertNull(RegradeRule.causeOf(LedgerEvent.of(h)), h.name());
        }
    }

    @Test
    void theDailyOverdueRegradeNamesTheOldestUnpaidInvoicesDaysPastDue() {
        LocalDate asOf = LocalDate.of(2026, 12, 5);
        assertEquals("invoices still unpaid, the oldest 45 days past due on 2026-12-05",
                RegradeRule.overdueCause(LocalDate.of(2026, 10, 21), asOf));
        assertEquals("invoices still unpaid, the oldest 1 day past due on 2026-12-05",
                RegradeRule.overdueCause(LocalDate.of(2026, 12, 4), asOf));
    }

    @Test
    void theDailyOverdueRegradeKeepsOnlyAMovedGrade() {
        assertTrue(RegradeRule.gradeMoved(null, 3), "never graded");
        assertTrue(RegradeRule.gradeMoved(3, 4), "down");
        assertTrue(RegradeRule.gradeMoved(4, 3), "up");
        assertFalse(RegradeRule.gradeMoved(4, 4), "unchanged");
        // a grade beyond the small-integer cache: compared by value, not by the box
        assertFalse(RegradeRule.gradeMoved(Integer.valueOf(1000), 1000));
    }

    @Test
    void aDisputeResolvedWithAPolicyAdjustmentIsForTheCreditManager() {
        assertEquals("dispute on invoice INV-7 resolved; adjust the buyer's credit policy: shorten terms to 15 days",
                RegradeRule.policyReviewOf(LedgerEvent.disputeResolved("INV-7", " shorten terms to 15 days ")));
        assertEquals("dispute resolved on invoice INV-7",
                RegradeRule.causeOf(LedgerEvent.disputeResolved("INV-7", "shorten terms to 15 days")));
        assertNull(RegradeRule.policyReviewOf(LedgerEvent.disputeResolved("INV-7", null)));
        assertNull(RegradeRule.policyReviewOf(LedgerEvent.disputeResolved("INV-7", "  ")));
        assertNull(RegradeRule.policyReviewOf(LedgerEvent.planBroken("instalment 3 unpaid")), "a broken plan's reason");
    }
}
