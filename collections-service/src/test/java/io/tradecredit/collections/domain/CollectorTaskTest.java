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

    @Test
    void anInvoiceIsClearedWhenPaidCancelledWrittenOffOrSettledToNothing() {
        assertTrue(invoice(INV_1, "INV-1", "CANCELLED", "0.00", "0.00").isCleared());
        assertTrue(invoice(INV_1, "INV-1", "WRITTEN_OFF", "300.00", "300.00").isCleared());
        assertTrue(invoice(INV_1, "INV-1", "OPEN", "-5.00", "0.00").isCleared());
        assertFalse(invoice(INV_1, "INV-1", "OPEN", "300.00", "0.00").isCleared());
    }
}
