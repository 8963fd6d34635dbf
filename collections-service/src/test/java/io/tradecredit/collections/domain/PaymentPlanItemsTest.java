package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/**
 * Worked examples: invoice INV-1 of CNY 3,000.00 due 2 January 2030, turned into a plan of three
 * interest-free monthly instalments of 1,000.00 due 1 February, 1 March and 1 April.
 */
class PaymentPlanItemsTest {
    static final UUID PLAN = UUID.fromString("0000000a-0000-0000-0000-000000000001");
    static final LocalDate DUE = LocalDate.of(2030, 1, 2);
    static final LocalDate FEB = LocalDate.of(2030, 2, 1);
    static final LocalDate MAR = LocalDate.of(2030, 3, 1);
    static final LocalDate APR = LocalDate.of(2030, 4, 1);

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static PaymentPlanItems.Instalment instalment(int number, LocalDate due, String amount, boolean missed) {
        return new PaymentPlanItems.Instalment(number, due, cny(amount), cny(amount), missed);
    }

    static PaymentPlanItems.Plan agreed(boolean secondMissed) {
        return new PaymentPlanItems.Plan(PLAN, null, cny("3000.00"), List.of(instalment(1, FEB, "1000.00", false),
                instalment(2, MAR, "1000.00", secondMissed), instalment(3, APR, "1000.00", false)));
    }

    static DunningItem invoice(String reference, String open, String disputed, LocalDate heldUntil) {
        return new DunningItem(reference, DUE, cny(open), cny(disputed), true, heldUntil, Set.of("formal-demand"));
    }

    static List<String> summary(List<DunningItem> items) {
        return items.stream().map(i -> i.reference() + " " + i.dueDate() + " " + i.open().amountText()
                + (i.underKeptPlan() ? " kept" : " late")).toList();
    }

    @Test
    void nothingPaidYetEveryInstalmentIsAnItemOwingItsAmountFromItsOwnDate() {
        List<DunningItem> items = PaymentPlanItems.itemsOf(agreed(false), List.of(invoice("INV-1", "3000.00", "0.00", null)),
                Map.of());
        assertEquals(List.of(PLAN + "#1 2030-02-01 1000.00 kept", PLAN + "#2 2030-03-01 1000.00 kept",
                PLAN + "#3 2030-04-01 1000.00 kept"), summary(items));
        DunningItem first = items.get(0);
        assertEquals("INV-1", first.invoiceReference(), "listed beside its invoice");
        assertEquals(new PlanInstalment(PLAN, 1, FEB, cny("1000.00")), first.instalment());
        assertEquals(cny("0.00"), first.disputed());
        assertEquals(Set.of(), first.takenSteps(), "the invoice's steps taken before the plan are not the instalment's");
    }

    @Test
    void whatADisputeReleasesBesideTheKeptPlanIsTheInvoicesOwnItemOverdueFromItsDueDate() {
        // 4,000.00 of a 4,000.00 + 3,000.00 invoice was disputed when the plan over the 3,000.00 was agreed; rejected since:
        // 7,000.00 collectible, 4,000.00 of it released beside the plan
        DunningItem rejected = invoice("INV-1", "7000.00", "0.00", null);
        List<DunningItem> items = PaymentPlanItems.itemsOf(agreed(false), List.of(rejected), Map.of(),
                Map.of("INV-1", cny("4000.00")));
        assertEquals(List.of(PLAN + "#1 2030-02-01 1000.00 kept", PLAN + "#2 2030-03-01 1000.00 kept",
                PLAN + "#3 2030-04-01 1000.00 kept", "INV-1 2030-01-02 4000.00 late"), summary(items));
        DunningItem beside = items.get(3);
        assertNull(beside.instalment());
        assertEquals(Set.of("formal-demand"), beside.takenSteps(), "the invoice's own ladder goes on");
        // 1,500.00 paid since: the plan's first (instalment 1 paid, 2 owes 500.00), the 4,000.00 still owed beside it
        items = PaymentPlanItems.itemsOf(agreed(false), List.of(invoice("INV-1", "5500.00", "0.00", null)), Map.of(),
                Map.of("INV-1", cny("4000.00")));
        assertEquals(List.of(PLAN + "#1 2030-02-01 0.00 kept", PLAN + "#2 2030-03-01 500.00 kept",
                PLAN + "#3 2030-04-01 1000.00 kept", "INV-1 2030-01-02 4000.00 late"), summary(items));
        // paid down to 2,500.00: the plan is paid off, what is left is owed beside it
        items = PaymentPlanItems.itemsOf(agreed(false), List.of(invoice("INV-1", "2500.00", "0.00", null)), Map.of(),
                Map.of("INV-1", cny("4000.00")));
        assertEquals(List.of(PLAN + "#1 2030-02-01 0.00 kept", PLAN + "#2 2030-03-01 0.00 kept",
                PLAN + "#3 2030-04-01 0.00 kept", "INV-1 2030-01-02 2500.00 late"), summary(items));
        // nothing released: the instalments alone, as before
        assertEquals(3, PaymentPlanItems.itemsOf(agreed(false), List.of(invoice("INV-1", "3000.00", "0.00", null)),
                Map.of(), Map.of("INV-1", cny("0.00"))).size());
    }

    @Test
    void paymentsPayTheInstalmentsInTheirOrder() {
        // 1,500.00 paid: the invoice has 1,500.00 left
        List<DunningItem> items = PaymentPlanItems.itemsOf(agreed(false), List.of(invoice("INV-1", "1500.00", "0.00", null)),
                Map.of());
        assertEquals(List.of(PLAN + "#1 2030-02-01 0.00 kept", PLAN + "#2 2030-03-01 500.00 kept",
                PLAN + "#3 2030-04-01 1000.00 kept"), summary(items));
        assertEquals(cny("1500.00"), PaymentPlanItems.paidOn(agreed(false), List.of(invoice("INV-1", "1500.00", "0.00", null))));
    }

    @Test
    void instalmentOnePaidAndTwoMissedMakesTwoLateWithItsWholeAmount() {
        List<DunningItem> items = PaymentPlanItems.itemsOf(agreed(true), List.of(invoice("INV-1", "2000.00", "0.00", null)),
                Map.of(PLAN + "#2", Set.of("reminder")));
        assertEquals(List.of(PLAN + "#1 2030-02-01 0.00 kept", PLAN + "#2 2030-03-01 1000.00 late",
                PLAN + "#3 2030-04-01 1000.00 kept"), summary(items));
        assertEquals(Set.of("reminder"), items.get(1).takenSteps(), "each instalment keeps its own steps");
    }

    @Test
    void aBrokenPlanMakesTheRemainingInvoiceDueAtOnceFromTheDayItBroke() {
        LocalDate broke = LocalDate.of(2030, 3, 2);
        PaymentPlanItems.Plan broken = new PaymentPlanItems.Plan(PLAN, broke, cny("3000.00"), List.of());
        String reference = "INV-1/" + PLAN;
        List<DunningItem> items = PaymentPlanItems.itemsOf(broken, List.of(invoice("INV-1", "2000.00", "300.00",
                LocalDate.of(2030, 3, 9))), Map.of(reference, Set.of("reminder"), "INV-1", Set.of("formal-demand")));
        assertEquals(List.of(reference + " 2030-03-02 2000.00 late"), summary(items));
        DunningItem rest = items.get(0);
        assertEquals(cny("300.00"), rest.disputed(), "a disputed part stays out of it");
        assertEquals(cny("1700.00"), rest.collectible());
        assertEquals(LocalDate.of(2030, 3, 9), rest.heldUntil());
        assertEquals("INV-1", rest.invoiceReference());
        assertNull(rest.instalment());
        assertEquals(Set.of("reminder"), rest.takenSteps(), "a ladder of its own from the break");
    }

    @Test
    void aPlanOverTwoInvoicesListsItsInstalmentsOnceBesideTheFirstAndCountsBothInvoicesPayments() {
        PaymentPlanItems.Plan plan = new PaymentPlanItems.Plan(PLAN, null, cny("3000.00"), List.of(
                instalment(1, FEB, "1500.00", false), instalment(2, MAR, "1500.00", false)));
        // INV-2 has 1,800.00 left and is held until 3 February, INV-3 (held until 20 January) nothing: 1,200.00 paid
        List<DunningItem> items = PaymentPlanItems.itemsOf(plan, List.of(invoice("INV-2", "1800.00", "0.00",
                LocalDate.of(2030, 2, 3)), invoice("INV-3", "0.00", "0.00", LocalDate.of(2030, 1, 20))), Map.of());
        assertEquals(List.of(PLAN + "#1 2030-02-01 300.00 kept", PLAN + "#2 2030-03-01 1500.00 kept"), summary(items));
        assertTrue(items.stream().allMatch(i -> i.invoiceReference().equals("INV-2")));
        assertEquals(LocalDate.of(2030, 2, 3), items.get(0).heldUntil(), "the latest hold on any of the plan's invoices");
    }

    @Test
    void anInterestBearingInstalmentOwesItsPrincipalAndShowsTheScheduledAmount() {
        PaymentPlanItems.Plan plan = new PaymentPlanItems.Plan(PLAN, null, cny("2000.00"), List.of(
                new PaymentPlanItems.Instalment(1, FEB, cny("1010.00"), cny("1000.00"), false),
                new PaymentPlanItems.Instalment(2, MAR, cny("1005.00"), cny("1000.00"), false)));
        List<DunningItem> items = PaymentPlanItems.itemsOf(plan, List.of(invoice("INV-1", "1000.00", "0.00", null)), Map.of());
        assertEquals(List.of(PLAN + "#1 2030-02-01 0.00 kept", PLAN + "#2 2030-03-01 1000.00 kept"), summary(items));
        assertEquals(cny("1005.00"), items.get(1).instalment().amount());
    }

    @Test
    void moreCollectibleThanThePrincipalCountsAsNothingPaid() {
        // a dispute rejected after the plan: 3,200.00 collectible on a principal of 3,000.00
        assertEquals(cny("0.00"), PaymentPlanItems.paidOn(agreed(false), List.of(invoice("INV-1", "3200.00", "0.00", null))));
        List<DunningItem> items = PaymentPlanItems.itemsOf(agreed(false), List.of(invoice("INV-1", "3200.00", "0.00", null)),
                Map.of());
        assertEquals(cny("1000.00"), items.get(2).open(), "never more than the instalment");
    }

    @Test
    void aPlanWithoutInstalmentsLeavesItsInvoicesAsTheyAreAndNoInvoicesMakeNoItems() {
        PaymentPlanItems.Plan bare = new PaymentPlanItems.Plan(PLAN, null, cny("3000.00"), List.of());
        DunningItem inv = invoice("INV-1", "3000.00", "0.00", null);
        List<DunningItem> items = PaymentPlanItems.itemsOf(bare, List.of(inv), Map.of());
        assertEquals(1, items.size());
        assertSame(inv, items.get(0));
        assertTrue(PaymentPlanItems.itemsOf(agreed(false), List.of(), Map.of()).isEmpty());
        assertFalse(PaymentPlanItems.itemsOf(agreed(false), List.of(inv), Map.of()).isEmpty());
    }
}
