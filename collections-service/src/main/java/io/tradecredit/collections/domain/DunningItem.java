package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.Set;

import io.tradecredit.common.money.Money;

/**
 * What the daily run knows of one thing it may dun: an invoice, or one instalment of the
 * invoice's payment plan (whose date then replaces the due date). {@code reference} names it in
 * the log of steps (the invoice id, or the invoice id and instalment number); {@code dueDate} is
 * the current one. {@code disputed} is the frozen part of {@code open}; {@code underKeptPlan}
 * says a payment plan covers it and is being kept; {@code heldUntil} is the last day of the
 * latest hold on the invoice (null: none); {@code takenSteps} are the keys of the steps already
 * taken for it, in any run before this one. {@code invoiceReference} is the invoice a letter lists
 * it as (the reference itself for an invoice); {@code instalment} the plan's instalment it is
 * (null: an invoice). Items of payment plans are made by {@link PaymentPlanItems}. {@code settledByAgency} says the
 * invoice was in a case its agency closed as settled ({@link #settledByAgency()}).
 */
public record DunningItem(String reference, LocalDate dueDate, Money open, Money disputed, boolean underKeptPlan,
        LocalDate heldUntil, Set<String> takenSteps, String invoiceReference, PlanInstalment instalment,
        boolean settledByAgency) {
    public DunningItem {
        takenSteps = takenSteps == null ? Set.of() : Set.copyOf(takenSteps);
    }

    /** An invoice or instalment not settled by an agency. */
    public DunningItem(String reference, LocalDate dueDate, Money open, Money disputed, boolean underKeptPlan,
            LocalDate heldUntil, Set<String> takenSteps, String invoiceReference, PlanInstalment instalment) {
        this(reference, dueDate, open, disputed, underKeptPlan, heldUntil, takenSteps, invoiceReference, instalment, false);
    }

    /** An invoice: its own reference, no instalment. */
    public DunningItem(String reference, LocalDate dueDate, Money open, Money disputed, boolean underKeptPlan,
            LocalDate heldUntil, Set<String> takenSteps) {
        this(reference, dueDate, open, disputed, underKeptPlan, heldUntil, takenSteps, reference, null);
    }

    /**
     * Whether a plan in the read model's state {@code planState} is being kept: {@code AGREED}
     * until invoice-service says it broke ({@code BROKEN}); no plan ({@code null}) is none kept.
     */
    public static boolean planKept(String planState) {
        return "AGREED".equals(planState);
    }

    /**
     * This item with its invoice in a case the agency closed as settled: the settlement ended the debt, so no step is
     * taken for it any more ({@link SkipReason#SETTLED_BY_AGENCY}).
     */
    public DunningItem settledByTheAgency() {
        return new DunningItem(reference, dueDate, open, disputed, underKeptPlan, heldUntil, takenSteps, invoiceReference,
                instalment, true);
    }

    /** What may be asked for: the open amount less its disputed part, never below zero. */
    public Money collectible() {
        return open.minus(disputed).max(Money.zero(open.currency()));
    }

    /** Overdue from the day after its due date, as in invoice-service. */
    public boolean isOverdueOn(LocalDate asOf) {
        return asOf.isAfter(dueDate);
    }
}
