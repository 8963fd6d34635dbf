package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

class CollectorTaskTest {
    static final UUID INV_1 = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID INV_2 = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    static final UUID PLAN = UUID.fromString("00000000-0000-0000-0000-0000000000f1");

    static CollectorTask task(String itemReference) {
        return new CollectorTask(UUID.randomUUID(), UUID.randomUUID(), itemReference, "reason-call",
                "task.call-to-confirm-reason", LocalDate.of(2026, 3, 5), null, null, null);
    }

    static InvoiceNow invoice(UUID id, String number, String state, String open, String collectible) {
        return new InvoiceNow(id, number, state, Money.of(open, "CNY"), Money.of(collectible, "CNY"), false);
    }

    @Test
    void aTaskConcernsItsInvoiceWhatABrokenPlanLeftOfItOrTheWholePlanOfAnInstalment() {
        assertEquals(new CollectorTask.Concerns(INV_1, null), task(INV_1.toString()).concerns());
        assertEquals(new CollectorTask.Concerns(INV_1, null), task(INV_1 + "/" + PLAN).concerns());
        assertEquals(new CollectorTask.Concerns(null, PLAN), task(PLAN + "#2").concerns());
    }

    /**
     * A call logged on the case does the +3 call to confirm the reason (open, due 12-02: the collector called); not another
     * task of the ladder (a +10 task to send a reminder by hand), nor a call task done already.
     */
    @Test
    void aLoggedCallDoesTheOpenCallToConfirmTheReasonAndNoOtherTask() {
        assertTrue(task(INV_1.toString()).isDoneByACall());
        assertFalse(new CollectorTask(UUID.randomUUID(), UUID.randomUUID(), INV_1.toString(), "manual-reminder",
                "task.send-reminder-by-hand", LocalDate.of(2026, 12, 2), null, null, null).isDoneByACall());
        assertFalse(new CollectorTask(UUID.randomUUID(), UUID.randomUUID(), INV_1.toString(), "reason-call",
                "task.call-to-confirm-reason", LocalDate.of(2026, 12, 2), null, LocalDate.of(2026, 12, 3), "lena")
                .isDoneByACall());
    }

    /** The +3 call on INV-1 (12,000.00): paid in full, nothing is left to call about. */
    @Test
    void theReasonCallOnAnInvoicePaidInFullIsCancelled() {
        assertEquals(Optional.of("nothing owed any more on INV-1"), task(INV_1.toString())
                .cancelledBecause(List.of(invoice(INV_1, "INV-1", "PAID", "0.00", "0.00"))));
        // settled to nothing by a credit note, the invoice still OPEN in the read model until its paid event
        assertEquals(Optional.of("nothing owed any more on INV-1"), task(INV_1.toString())
                .cancelledBecause(List.of(invoice(INV_1, "INV-1", "OPEN", "0.00", "0.00"))));
    }

    @Test
    void aPartPaymentADisputeOrAnUnknownInvoiceKeepsTheTask() {
        CollectorTask call = task(INV_1.toString());
        assertEquals(Optional.empty(), call.cancelledBecause(List.of(invoice(INV_1, "INV-1", "OPEN", "0.01", "0.01"))));
        assertEquals(Optional.empty(), call.cancelledBecause(List.of(invoice(INV_1, "INV-1", "OPEN", "12000.00", "0.00"))),
                "wholly disputed is still owed");
        assertEquals(Optional.empty(), call.cancelledBecause(List.of()));
    }

    /** An instalment's task concerns the plan's two invoices: cancelled once both are cleared. */
    @Test
    void anInstalmentsTaskIsCancelledOnlyWhenEveryInvoiceOfItsPlanIsCleared() {
        CollectorTask call = task(PLAN + "#1");
        InvoiceNow paid = invoice(INV_1, "INV-1", "PAID", "0.00", "0.00");
        assertEquals(Optional.empty(), call.cancelledBecause(List.of(paid, invoice(INV_2, "INV-2", "OPEN", "500.00", "500.00"))));
        assertEquals(Optional.of("nothing owed any more on INV-1, INV-2"),
                call.cancelledBecause(List.of(invoice(INV_2, "INV-2", "WRITTEN_OFF", "500.00", "500.00"), paid)));
    }

    /**
     * The +3 call about INV-1 (10,000.00 CNY, 8,000.00 paid, 2,000.00 left) once its agency settled it: the settlement
     * ended that debt, nothing to call about, as for a paid invoice; an instalment's task likewise once the settlement
     * ended every invoice of its plan (or they are paid); one still owed elsewhere keeps it. Until session 34 it stayed.
     */
    @Test
    void aTaskAboutAnInvoiceAnAgencySettledIsCancelledNamingTheAgency() {
        InvoiceNow settled = new InvoiceNow(INV_1, "INV-1", "OPEN", Money.of("2000.00", "CNY"), Money.of("2000.00", "CNY"),
                false, "ag-1");
        assertEquals(Optional.of("settled by agency ag-1: INV-1"), task(INV_1.toString()).cancelledBecause(List.of(settled)));
        assertEquals(Optional.of("settled by agency ag-1: INV-1, INV-2"), task(PLAN + "#1").cancelledBecause(List.of(settled,
                invoice(INV_2, "INV-2", "PAID", "0.00", "0.00"))));
        assertEquals(Optional.empty(), task(PLAN + "#1").cancelledBecause(List.of(settled,
                invoice(INV_2, "INV-2", "OPEN", "500.00", "500.00"))));
        // paid since the settlement: paid says it
        assertEquals(Optional.of("nothing owed any more on INV-1"), task(INV_1.toString()).cancelledBecause(List.of(
                new InvoiceNow(INV_1, "INV-1", "PAID", Money.zero("CNY"), Money.zero("CNY"), false, "ag-1"))));
    }

    static InvoiceNow underPlan(UUID id, String number, String open) {
        return new InvoiceNow(id, number, "OPEN", Money.of(open, "CNY"), Money.of(open, "CNY"), true);
    }

    /**
     * The +3 call about INV-1 (3,000.00) once the buyer agreed a plan over it: no longer overdue (the instalments
     * replace its due date), nothing to call about; so is one about what a broken plan left of INV-2 once a new plan
     * covers it. An instalment's own task concerns the plan: kept until its invoices are cleared.
     */
    @Test
    void aTaskAboutAnInvoiceNowUnderAnAgreedPlanIsCancelledButAnInstalmentsIsNot() {
        assertEquals(Optional.of("under an agreed payment plan: INV-1"), task(INV_1.toString())
                .cancelledBecause(List.of(underPlan(INV_1, "INV-1", "3000.00"))));
        assertEquals(Optional.of("under an agreed payment plan: INV-2"), task(INV_2 + "/" + PLAN)
                .cancelledBecause(List.of(underPlan(INV_2, "INV-2", "500.00"))));
        // paid off and under a plan: paid says it
        assertEquals(Optional.of("nothing owed any more on INV-1"), task(INV_1.toString())
                .cancelledBecause(List.of(new InvoiceNow(INV_1, "INV-1", "PAID", Money.zero("CNY"), Money.zero("CNY"), true))));
        assertEquals(Optional.empty(), task(PLAN + "#1").cancelledBecause(List.of(underPlan(INV_1, "INV-1", "1500.00"))));
        assertEquals(Optional.empty(), task(PLAN + "#1").cancelledBecause(List.of(underPlan(INV_1, "INV-1", "1500.00"),
                invoice(INV_2, "INV-2", "PAID", "0.00", "0.00"))));
        // not under a plan (none, or a broken one): still overdue, the task stays
        assertEquals(Optional.empty(), task(INV_1.toString()).cancelledBecause(List.of(underPlan(INV_2, "INV-2", "500.00"),
                invoice(INV_1, "INV-1", "OPEN", "3000.00", "3000.00"))));
    }

    @Test
    void anInvoiceIsClearedWhenPaidCancelledWrittenOffOrSettledToNothing() {
        assertTrue(invoice(INV_1, "INV-1", "CANCELLED", "0.00", "0.00").isCleared());
        assertTrue(invoice(INV_1, "INV-1", "WRITTEN_OFF", "300.00", "300.00").isCleared());
        assertTrue(invoice(INV_1, "INV-1", "OPEN", "-5.00", "0.00").isCleared());
        assertFalse(invoice(INV_1, "INV-1", "OPEN", "300.00", "0.00").isCleared());
    }
}
