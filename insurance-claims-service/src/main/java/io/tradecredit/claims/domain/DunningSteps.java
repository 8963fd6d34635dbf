package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a claim's dossier keeps of one dunning run for a buyer (collections' {@code step-taken}, one event per
 * buyer and run date): the steps that reached the buyer or escalated the debt. A step counts when it was
 * TAKEN with a message (its message went out), or TAKEN or SUPERSEDED with a legal preparation or an agency
 * hand-off (that work is done even when a higher step's message replaced its own). Reminders that were
 * superseded, skipped steps, tasks and case openings alone add nothing (the case's own events say those).
 * The whole run is one entry: the step keys, the invoices and the channels, and a line per step. Since
 * step-taken v2 the run's steps come counted (a count per step key and outcome, no invoice named): the line
 * then says how many items the step concerned and the entry names no invoice; v1 events still on the topic
 * are read as before.
 */
public final class DunningSteps {
    static final String MESSAGE = "MESSAGE";
    static final Set<String> ESCALATIONS = Set.of("LEGAL_PREPARATION", "AGENCY_HANDOFF");
    static final String CLAIM_TRIGGER = "CLAIM_TRIGGER";

    private DunningSteps() {
    }

    /**
     * A due step in the run: one invoice's, named (step-taken v1 listed each), or {@code count} items' of one step
     * key and outcome, not named (v2 counts them: invoiceId and invoiceNumber null).
     */
    public record Step(UUID invoiceId, String invoiceNumber, String stepKey, String outcome, int count, List<Action> actions) {
        /** One named invoice's step (v1). */
        public Step(UUID invoiceId, String invoiceNumber, String stepKey, String outcome, List<Action> actions) {
            this(invoiceId, invoiceNumber, stepKey, outcome, 1, actions);
        }

        /** {@code count} items' step, counted (v2). */
        public static Step counted(String stepKey, String outcome, int count, List<Action> actions) {
            return new Step(null, null, stepKey, outcome, count, actions);
        }
    }

    /** One action of a step: its kind (MESSAGE, LEGAL_PREPARATION, ...) and a message's channels. */
    public record Action(String kind, List<String> channels) {
    }

    /**
     * Whether the run took the ladder's claim trigger for the buyer (the default +90 "insurer claim if insured"): a
     * step with a CLAIM_TRIGGER action TAKEN, or SUPERSEDED (a catch-up does a superseded step's work, only its
     * message is replaced). A skipped step did nothing.
     */
    public static boolean claimTriggered(List<Step> steps) {
        return steps.stream().anyMatch(s -> ("TAKEN".equals(s.outcome()) || "SUPERSEDED".equals(s.outcome()))
                && s.actions().stream().anyMatch(a -> CLAIM_TRIGGER.equals(a.kind())));
    }

    /** The run's entry in the buyer's record, or empty when no step of it counts. */
    public static Optional<CollectionEntry> entry(String eventId, UUID buyerId, LocalDate runDate, List<Step> steps) {
        Map<String, List<String>> numbersByStep = new LinkedHashMap<>();
        Map<String, Integer> countedByStep = new LinkedHashMap<>();
        Map<String, Set<String>> doneByStep = new LinkedHashMap<>();
        Set<UUID> invoices = new LinkedHashSet<>();
        Set<String> channels = new LinkedHashSet<>();
        for (Step step : steps) {
            List<String> done = done(step, channels);
            if (done.isEmpty()) {
                continue;
            }
            List<String> numbers = numbersByStep.computeIfAbsent(step.stepKey(), k -> new ArrayList<>());
            if (step.invoiceId() == null) {
                countedByStep.merge(step.stepKey(), step.count(), Integer::sum);
            } else {
                invoices.add(step.invoiceId());
                numbers.add(step.invoiceNumber());
            }
            doneByStep.computeIfAbsent(step.stepKey(), k -> new LinkedHashSet<>()).addAll(done);
        }
        if (doneByStep.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        numbersByStep.forEach((key, numbers) -> lines.add(key + " (" + String.join(", ", doneByStep.get(key)) + "): "
                + (numbers.isEmpty() ? items(countedByStep.get(key)) : String.join(", ", numbers))));
        return Optional.of(new CollectionEntry(eventId, buyerId, runDate, CollectionEntry.Kind.STEPS_TAKEN,
                String.join("; ", lines), List.copyOf(invoices), List.copyOf(numbersByStep.keySet()), List.copyOf(channels),
                null, null));
    }

    /** A counted step's items in words: a v2 event names no invoice. */
    private static String items(int count) {
        return count == 1 ? "1 item" : count + " items";
    }

    /** What of the step counts, in words ("message by EMAIL, LETTER", "agency hand-off"); adds a message's channels. */
    private static List<String> done(Step step, Set<String> channels) {
        boolean taken = "TAKEN".equals(step.outcome());
        boolean superseded = "SUPERSEDED".equals(step.outcome());
        List<String> done = new ArrayList<>();
        for (Action a : step.actions()) {
            if (taken && MESSAGE.equals(a.kind())) {
                channels.addAll(a.channels());
                done.add("message by " + String.join(", ", a.channels()));
            } else if ((taken || superseded) && ESCALATIONS.contains(a.kind())) {
                done.add(a.kind().equals("AGENCY_HANDOFF") ? "agency hand-off" : "legal preparation");
            }
        }
        return done;
    }
}
