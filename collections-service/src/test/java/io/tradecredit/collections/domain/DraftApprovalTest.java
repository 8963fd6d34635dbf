package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

class DraftApprovalTest {
    static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID INVOICE = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final LocalDate APPROVED_ON = LocalDate.of(2026, 5, 12);

    static InvoiceNow open(String open, String collectible, boolean underPlan) {
        return new InvoiceNow(INVOICE, "INV-1", "OPEN", Money.of(open, "CNY"), Money.of(collectible, "CNY"), underPlan);
    }

    static Holds holds(Hold... h) {
        return new Holds(List.of(h));
    }

    static Hold hold(UUID invoice, Hold.Reason reason, LocalDate from, LocalDate until) {
        return Hold.place(UUID.randomUUID(), BUYER, invoice, reason, from, until);
    }

    @Test
    void aPaymentSinceTheRunThatLeftLessThanTheStepsThresholdsDropsTheInvoice() {
        CurrencyThresholds tolerance = CurrencyThresholds.of(Money.of("100.00", "CNY"));
        DunningStep demand = new DunningStep("formal-demand", 10, List.of(), CurrencyThresholds.of(Money.of("500.00", "CNY")));
        assertEquals("under the step's minimum amount", DraftApproval.belowThresholdBecause(demand,
                Money.of("499.99", "CNY"), Money.of("5000.00", "CNY"), tolerance));
        assertNull(DraftApproval.belowThresholdBecause(demand, Money.of("500.00", "CNY"), Money.of("5000.00", "CNY"),
                tolerance));
        DunningStep noMinimum = new DunningStep("formal-demand", 10, List.of(), CurrencyThresholds.NONE);
        assertEquals("the buyer's overdue balance under the tenant's tolerance", DraftApproval.belowThresholdBecause(
                noMinimum, Money.of("50.00", "CNY"), Money.of("99.99", "CNY"), tolerance));
        assertNull(DraftApproval.belowThresholdBecause(noMinimum, Money.of("50.00", "CNY"), Money.of("100.00", "CNY"),
                tolerance));
        // before the due date the tolerance does not count, as in the run
        assertNull(DraftApproval.belowThresholdBecause(new DunningStep("reminder", -3, List.of(), CurrencyThresholds.NONE),
                Money.of("50.00", "CNY"), Money.of("0.00", "CNY"), tolerance));
    }

    /**
     * A demand for 3,000.00 drafted before credit-service blocked the buyer for an insolvency filing: approved after,
     * it is discarded whatever the invoice still owes; the same buyer out of proceedings has its invoices judged.
     */
    @Test
    void aBuyerInInsolvencyProceedingsOnTheDayApprovedGetsNoDraftWhateverItOwes() {
        BuyerStanding owing = new BuyerStanding(null, List.of(Money.of("3000.00", "CNY")));
        assertEquals("buyer in insolvency proceedings", DraftApproval.buyerNotDunnedBecause(owing.insolvent(true)));
        assertNull(DraftApproval.buyerNotDunnedBecause(owing));
    }

    static DunningItem instalment(int number, String owes) {
        PlanInstalment i = new PlanInstalment(UUID.randomUUID(), number, LocalDate.of(2026, 5, 1), Money.of("1000.00", "CNY"));
        return new DunningItem(i.reference(), i.dueDate(), Money.of(owes, "CNY"), Money.of("0.00", "CNY"), true, null,
                null, INVOICE.toString(), i);
    }

    /**
     * A formal demand with a minimum of 500.00, drafted for instalment 2 of 1,000.00 of a plan, approved after the
     * buyer paid 600.00 of it: it owes 400.00 today, under the minimum, and is dropped as an invoice owing 400.00
     * would be; owing 500.00 it stays. Paid off, it is dropped as paid; its plan ended since the run, it is no longer
     * an item. The buyer's overdue balance under the tolerance drops it too, after the due date only.
     */
    @Test
    void anInstalmentIsHeldToTheStepsMinimumAndTheToleranceByWhatItOwesOnTheDayApproved() {
        CurrencyThresholds tolerance = CurrencyThresholds.of(Money.of("100.00", "CNY"));
        DunningStep demand = new DunningStep("formal-demand", 7, List.of(), CurrencyThresholds.of(Money.of("500.00", "CNY")));
        Money overdue = Money.of("5000.00", "CNY");
        assertEquals("instalment 2 under the step's minimum amount",
                DraftApproval.instalmentBecause(2, instalment(2, "400.00"), demand, overdue, tolerance));
        assertNull(DraftApproval.instalmentBecause(2, instalment(2, "500.00"), demand, overdue, tolerance));
        assertEquals("instalment 2 paid", DraftApproval.instalmentBecause(2, instalment(2, "0.00"), demand, overdue, tolerance));
        assertEquals("instalment 2: its payment plan ended", DraftApproval.instalmentBecause(2, null, demand, overdue, tolerance));
        DunningStep noMinimum = new DunningStep("formal-demand", 7, List.of(), CurrencyThresholds.NONE);
        assertEquals("instalment 3 the buyer's overdue balance under the tenant's tolerance", DraftApproval.instalmentBecause(3,
                instalment(3, "80.00"), noMinimum, Money.of("80.00", "CNY"), tolerance));
        assertNull(DraftApproval.instalmentBecause(3, instalment(3, "80.00"), new DunningStep("reminder", -3, List.of(),
                CurrencyThresholds.NONE), Money.of("0.00", "CNY"), tolerance), "before its date the tolerance does not count");
        assertNull(DraftApproval.instalmentBecause(3, instalment(3, "80.00"), null, Money.of("0.00", "CNY"), tolerance),
                "no such step in the buyer's ladder any more: nothing to compare");
    }

    @Test
    void anInvoiceStillOwedAndHeldByNothingIsStillAskedFor() {
        assertNull(DraftApproval.notDunnedBecause(BUYER, INVOICE, open("7000.00", "7000.00", false), false, holds(),
                APPROVED_ON));
    }

    @Test
    void whatTheLedgerClearedSinceTheRunIsDroppedSayingWhy() {
        assertEquals("paid", DraftApproval.notDunnedBecause(BUYER, INVOICE, new InvoiceNow(INVOICE, "INV-1", "PAID",
                Money.of("0.00", "CNY"), Money.of("0.00", "CNY"), false), false, holds(), APPROVED_ON));
        assertEquals("disputed", DraftApproval.notDunnedBecause(BUYER, INVOICE, open("7000.00", "0.00", false), false,
                holds(), APPROVED_ON));
        assertEquals("not in the ledger", DraftApproval.notDunnedBecause(BUYER, INVOICE, null, false, holds(), APPROVED_ON));
    }

    @Test
    void aPlanAgreedSinceTheRunDropsTheWholeInvoiceButNotItsInstalment() {
        assertEquals("under a payment plan", DraftApproval.notDunnedBecause(BUYER, INVOICE, open("3000.00", "3000.00", true),
                false, holds(), APPROVED_ON));
        assertNull(DraftApproval.notDunnedBecause(BUYER, INVOICE, open("3000.00", "3000.00", true), true, holds(),
                APPROVED_ON));
    }

    /**
     * Drafted before the buyer's agency settled at 8,000.00 of 10,000.00, approved after: the 2,000.00 left on INV-1 is
     * for a collector to write off, so neither the whole invoice nor its plan's instalment is asked for any more.
     */
    @Test
    void anInvoiceAnAgencySettledSinceTheRunIsDroppedNamingTheAgency() {
        InvoiceNow settled = new InvoiceNow(INVOICE, "INV-1", "OPEN", Money.of("2000.00", "CNY"),
                Money.of("2000.00", "CNY"), false, "ag-east");
        assertEquals("settled by agency ag-east", DraftApproval.notDunnedBecause(BUYER, INVOICE, settled, false, holds(),
                APPROVED_ON));
        assertEquals("settled by agency ag-east", DraftApproval.notDunnedBecause(BUYER, INVOICE, new InvoiceNow(INVOICE,
                "INV-1", "OPEN", Money.of("2000.00", "CNY"), Money.of("2000.00", "CNY"), true, "ag-east"), true, holds(),
                APPROVED_ON));
        assertEquals("nothing left to ask for since the run: INV-1 settled by agency ag-east",
                DraftApproval.discardReason(List.of("INV-1 settled by agency ag-east")));
    }

    /** A promise made on 05-11 (to 05-20) holds the whole buyer; a pause of the invoice holds it; one ended on 05-11 no longer. */
    @Test
    void aHoldOnTheBuyerOrTheInvoiceOnTheDayApprovedDropsIt() {
        InvoiceNow owed = open("5000.00", "5000.00", false);
        assertEquals("on hold (promise to pay)", DraftApproval.notDunnedBecause(BUYER, INVOICE, owed, false,
                holds(hold(null, Hold.Reason.PROMISE_TO_PAY, APPROVED_ON.minusDays(1), APPROVED_ON.plusDays(8))),
                APPROVED_ON));
        assertEquals("on hold (manual)", DraftApproval.notDunnedBecause(BUYER, INVOICE, owed, false,
                holds(hold(INVOICE, Hold.Reason.MANUAL, APPROVED_ON, APPROVED_ON)), APPROVED_ON));
        assertNull(DraftApproval.notDunnedBecause(BUYER, INVOICE, owed, false,
                holds(hold(INVOICE, Hold.Reason.MANUAL, APPROVED_ON.minusDays(5), APPROVED_ON.minusDays(1)),
                        hold(UUID.randomUUID(), Hold.Reason.DISPUTE, APPROVED_ON, APPROVED_ON.plusDays(30))),
                APPROVED_ON));
    }

    @Test
    void aDraftLeftWithNothingSaysWhatBecameOfEachInvoice() {
        assertEquals("nothing left to ask for since the run: INV-1 paid, INV-2 on hold (manual)",
                DraftApproval.discardReason(List.of("INV-1 paid", "INV-2 on hold (manual)")));
    }
}
