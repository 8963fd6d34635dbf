package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.List;

import io.tradecredit.common.money.Money;

/**
 * What one run does with one due step of one item. {@link Kind#TAKEN}: the step's work is done
 * and its message (if any) sent. {@link Kind#SUPERSEDED}: taken, its work done, but its message
 * left out because a higher step's message goes out instead. Both count as taken for good.
 * {@link Kind#SKIPPED}: not taken, for {@code skipReason}; due again on the next run.
 * {@code invoiceReference} and {@code instalment} are the item's (see {@link DunningItem}).
 */
public record StepOutcome(String itemReference, DunningStep step, LocalDate stepDay, Kind kind, SkipReason skipReason,
        Money collectible, String invoiceReference, PlanInstalment instalment) {
    /** A step of an invoice item (no instalment). */
    public StepOutcome(String itemReference, DunningStep step, LocalDate stepDay, Kind kind, SkipReason skipReason,
            Money collectible) {
        this(itemReference, step, stepDay, kind, skipReason, collectible, itemReference, null);
    }

    public enum Kind {
        TAKEN, SUPERSEDED, SKIPPED
    }

    /** Whether the step is now taken for the item (never due again). */
    public boolean isTaken() {
        return kind != Kind.SKIPPED;
    }

    /** Whether this run sends the step's message. */
    public boolean sendsMessage() {
        return kind == Kind.TAKEN && step.message().isPresent();
    }

    /** The work this run does for the step (everything but its message). */
    public List<DunningAction> work() {
        return isTaken() ? step.work() : List.of();
    }
}
