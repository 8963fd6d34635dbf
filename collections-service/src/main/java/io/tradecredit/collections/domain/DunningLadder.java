package io.tradecredit.collections.domain;

import static io.tradecredit.collections.domain.DunningAction.Kind.AGENCY_HANDOFF;
import static io.tradecredit.collections.domain.DunningAction.Kind.CASE_OPENING;
import static io.tradecredit.collections.domain.DunningAction.Kind.CLAIM_TRIGGER;
import static io.tradecredit.collections.domain.DunningAction.Kind.COLLECTOR_TASK;
import static io.tradecredit.collections.domain.DunningAction.Kind.LEGAL_PREPARATION;
import static io.tradecredit.collections.domain.DunningAction.message;
import static io.tradecredit.collections.domain.DunningAction.messageWithLetter;
import static io.tradecredit.collections.domain.DunningAction.work;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * A tenant's escalation ladder (docs/domain.md §3): steps in strictly increasing order of their
 * offset from the due date, each with a unique key. Built only through {@link #of}, which names
 * every problem at once, so a ladder that exists is a valid one.
 */
public final class DunningLadder {
    /** The furthest before the due date a step may lie. */
    public static final int EARLIEST_OFFSET = -365;
    /** The furthest after the due date a step may lie (ten years). */
    public static final int LATEST_OFFSET = 3650;
    /** What a ladder or step key may look like. */
    public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

    /** docs/domain.md §3's table, row by row; the tenant's ladder until it sets its own. */
    public static final DunningLadder DEFAULT = of(List.of(
            new DunningStep("friendly-reminder", -7, message("dunning.friendly-reminder", Channel.EMAIL)),
            new DunningStep("reminder", -3, message("dunning.reminder", Channel.SMS)),
            new DunningStep("payment-request", 0, message("dunning.payment-request", Channel.LETTER)),
            new DunningStep("reason-call", 3, work(COLLECTOR_TASK, "task.call-to-confirm-reason")),
            new DunningStep("formal-demand", 7, messageWithLetter("dunning.formal-demand", Channel.EMAIL, Channel.LETTER)),
            new DunningStep("case-opening", 15, work(CASE_OPENING, "case.internal-collection")),
            new DunningStep("finance-demand", 30, messageWithLetter("dunning.finance-demand", Channel.EMAIL, Channel.LETTER),
                    work(COLLECTOR_TASK, "task.consider-partner-agency")),
            new DunningStep("legal-preparation", 60, work(LEGAL_PREPARATION, "legal.prepare-procedure")),
            new DunningStep("payment-order", 90, work(COLLECTOR_TASK, "task.assess-ability-to-pay"),
                    work(LEGAL_PREPARATION, "legal.payment-order-or-lawsuit"), work(CLAIM_TRIGGER, "claim.if-insured")),
            new DunningStep("agency-legal-action", 180, work(AGENCY_HANDOFF, "agency.may-take-legal-action"))));

    private final List<DunningStep> steps;

    private DunningLadder(List<DunningStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The ladder of {@code steps}, or a refusal naming every problem (e.g. {@code steps[2].offsetDays}). */
    public static DunningLadder of(List<DunningStep> steps) {
        List<Violation> problems = violations(steps);
        if (!problems.isEmpty()) {
            throw DomainError.invalid("dunning.ladder-invalid", "The dunning ladder is not valid", problems);
        }
        return new DunningLadder(steps);
    }

    /** Every problem of {@code steps}, empty for a valid ladder. */
    public static List<Violation> violations(List<DunningStep> steps) {
        List<Violation> problems = new ArrayList<>();
        if (steps == null || steps.isEmpty()) {
            problems.add(new Violation("steps", "a ladder needs at least one step"));
            return problems;
        }
        for (int i = 0; i < steps.size(); i++) {
            problems.addAll(stepViolations(steps, i));
        }
        return problems;
    }

    private static List<Violation> stepViolations(List<DunningStep> steps, int i) {
        String path = "steps[" + i + "]";
        DunningStep step = steps.get(i);
        List<Violation> problems = new ArrayList<>();
        if (step == null) {
            problems.add(new Violation(path, "is required"));
            return problems;
        }
        if (step.key() == null || !KEY.matcher(step.key()).matches()) {
            problems.add(new Violation(path + ".key", "is required: 1 to 64 of a-z, 0-9, '.' and '-', starting with a letter or digit"));
        } else {
            for (int j = 0; j < i; j++) {
                if (steps.get(j) != null && step.key().equals(steps.get(j).key())) {
                    problems.add(new Violation(path + ".key", "'" + step.key() + "' is already the key of steps[" + j + "]"));
                }
            }
        }
        int offset = step.offsetDays();
        if (offset < EARLIEST_OFFSET || offset > LATEST_OFFSET) {
            problems.add(new Violation(path + ".offsetDays", "must be between " + EARLIEST_OFFSET + " and " + LATEST_OFFSET));
        }
        if (i > 0) {
            int previous = steps.get(i - 1) == null ? Integer.MIN_VALUE : steps.get(i - 1).offsetDays();
            if (offset <= previous) {
                problems.add(new Violation(path + ".offsetDays", offset == previous
                        ? "the same day as steps[" + (i - 1) + "] (" + offset + "): one step per day"
                        : "must come after steps[" + (i - 1) + "] (" + previous + "): steps are in order"));
            }
        }
        if (step.actions().isEmpty()) {
            problems.add(new Violation(path + ".actions", "a step needs at least one action"));
        }
        int messages = 0;
        for (int k = 0; k < step.actions().size(); k++) {
            DunningAction action = step.actions().get(k);
            problems.addAll(action.violations(path + ".actions[" + k + "]"));
            if (action.isMessage() && ++messages > 1) {
                problems.add(new Violation(path + ".actions[" + k + "]", "a step sends at most one message (put its channels together)"));
            }
        }
        problems.addAll(step.minimumAmount().violations(path + ".minimumAmount"));
        return problems;
    }

    public List<DunningStep> steps() {
        return steps;
    }

    /** The step with {@code key}, if this ladder has it (a step of an older version may not be here any more). */
    public Optional<DunningStep> step(String key) {
        return steps.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
