package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * What the run duns for the invoices of one payment plan (docs/collections-service.md, "Payment
 * plans"). While the plan is agreed its instalments replace the invoices: each instalment is an
 * item of its own, dated by the schedule, owing what the plan's payments leave of it. Once the plan
 * is broken the remaining invoices are due at once: each is an item dated the day the plan broke,
 * on a ladder of its own (the buyer was not late under the plan, so the escalation starts again
 * from that day; the steps taken for the invoice before the plan stay in the log). A completed plan
 * leaves nothing open, unless a payment that completed it bounces: what opens again is such a
 * remainder too, dated the day the plan was completed (its instalments were kept). What a dispute running when the
 * plan was agreed releases later (rejected, or the rest of one partly upheld) was never in the plan: while the plan is
 * agreed it is owed beside it, as the invoice itself, overdue from its own due date on the invoice's own ladder (10,000
 * due, 4,000 disputed on day 10, a plan over the 6,000 on day 20, the dispute rejected on day 40: the invoice is dunned
 * for 4,000 beside the instalments); the plan's payments count towards the plan first, as invoice-service counts them.
 */
public final class PaymentPlanItems {

    /**
     * A plan as the read model holds it: {@code endedOn} is the day invoice-service broke it, or found its
     * principal settled (null while agreed); {@code principal} is what it spread (the invoices' collectible
     * balance when agreed); instalments in their order.
     */
    public record Plan(UUID planId, LocalDate endedOn, Money principal, List<Instalment> instalments) {
        public Plan {
            instalments = List.copyOf(instalments);
        }
    }

    /**
     * One instalment of the schedule: its date, the amount the schedule shows (interest
     * included), the principal it counts for keeping the plan, and whether invoice-service found
     * it missed.
     */
    public record Instalment(int number, LocalDate dueDate, Money amount, Money principal, boolean missed) {
    }

    private PaymentPlanItems() {
    }

    /**
     * The items {@code invoices} (the plan's open invoices of one buyer, as invoice items in the
     * run's order) are dunned as; {@code taken} holds the steps taken per item reference.
     */
    public static List<DunningItem> itemsOf(Plan plan, List<DunningItem> invoices, Map<String, Set<String>> taken) {
        return itemsOf(plan, invoices, taken, Map.of());
    }

    /**
     * As {@link #itemsOf(Plan, List, Map)}, {@code releasedBeside} holding per invoice reference what disputes running
     * when the plan was agreed released since: while the plan is agreed, each such invoice is also an item of its own
     * (its reference, its due date) owing what was released, at most its collectible amount (the plan's payments
     * count towards the plan first).
     */
    public static List<DunningItem> itemsOf(Plan plan, List<DunningItem> invoices, Map<String, Set<String>> taken,
            Map<String, Money> releasedBeside) {
        if (invoices.isEmpty()) {
            return List.of();
        }
        if (plan.endedOn() != null) {
            return invoices.stream().map(i -> remainder(plan, i, taken)).toList();
        }
        if (plan.instalments().isEmpty()) {
            return invoices;
        }
        List<DunningItem> beside = beside(invoices, releasedBeside);
        List<DunningItem> items = new ArrayList<>(instalments(plan, invoices, beside, taken));
        items.addAll(beside);
        return items;
    }

    /** Each invoice owing what was released beside the plan: that much of it, on its own due date and ladder. */
    private static List<DunningItem> beside(List<DunningItem> invoices, Map<String, Money> releasedBeside) {
        List<DunningItem> beside = new ArrayList<>();
        for (DunningItem i : invoices) {
            Money released = releasedBeside.get(i.reference());
            if (released == null || !released.isPositive()) {
                continue;
            }
            Money owed = released.min(i.collectible());
            if (owed.isPositive()) {
                beside.add(new DunningItem(i.reference(), i.dueDate(), owed, Money.zero(owed.currency()), false,
                        i.heldUntil(), i.takenSteps(), i.invoiceReference(), null));
            }
        }
        return beside;
    }

    /**
     * What the plan's payments have paid of its principal: the principal less what is still
     * collectible on its invoices (an invoice paid off is no longer open and owes nothing).
     */
    public static Money paidOn(Plan plan, List<DunningItem> invoices) {
        return paidOn(plan, invoices, List.of());
    }

    /** As {@link #paidOn(Plan, List)}, what is owed {@code beside} the plan not counting as the plan's. */
    private static Money paidOn(Plan plan, List<DunningItem> invoices, List<DunningItem> beside) {
        Money left = invoices.stream().map(DunningItem::collectible).reduce(Money.zero(plan.principal().currency()),
                Money::plus);
        left = beside.stream().map(DunningItem::open).reduce(left, Money::minus);
        return plan.principal().minus(left).max(Money.zero(plan.principal().currency()));
    }

    /**
     * Each instalment owes its principal less the payments, which pay the instalments in their
     * order (as invoice-service judges the plan: what is paid by an instalment's date covers the
     * principal of it and every one before it). Listed beside the plan's first open invoice.
     */
    private static List<DunningItem> instalments(Plan plan, List<DunningItem> invoices, List<DunningItem> beside,
            Map<String, Set<String>> taken) {
        Money zero = Money.zero(plan.principal().currency());
        Money paid = paidOn(plan, invoices, beside);
        LocalDate heldUntil = invoices.stream().map(DunningItem::heldUntil).filter(Objects::nonNull)
                .max(LocalDate::compareTo).orElse(null);
        String besideInvoice = invoices.get(0).reference();
        List<DunningItem> items = new ArrayList<>();
        Money dueSoFar = zero;
        for (Instalment i : plan.instalments()) {
            dueSoFar = dueSoFar.plus(i.principal());
            Money open = dueSoFar.minus(paid).max(zero).min(i.principal());
            PlanInstalment instalment = new PlanInstalment(plan.planId(), i.number(), i.dueDate(), i.amount());
            items.add(new DunningItem(instalment.reference(), i.dueDate(), open, zero, !i.missed(), heldUntil,
                    taken.get(instalment.reference()), besideInvoice, instalment));
        }
        return items;
    }

    /** An invoice of an ended plan: all of it due on the day the plan ended, under a reference of that plan. */
    private static DunningItem remainder(Plan plan, DunningItem invoice, Map<String, Set<String>> taken) {
        String reference = invoice.reference() + "/" + plan.planId();
        return new DunningItem(reference, plan.endedOn(), invoice.open(), invoice.disputed(), false,
                invoice.heldUntil(), taken.get(reference), invoice.reference(), null);
    }
}
