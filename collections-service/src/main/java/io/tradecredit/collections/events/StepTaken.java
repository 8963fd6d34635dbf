package io.tradecredit.collections.events;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.util.RawValue;

import io.tradecredit.collections.domain.Channel;
import io.tradecredit.collections.domain.DunningAction;
import io.tradecredit.collections.domain.SkipReason;
import io.tradecredit.collections.domain.StepOutcome;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.TopicNames;

/**
 * What one run did for one buyer ({@code io.tradecredit.collections.step-taken.v2} on
 * {@code collection-cases}): the due steps counted per step key and outcome (taken, superseded or
 * skipped, and why), each group with the step's actions and the requests its message went out as,
 * so a consumer sees every kind of work done, a claim trigger included. Version 2 because version 1
 * listed every item's step (twelve fields each, a buyer's ten invoices made 5 KB) and no reader used
 * more than the step keys, the outcomes, the actions and a count; which invoice got which step is in
 * collections' own log of steps and the requests' {@code data.invoices}. One event per buyer and run
 * date, keyed by buyer (no case may exist yet; a buyer's runs stay in order); its id is derived from
 * tenant, buyer and run date, so the same run announced twice is dropped by the consumer's inbox.
 */
public final class StepTaken {
    public static final String TYPE = "io.tradecredit.collections.step-taken.v2";

    /** Thread-safe; generators are cheap, the factory is not. */
    private static final JsonFactory JSON = new JsonFactory();
    private static final Channel[] CHANNELS_BY_NAME = Arrays.stream(Channel.values())
            .sorted(Comparator.comparing(Channel::name)).toArray(Channel[]::new);

    private StepTaken() {
    }

    /** The ladder the steps belong to, as the run found it in force. */
    public record Ladder(String key, int version) {
    }

    /** One step of one item and the requests its message went out as (none when not taken or without a message). */
    public record Step(StepOutcome outcome, List<UUID> requestIds) {
    }

    public static OutgoingEvent of(String tenantId, UUID buyerId, LocalDate runDate, Ladder ladder, List<Step> steps) {
        UUID id = UUID.nameUUIDFromBytes(("step-taken/" + tenantId + "/" + buyerId + "/" + runDate)
                .getBytes(StandardCharsets.UTF_8));
        return new OutgoingEvent(TopicNames.COLLECTION_CASES, TYPE, "buyer", buyerId.toString(), tenantId,
                new RawValue(json(buyerId, runDate, ladder, steps))).withId(id);
    }

    /** The steps of one step key with one outcome (and skip reason), in the order the run decided them. */
    private record Group(StepOutcome first, int[] count, Set<UUID> requestIds) {
    }

    private record GroupKey(String stepKey, StepOutcome.Kind kind, SkipReason reason) {
    }

    /**
     * The payload, written once straight to JSON (docs/performance.md, issue 12, "Third step"). Same
     * fields and values as the schema {@code contracts/schemas/io.tradecredit.collections.step-taken.v2.json}.
     */
    static String json(UUID buyerId, LocalDate runDate, Ladder ladder, List<Step> steps) {
        Map<GroupKey, Group> groups = new LinkedHashMap<>();
        for (Step s : steps) {
            StepOutcome o = s.outcome();
            Group g = groups.computeIfAbsent(new GroupKey(o.step().key(), o.kind(), o.skipReason()),
                    k -> new Group(o, new int[1], new LinkedHashSet<>()));
            g.count()[0]++;
            g.requestIds().addAll(s.requestIds());
        }
        StringWriter out = new StringWriter(256 + 192 * groups.size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("buyerId", buyerId.toString());
            g.writeStringField("runDate", runDate.toString());
            g.writeStringField("ladderKey", ladder.key());
            g.writeNumberField("ladderVersion", ladder.version());
            g.writeNumberField("stepCount", steps.size());
            g.writeArrayFieldStart("steps");
            for (Group group : groups.values()) {
                group(g, group);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void group(JsonGenerator g, Group group) throws IOException {
        StepOutcome o = group.first();
        g.writeStartObject();
        g.writeStringField("stepKey", o.step().key());
        g.writeNumberField("offsetDays", o.step().offsetDays());
        g.writeStringField("outcome", o.kind().name());
        g.writeStringField("skipReason", o.skipReason() == null ? null : o.skipReason().name());
        g.writeNumberField("count", group.count()[0]);
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
        for (UUID r : group.requestIds()) {
            g.writeString(r.toString());
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
