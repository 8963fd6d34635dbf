package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tradecredit.common.money.Money;

/**
 * Which steps of a tenant's ladder one run takes for one item (docs/domain.md §3 "When a step is
 * due"). A step is due when the run's date is on or after its day and it has not been taken.
 * Every due step is either taken or skipped with a reason; of the steps taken in one run only the
 * highest message is sent, the lower ones are superseded (catch-up after downtime: the work of
 * every step is done, the buyer gets one letter), and a message lower than a step taken on an
 * earlier run is superseded too (a step added to the ladder later never sends a friendly reminder
 * to an invoice already at a formal demand).
 */
public final class StepDecision {
    private final DunningLadder ladder;
    private final DunningRunPolicy policy;
    private final BusinessCalendar calendar;

    public StepDecision(DunningLadder ladder, DunningRunPolicy policy, BusinessCalendar calendar) {
        this.ladder = ladder;
        this.policy = policy;
        this.calendar = calendar;
    }

    /** The day {@code step} falls on for {@code item}. */
    public LocalDate dayOf(DunningStep step, DunningItem item) {
        return calendar.stepDay(item.dueDate(), step.offsetDays(), policy.dayCount());
    }

    /** What the run of {@code asOf} does with each due step of {@code item}, lowest step first. */
    public List<StepOutcome> decide(DunningItem item, BuyerStanding buyer, LocalDate asOf) {
        List<DunningStep> due = ladder.steps().stream()
                .filter(s -> !item.takenSteps().contains(s.key()) && !asOf.isBefore(dayOf(s, item)))
                .toList();
        Optional<SkipReason> settled = settled(item);
        Optional<SkipReason> held = held(item, buyer, asOf);
        List<Optional<SkipReason>> reasons = due.stream().map(step -> settled
                .or(() -> insolvent(step, buyer)).or(() -> keptPlan(step, item)).or(() -> held).or(() -> stepSkip(step, item, buyer))).toList();
        List<DunningStep> taken = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            if (reasons.get(i).isEmpty()) {
                taken.add(due.get(i));
            }
        }
        DunningStep messenger = messenger(taken, item);
        List<StepOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            DunningStep step = due.get(i);
            Optional<SkipReason> reason = reasons.get(i);
            StepOutcome.Kind kind = reason.isPresent() ? StepOutcome.Kind.SKIPPED
                    : step.message().isPresent() && step != messenger ? StepOutcome.Kind.SUPERSEDED
                    : StepOutcome.Kind.TAKEN;
            outcomes.add(new StepOutcome(item.reference(), step, dayOf(step, item), kind, reason.orElse(null),
                    item.collectible(), item.invoiceReference(), item.instalment()));
        }
        return outcomes;
    }

    /**
     * Nothing left to ask for: paid, all that is open disputed (the first reasons docs/domain.md lists), or the rest of a
     * debt an agency settled (for a collector to write off, not to dun).
     */
    private static Optional<SkipReason> settled(DunningItem item) {
        if (!item.open().isPositive()) {
            return Optional.of(SkipReason.PAID);
        }
        if (!item.collectible().isPositive()) {
            return Optional.of(SkipReason.DISPUTED);
        }
        if (item.settledByAgency()) {
            return Optional.of(SkipReason.SETTLED_BY_AGENCY);
        }
        return Optional.empty();
    }

    /**
     * No message to a buyer in insolvency proceedings, whatever else holds: the reason lasts as long as the proceedings.
     * A step without a message (a collector's task, legal preparation, the claim trigger) serves the claim and is judged
     * as for any buyer; a step with a message waits whole, its message and work, and is due again once the buyer is
     * unblocked (catch-up then sends one message).
     */
    private static Optional<SkipReason> insolvent(DunningStep step, BuyerStanding buyer) {
        return buyer.insolvent() && step.message().isPresent() ? Optional.of(SkipReason.BUYER_INSOLVENT) : Optional.empty();
    }

    /**
     * A kept plan holds back the steps after the item's date: the buyer is not late on a plan
     * invoice-service still judges kept (an instalment is late only once it is found missed).
     * The steps up to its date remind of it.
     */
    private static Optional<SkipReason> keptPlan(DunningStep step, DunningItem item) {
        return item.underKeptPlan() && step.offsetDays() > 0 ? Optional.of(SkipReason.KEPT_PLAN) : Optional.empty();
    }

    /** A hold on the invoice, else on the buyer, holding on the run's date. */
    private static Optional<SkipReason> held(DunningItem item, BuyerStanding buyer, LocalDate asOf) {
        if (heldOn(item.heldUntil(), asOf)) {
            return Optional.of(SkipReason.INVOICE_ON_HOLD);
        }
        if (heldOn(buyer.heldUntil(), asOf)) {
            return Optional.of(SkipReason.BUYER_ON_HOLD);
        }
        return Optional.empty();
    }

    /** A hold holds up to and including its last day. */
    private static boolean heldOn(LocalDate heldUntil, LocalDate asOf) {
        return heldUntil != null && !asOf.isAfter(heldUntil);
    }

    /** A reason for this step alone; the tolerance concerns only steps past the due date. */
    private Optional<SkipReason> stepSkip(DunningStep step, DunningItem item, BuyerStanding buyer) {
        Money collectible = item.collectible();
        return belowThreshold(step, collectible, buyer.overdueIn(collectible.currency()), policy.tolerance());
    }

    /**
     * Whether {@code step} is not taken for an item owing {@code collectible}, of a buyer owing {@code buyerOverdue}
     * overdue in that currency: under the step's minimum amount, or (a step after the due date) the buyer's overdue
     * balance under the tenant's {@code tolerance}. The run's rule, and an approved draft's on the day it goes out.
     */
    public static Optional<SkipReason> belowThreshold(DunningStep step, Money collectible, Money buyerOverdue,
            CurrencyThresholds tolerance) {
        if (step.minimumAmount().isAbove(collectible)) {
            return Optional.of(SkipReason.BELOW_MINIMUM);
        }
        if (step.offsetDays() > 0 && tolerance.isAbove(buyerOverdue)) {
            return Optional.of(SkipReason.BELOW_TOLERANCE);
        }
        return Optional.empty();
    }

    /**
     * The step whose message this run sends: the highest step with a message among those taken
     * now, unless a step taken on an earlier run lies above it (walking the ladder upwards, a step
     * taken before outranks every message below it; a key no longer in the ladder says nothing).
     */
    private DunningStep messenger(List<DunningStep> takenNow, DunningItem item) {
        DunningStep messenger = null;
        for (DunningStep step : ladder.steps()) {
            if (item.takenSteps().contains(step.key())) {
                messenger = null;
            } else if (takenNow.contains(step) && step.message().isPresent()) {
                messenger = step;
            }
        }
        return messenger;
    }
}
