package io.tradecredit.testing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A daily dunning run's events on {@code collection-cases} as collections-service publishes them
 * (step-taken v2, one per buyer, counted), schema-checked, for a consumer's test of a burst: a run
 * over many buyers is what fills that topic's polls (issue 12).
 */
public final class DunningRunEvents {
    public static final String TOPIC = "collection-cases";
    public static final String STEP_TAKEN = "io.tradecredit.collections.step-taken.v2";

    private DunningRunEvents() {
    }

    /** The run's step-taken event for one buyer: {@code count} invoices sent the reminder step, TAKEN. */
    public static ProducerRecord<String, String> stepTaken(String tenant, String buyer, LocalDate runDate, int count) {
        Map<String, Object> group = new HashMap<>();
        group.put("stepKey", "reminder-7");
        group.put("offsetDays", 7);
        group.put("outcome", "TAKEN");
        group.put("skipReason", null);
        group.put("count", count);
        group.put("actions", List.of(Map.of("kind", "MESSAGE", "key", "reminder", "channels", List.of("EMAIL"))));
        group.put("messageRequestIds", List.of(UUID.randomUUID().toString()));
        Map<String, Object> body = Map.of("buyerId", buyer, "runDate", runDate.toString(), "ladderKey", "default",
                "ladderVersion", 1, "stepCount", count, "steps", List.of(group));
        return record(tenant, "step-taken", "v2", buyer, body);
    }

    /** The run's step-taken events for {@code buyers} new buyers of {@code tenant}, one invoice each. */
    public static List<ProducerRecord<String, String>> run(String tenant, LocalDate runDate, int buyers) {
        return IntStream.range(0, buyers).mapToObj(i -> stepTaken(tenant, UUID.randomUUID().toString(), runDate, 1)).toList();
    }

    /** Another collections event ({@code io.tradecredit.collections.<name>.v1}), to be sent amid a run's. */
    public static ProducerRecord<String, String> event(String tenant, String name, String key, String eventId,
            Map<String, Object> body) {
        return Topics.event(TOPIC, tenant, "collections", name, key, eventId, body);
    }

    private static ProducerRecord<String, String> record(String tenant, String name, String version, String key,
            Map<String, Object> body) {
        return Topics.versionedEvent(TOPIC, tenant, "collections", name + "." + version, key, UUID.randomUUID().toString(),
                body);
    }
}
