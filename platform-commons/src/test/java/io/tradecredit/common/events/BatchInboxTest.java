package io.tradecredit.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/** The batch inbox (WidgetBatchConsumer reads widget-batch-events a poll at a time): InboxTest's guarantees, per record. */
@QuarkusTest
class BatchInboxTest {
    private static final String TOPIC = "widget-batch-events";
    private static final String DLQ = "widget-batch-events.dlq.commons-test";

    @Test
    void anEventRepeatedInTheSamePollAndInALaterOneIsAppliedOnce() {
        String twice = UUID.randomUUID().toString();
        String between = UUID.randomUUID().toString();
        send(twice, "twice");
        send(between, "between");
        send(twice, "twice");
        awaitSeen(between);
        String later = UUID.randomUUID().toString();
        send(twice, "twice");
        send(later, "later");

        awaitSeen(later);
        assertEquals(1, Database.count("select count(*) from widget_seen where event_id = ?", twice));
        assertEquals(1, Database.count("select count(*) from inbox where consumer = 'widget-batch-seen' and event_id = ?", twice));
        assertTrue(Topics.readFor(DLQ, Duration.ofSeconds(2)).stream().noneMatch(r -> ("widget-" + twice).equals(r.key())),
                "a duplicate is skipped, not parked");
    }

    @Test
    void aRecordThatCannotBeReadOrIsRefusedGoesToTheDeadLetterTopicAloneAndItsNeighboursAreApplied() {
        String before = UUID.randomUUID().toString();
        send(before, "before-the-poison");
        String marker = "poison-" + UUID.randomUUID();
        Topics.send(TOPIC, marker, "{ this is not json " + marker, Map.of("ce_id", marker,
                "ce_type", "io.tradecredit.test.widget-created.v1", "ce_tenantid", "acme", "ce_specversion", "1.0",
                "ce_source", "/test"));
        String unnamed = UUID.randomUUID().toString();
        Topics.send(TOPIC, unnamed, "{\"widgetId\":\"w\"}", headers(unnamed));
        String after = UUID.randomUUID().toString();
        send(after, "after-the-poison");

        awaitSeen(before);
        awaitSeen(after);
        List<ConsumerRecord<String, String>> dead = Topics.read(DLQ, Duration.ofSeconds(20),
                rs -> rs.stream().filter(r -> marker.equals(r.key()) || unnamed.equals(r.key())).count() >= 2);
        ConsumerRecord<String, String> parked = dead.stream().filter(r -> marker.equals(r.key())).findFirst().orElseThrow();
        assertTrue(Topics.header(parked, "dead-letter-reason").contains("not JSON"), "the DLQ says why");
        assertTrue(dead.stream().anyMatch(r -> unnamed.equals(r.key())), "the record the consumer refuses is parked");
        assertTrue(dead.stream().noneMatch(r -> ("widget-" + before).equals(r.key()) || ("widget-" + after).equals(r.key())),
                "its neighbours are not parked");
        assertEquals(0, Database.count("select count(*) from widget_seen where event_id in (?, ?)", marker, unnamed));
        assertEquals(0, Database.count("select count(*) from inbox where consumer = 'widget-batch-seen' and event_id = ?", unnamed),
                "the refused event left nothing behind");
    }

    @Test
    void anEventOfATypeTheConsumerDoesNotReadLeavesNoInboxRow() {
        String other = UUID.randomUUID().toString();
        Topics.send(TOPIC, "widget-" + other, "not even json", Map.of("ce_id", other,
                "ce_type", "io.tradecredit.test.widget-polished.v1", "ce_tenantid", "acme", "ce_specversion", "1.0",
                "ce_source", "/test"));
        String next = UUID.randomUUID().toString();
        send(next, "after-the-other-type");

        awaitSeen(next);
        assertEquals(0, Database.count("select count(*) from inbox where event_id = ?", other));
        assertEquals(1, Database.count("select count(*) from inbox where consumer = 'widget-batch-seen' and event_id = ?", next));
    }

    private static void send(String eventId, String name) {
        Topics.send(TOPIC, "widget-" + eventId, "{\"widgetId\":\"w\",\"name\":\"" + name + "\"}", headers(eventId));
    }

    private static Map<String, String> headers(String eventId) {
        return Map.of("ce_id", eventId, "ce_type", "io.tradecredit.test.widget-created.v1", "ce_tenantid", "acme",
                "ce_specversion", "1.0", "ce_source", "/test", "content-type", "application/json");
    }

    private static void awaitSeen(String eventId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Database.count("select count(*) from widget_seen where event_id = ?", eventId) == 1) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("event " + eventId + " was not applied within 30 s");
    }
}
