package io.tradecredit.claims.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tradecredit.claims.app.CollectionRecords;
import io.tradecredit.claims.app.LadderClaims;
import io.tradecredit.claims.domain.CollectionEntry;
import io.tradecredit.claims.domain.CollectionEntry.Kind;
import io.tradecredit.claims.domain.DunningSteps;
import io.tradecredit.common.events.BatchInbox;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.IncomingEvent;

/**
 * Reads {@code collection-cases} (schemas {@code io.tradecredit.collections.*.v1}) once per event id into the
 * buyers' collection records, the dunning record of a claim's dossier: a dunning run's steps (step-taken v2,
 * counted, and v1, listed per invoice, which is still read for what is on the topic from before), a case's
 * opening, moves and closing, promises made, kept and broken, hand-offs to an agency, its reports and
 * recalls. Other types (abandonment) are skipped before parsing; a kept event it cannot read goes to
 * {@code collection-cases.dlq.insurance-claims-service}. Each line says what happened in the event's words.
 */
@ApplicationScoped
public class CollectionCaseConsumer {
    static final String PREFIX = "io.tradecredit.collections.";
    /** The run's steps counted per step key and outcome (replaced v1's list of every invoice's step). */
    static final String STEPS_COUNTED = PREFIX + "step-taken.v2";
    static final Set<String> READS = Stream.concat(Stream.of("step-taken", "case-opened", "case-state-changed", "case-closed",
            "promise-made", "promise-kept", "promise-broken", "handed-to-agency", "agency-update-received", "recalled")
            .map(name -> PREFIX + name + ".v1"), Stream.of(STEPS_COUNTED)).collect(Collectors.toUnmodifiableSet());

    @Inject
    BatchInbox inbox;

    @Inject
    CollectionRecords records;

    @Inject
    LadderClaims ladderClaims;

    /** What an event asks of this service: an entry in its tenant's collection record, or the ladder's claim trigger. */
    sealed interface Effect permits Recorded, ClaimTriggered {
    }

    record Recorded(CollectionEntry.OfTenant entry) implements Effect {
    }

    record ClaimTriggered(String tenantId, UUID buyerId, LocalDate runDate) implements Effect {
    }

    /**
     * A poll at a time (the channel has {@code batch=true}): a dunning run publishes a step-taken event per
     * buyer, 100,000 for a million invoices, and one transaction and one insert per poll instead of one per
     * event is what keeps this reader up with it (docs/performance.md, issue 12); an event it cannot read
     * still goes to the DLQ alone (chassis {@link BatchInbox}).
     */
    @Incoming("collection-cases")
    public Uni<Void> on(KafkaRecordBatch<String, String> batch) {
        return inbox.receiveAll(InvoiceEventConsumer.CONSUMER, batch, READS, CollectionCaseConsumer::effects, this::apply);
    }

    /** The poll's entries with one statement, then each claim trigger in the poll's order. */
    private Uni<Void> apply(List<Effect> effects) {
        Uni<Void> done = records.addAll(effects.stream().filter(Recorded.class::isInstance)
                .map(e -> ((Recorded) e).entry()).toList());
        for (Effect e : effects) {
            if (e instanceof ClaimTriggered t) {
                done = done.chain(() -> ladderClaims.triggered(t.tenantId(), t.buyerId(), t.runDate()).replaceWithVoid());
            }
        }
        return done;
    }

    /**
     * What the event asks: its entry in its tenant's record, if any; for a run's steps (step-taken) also the
     * ladder's claim trigger when the run took it. Throws for an event it cannot read.
     */
    static List<Effect> effects(IncomingEvent e) {
        List<DunningSteps.Step> steps = steps(e);
        if (steps == null) {
            String name = e.nameFrom("collections");
            CollectionEntry entry = name == null ? null : entry(name, e.id(), e.fields());
            return entry == null ? List.of() : List.of(new Recorded(new CollectionEntry.OfTenant(e.tenantId(), entry)));
        }
        EventFields d = e.fields();
        List<Effect> out = new java.util.ArrayList<>();
        CollectionRecords.stepsTaken(e.tenantId(), e.id(), d.uuid("buyerId"), d.date("runDate"), steps)
                .forEach(entry -> out.add(new Recorded(entry)));
        if (DunningSteps.claimTriggered(steps)) {
            out.add(new ClaimTriggered(e.tenantId(), d.uuid("buyerId"), d.date("runDate")));
        }
        return out;
    }

    /** A run's steps: counted (step-taken v2) or listed per invoice (v1); null for any other event. */
    private static List<DunningSteps.Step> steps(IncomingEvent e) {
        if (STEPS_COUNTED.equals(e.type())) {
            return e.fields().objects("steps").stream().map(s -> DunningSteps.Step.counted(s.text("stepKey"),
                    s.text("outcome"), s.integer("count"), actions(s))).toList();
        }
        return "step-taken".equals(e.nameFrom("collections"))
                ? e.fields().objects("steps").stream().map(CollectionCaseConsumer::step).toList() : null;
    }

    private static DunningSteps.Step step(EventFields s) {
        return new DunningSteps.Step(s.uuid("invoiceId"), s.text("invoiceNumber"), s.text("stepKey"), s.text("outcome"),
                actions(s));
    }

    private static List<DunningSteps.Action> actions(EventFields step) {
        return step.objects("actions").stream().map(a -> new DunningSteps.Action(a.text("kind"), a.texts("channels"))).toList();
    }

    private static CollectionEntry entry(String name, String id, EventFields d) {
        UUID buyer = d.uuid("buyerId");
        UUID caseId = d.uuid("caseId");
        return switch (name) {
            case "case-opened" -> CollectionEntry.ofCase(id, buyer, d.date("openedOn"), Kind.CASE_OPENED,
                    "case opened by " + d.text("openedBy"), null, caseId);
            case "case-state-changed" -> CollectionEntry.ofCase(id, buyer, d.date("on"), Kind.CASE_STATE_CHANGED,
                    "case " + d.text("from") + " → " + d.text("to") + d.optionalText("closeReason").map(r -> " (" + r + ")")
                            .orElse("") + " by " + d.text("by") + d.optionalText("note").map(n -> ": " + n).orElse(""),
                    null, caseId);
            case "case-closed" -> CollectionEntry.ofCase(id, buyer, d.date("closedOn"), Kind.CASE_CLOSED,
                    "case closed " + d.text("closeReason") + " by " + d.text("closedBy"), null, caseId);
            case "promise-made" -> CollectionEntry.ofCase(id, buyer, d.date("madeOn"), Kind.PROMISE_MADE,
                    "promise to pay " + d.money("amount") + " by " + d.date("promisedDate") + " (hold until "
                            + d.date("deadline") + "), taken by " + d.text("madeBy"), null, caseId);
            case "promise-kept" -> CollectionEntry.ofCase(id, buyer, d.date("judgedOn"), Kind.PROMISE_KEPT,
                    "promise of " + d.money("amount") + " by " + d.date("promisedDate") + " kept: paid " + d.money("paid"),
                    null, caseId);
            case "promise-broken" -> CollectionEntry.ofCase(id, buyer, d.date("judgedOn"), Kind.PROMISE_BROKEN,
                    "promise of " + d.money("amount") + " by " + d.date("promisedDate") + " broken: paid " + d.money("paid")
                            + ", short " + d.money("shortfall"), null, caseId);
            case "handed-to-agency" -> CollectionEntry.ofCase(id, buyer, d.date("handedOn"), Kind.HANDED_TO_AGENCY,
                    "handed to agency " + d.text("agencyCode") + " by " + d.text("by")
                            + d.optionalText("stepKey").map(k -> " (step " + k + ")").orElse(""),
                    d.text("agencyCode"), caseId);
            case "agency-update-received" -> CollectionEntry.ofCase(id, buyer, d.date("reportedOn"), Kind.AGENCY_REPORT,
                    d.text("kind") + d.optionalMoney("amount").map(m -> " " + m).orElse("")
                            + d.optionalText("promisedFor").map(p -> " for " + p).orElse("")
                            + d.optionalText("note").map(n -> ": " + n).orElse("") + " (case " + d.text("caseState")
                            + (d.bool("placementEnded") ? ", back from the agency)" : ")"),
                    d.text("agencyCode"), caseId);
            case "recalled" -> CollectionEntry.ofCase(id, buyer, d.date("recalledOn"), Kind.RECALLED,
                    "recalled from agency " + d.text("agencyCode") + " by " + d.text("by")
                            + d.optionalText("note").map(n -> ": " + n).orElse(""), d.text("agencyCode"), caseId);
            default -> null;
        };
    }
}
