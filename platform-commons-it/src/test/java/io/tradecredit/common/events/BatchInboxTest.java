package io.tradecredit.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * The batch inbox: InboxTest's guarantees, per record, both for an effect per event (WidgetBatchConsumer reads
 * widget-batch-events a poll at a time), for a poll's rows written together (WidgetRowsConsumer, widget-rows-events) and for
 * a poll's new events handed over as one list (WidgetTogetherConsumer, widget-together-events).
 */
@QuarkusTest
class BatchInboxTest {
    /** A batched channel's topic and the consumer's name in the inbox. */
    enum Channel {
        EFFECT_PER_EVENT("widget-batch-events", "widget-batch-seen"), ROWS_PER_POLL("widget-rows-events", "widget-rows-seen"),
        EVENTS_TOGETHER("widget-together-events", "widget-together-seen");

        final String topic;
        final String dlq;
        final String consumer;

        Channel(String topic, String consumer) {
            this.topic = topic;
            this.dlq = topic + ".dlq.commons-test";
            this.consumer = consumer;
        }
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void anEventRepeatedInTheSamePollAndInALaterOneIsAppliedOnce(Channel channel) {
        String twice = UUID.randomUUID().toString();
        String between = UUID.randomUUID().toString();
        // between and later on twice's key (its partition): each applied, the copies sent before it were read
        send(channel, twice, "twice");
        send(channel, "widget-" + twice, between, "between");
        send(channel, twice, "twice");
        awaitSeen(between);
        String later = UUID.randomUUID().toString();
        send(channel, twice, "twice");
        send(channel, "widget-" + twice, later, "later");

        awaitSeen(later);
        assertEquals(1, Database.count("select count(*) from widget_seen where event_id = ?", twice));
        assertEquals(1, Database.count("select count(*) from inbox where consumer = ? and event_id = ?", channel.consumer, twice));
        assertTrue(Topics.readFor(channel.dlq, Duration.ofSeconds(2)).stream().noneMatch(r -> ("widget-" + twice).equals(r.key())),
                "a duplicate is skipped, not parked");
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void aRecordThatCannotBeReadOrIsRefusedGoesToTheDeadLetterTopicAloneAndItsNeighboursAreApplied(Channel channel) {
        String before = UUID.randomUUID().toString();
        send(channel, before, "before-the-poison");
        String marker = "poison-" + UUID.randomUUID();
        Topics.send(channel.topic, marker, "{ this is not json " + marker, Map.of("ce_id", marker,
                "ce_type", "io.tradecredit.test.widget-created.v1", "ce_tenantid", "acme", "ce_specversion", "1.0",
                "ce_source", "/test"));
        String unnamed = UUID.randomUUID().toString();
        Topics.send(channel.topic, unnamed, "{\"widgetId\":\"w\"}", headers(unnamed));
        String after = UUID.randomUUID().toString();
        send(channel, after, "after-the-poison");

        awaitSeen(before);
        awaitSeen(after);
        List<ConsumerRecord<String, String>> dead = Topics.read(channel.dlq, Duration.ofSeconds(20),
                rs -> rs.stream().filter(r -> marker.equals(r.key()) || unnamed.equals(r.key())).count() >= 2);
        ConsumerRecord<String, String> parked = dead.stream().filter(r -> marker.equals(r.key())).findFirst().orElseThrow();
        assertTrue(Topics.header(parked, "dead-letter-reason").contains("not JSON"), "the DLQ says why");
        assertTrue(dead.stream().anyMatch(r -> unnamed.equals(r.key())), "the record the consumer refuses is parked");
        assertTrue(dead.stream().noneMatch(r -> ("widget-" + before).equals(r.key()) || ("widget-" + after).equals(r.key())),
                "its neighbours are not parked");
        assertEquals(0, Database.count("select count(*) from widget_seen where event_id in (?, ?)", marker, unnamed));
        assertEquals(0, Database.count("select count(*) from inbox where consumer = ? and event_id = ?", channel.consumer, unnamed),
                "the refused event left nothing behind");
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void anEventOfATypeTheConsumerDoesNotReadLeavesNoInboxRow(Channel channel) {
        String other = UUID.randomUUID().toString();
        Topics.send(channel.topic, "widget-" + other, "not even json", Map.of("ce_id", other,
                "ce_type", "io.tradecredit.test.widget-polished.v1", "ce_tenantid", "acme", "ce_specversion", "1.0",
                "ce_source", "/test"));
        String next = UUID.randomUUID().toString();
        send(channel, "widget-" + other, next, "after-the-other-type"); // on its key: read after it

        awaitSeen(next);
        assertEquals(0, Database.count("select count(*) from inbox where event_id = ?", other));
        assertEquals(1, Database.count("select count(*) from inbox where consumer = ? and event_id = ?", channel.consumer, next));
    }

    private static void send(Channel channel, String eventId, String name) {
        send(channel, "widget-" + eventId, eventId, name);
    }

    /** With the record key {@code key}: the same key, the same partition, read in the order sent. */
    private static void send(Channel channel, String key, String eventId, String name) {
        Topics.send(channel.topic, key, "{\"widgetId\":\"w\",\"name\":\"" + name + "\"}", headers(eventId));
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
