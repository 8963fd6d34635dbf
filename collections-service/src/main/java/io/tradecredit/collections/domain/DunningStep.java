package io.tradecredit.collections.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One rung of a dunning ladder: {@code offsetDays} from the due date (negative before it, 0 on
 * it), what it does, and the minimum amount (per currency) an invoice must still have collectible
 * for the step to be worth taking. {@code key} names the step for good: it is what the log of
 * steps taken remembers, so a new version of the ladder never repeats a step with the same key.
 */
public record DunningStep(String key, int offsetDays, List<DunningAction> actions, CurrencyThresholds minimumAmount) {
    public DunningStep {
        actions = actions == null ? List.of() : List.copyOf(actions);
        minimumAmount = minimumAmount == null ? CurrencyThresholds.NONE : minimumAmount;
    }

    public DunningStep(String key, int offsetDays, DunningAction... actions) {
        this(key, offsetDays, List.of(actions), CurrencyThresholds.NONE);
    }

    /**
     * The step's message, if it sends one (a ladder allows at most one per step). A plain loop, not a
     * stream: the dunning run asks this several times per invoice (docs/performance.md, issue 12).
     */
    public Optional<DunningAction> message() {
        for (DunningAction a : actions) {
            if (a.isMessage()) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Everything the step does besides its message. */
    public List<DunningAction> work() {
        List<DunningAction> work = new ArrayList<>(actions.size());
        for (DunningAction a : actions) {
            if (!a.isMessage()) {
                work.add(a);
            }
        }
        return List.copyOf(work);
    }
}
