package io.tradecredit.collections.events;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.util.RawValue;

import io.tradecredit.collections.domain.Channel;
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

    /** Thread-safe; generators are cheap, the factory is not. */
    private static final JsonFactory JSON = new JsonFactory();
    private static final Channel[] CHANNELS_BY_NAME = Arrays.stream(Channel.values())
            .sorted(Comparator.comparing(Channel::name)).toArray(Channel[]::new);

    private StepTaken() {
    }

    /** The ladder the steps belong to, as the run found it in force. */
    public record Ladder(String key, int version) {
    }

    /** One step of one item, as the event lists it. */
    public record Step(StepOutcome outcome, LetterFacts.Invoice invoice, String supersededBy, List<UUID> requestIds) {
    }

    public static OutgoingEvent of(String tenantId, UUID buyerId, LocalDate runDate, Ladder ladder, List<Step> steps) {
        UUID id = UUID.nameUUIDFromBytes(("step-taken/" + tenantId + "/" + buyerId + "/" + runDate)
                .getBytes(StandardCharsets.UTF_8));
        return new OutgoingEvent(TopicNames.COLLECTION_CASES, TYPE, "buyer", buyerId.toString(), tenantId,
                new RawValue(json(buyerId, runDate, ladder, steps))).withId(id);
    }

    /**
     * The payload, written once straight to JSON: a run writes one per buyer, and building maps for
     * Jackson cost the run a large part of its allocation (docs/performance.md, issue 12, "Third step").
     * Same fields and values as the schema {@code contracts/schemas/io.tradecredit.collections.step-taken.v1.json}.
     */
    static String json(UUID buyerId, LocalDate runDate, Ladder ladder, List<Step> steps) {
        StringWriter out = new StringWriter(256 + 512 * steps.size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("buyerId", buyerId.toString());
            g.writeStringField("runDate", runDate.toString());
            g.writeStringField("ladderKey", ladder.key());
            g.writeNumberField("ladderVersion", ladder.version());
            g.writeArrayFieldStart("steps");
            for (Step s : steps) {
                step(g, s);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void step(JsonGenerator g, Step s) throws IOException {
        StepOutcome o = s.outcome();
        g.writeStartObject();
        g.writeStringField("itemReference", o.itemReference());
        g.writeStringField("invoiceId", s.invoice().invoiceId().toString());
        g.writeStringField("invoiceNumber", s.invoice().invoiceNumber());
        g.writeStringField("stepKey", o.step().key());
        g.writeNumberField("offsetDays", o.step().offsetDays());
        g.writeStringField("stepDay", o.stepDay().toString());
        g.writeStringField("outcome", o.kind().name());
        g.writeStringField("skipReason", o.skipReason() == null ? null : o.skipReason().name());
        g.writeStringField("supersededBy", s.supersededBy());
        DunningRequestData.money(g, "collectibleAmount", o.collectible());
        g.writeArrayFieldStart("actions");
        for (DunningAction a : o.step().actions()) {
            g.writeStartObject();
            g.writeStringField("kind", a.kind().name());
            g.writeStringField("key", a.key());
            g.writeArrayFieldStart("channels");
            // sorted by name, as consumers have always seen them
            for (Channel c : CHANNELS_BY_NAME) {
                if (a.channels().contains(c)) {
                    g.writeString(c.name());
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("messageRequestIds");
        for (UUID r : s.requestIds()) {
            g.writeString(r.toString());
        }
        g.writeEndArray();
        if (o.instalment() != null) {
            // optional: only a step of a payment plan's instalment names it
            g.writeObjectFieldStart("instalment");
            g.writeStringField("planId", o.instalment().planId().toString());
            g.writeNumberField("number", o.instalment().number());
            g.writeStringField("dueDate", o.instalment().dueDate().toString());
            DunningRequestData.money(g, "amount", o.instalment().amount());
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
