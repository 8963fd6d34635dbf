package io.tradecredit.collections.events;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tradecredit.collections.domain.DunningAction;
import io.tradecredit.collections.domain.LetterFacts;
import io.tradecredit.collections.domain.StepOutcome;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.TopicNames;

/**
 * What one run did for one buyer ({@code io.tradecredit.collections.step-taken.v1} on
 * {@code collection-cases}): every due step of every item, taken (with the requests its message
 * went out as), superseded (by which step's message) or skipped (why; due again on the next run),
 * each with the step's actions, so a consumer sees every piece of work, a claim trigger included.
 * One event per buyer and run date, not per step: a catch-up over a million invoices stays a
 * hundred thousand outbox rows. Keyed by buyer (no case may exist yet; a buyer's runs stay in
 * order); its id is derived from tenant, buyer and run date, so the same run announced twice is
 * dropped by the consumer's inbox.
 */
public final class StepTaken {
    public static final String TYPE = "io.tradecredit.collections.step-taken.v1";

    private StepTaken() {
    }

    /** The ladder the steps belong to, as the run found it in force. */
    public record Ladder(String key, int version) {
    }

    /** One step of one item, as the event lists it. */
    public record Step(StepOutcome outcome, LetterFacts.Invoice invoice, String supersededBy, List<UUID> requestIds) {
    }

    public static OutgoingEvent of(String tenantId, UUID buyerId, LocalDate runDate, Ladder ladder, List<Step> steps) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("buyerId", buyerId.toString());
        body.put("runDate", runDate.toString());
        body.put("ladderKey", ladder.key());
        body.put("ladderVersion", ladder.version());
        body.put("steps", steps.stream().map(StepTaken::step).toList());
        UUID id = UUID.nameUUIDFromBytes(("step-taken/" + tenantId + "/" + buyerId + "/" + runDate)
                .getBytes(StandardCharsets.UTF_8));
        return new OutgoingEvent(TopicNames.COLLECTION_CASES, TYPE, "buyer", buyerId.toString(), tenantId, body).withId(id);
    }

    private static Map<String, Object> step(Step s) {
        StepOutcome o = s.outcome();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("itemReference", o.itemReference());
        m.put("invoiceId", s.invoice().invoiceId().toString());
        m.put("invoiceNumber", s.invoice().invoiceNumber());
        m.put("stepKey", o.step().key());
        m.put("offsetDays", o.step().offsetDays());
        m.put("stepDay", o.stepDay().toString());
        m.put("outcome", o.kind().name());
        m.put("skipReason", o.skipReason() == null ? null : o.skipReason().name());
        m.put("supersededBy", s.supersededBy());
        m.put("collectibleAmount", DunningRequestData.money(o.collectible()));
        m.put("actions", o.step().actions().stream().map(StepTaken::action).toList());
        m.put("messageRequestIds", s.requestIds().stream().map(UUID::toString).toList());
        return m;
    }

    private static Map<String, Object> action(DunningAction a) {
        return Map.of("kind", a.kind().name(), "key", a.key(),
                "channels", a.channels().stream().map(Enum::name).sorted().toList());
    }
}
