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
import io.tradecredit.common.WidgetSeenConsumer;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

@QuarkusTest
class InboxTest {

    @Test
    void duplicateDeliveryIsAppliedOnce() {
        String eventId = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        sendWidgetEvent(eventId, "twice");
        sendWidgetEvent(eventId, "twice");
        // on the duplicate's key, so its partition: once it is applied, the duplicate has been read
        sendWidgetEvent("widget-" + eventId, next, "after-the-duplicate");

        awaitSeen(next);
        assertEquals(1, Database.count("select count(*) from widget_seen where event_id = ?", eventId));
        assertEquals(1, Database.count("select count(*) from inbox where consumer = 'widget-seen' and event_id = ?", eventId));
    }

    /** Events evolve by adding fields: a consumer reads what it knows and ignores the rest (REST bodies do not). */
    @Test
    void anEventWithAFieldTheConsumerDoesNotKnowIsStillApplied() {
        String eventId = UUID.randomUUID().toString();
        Topics.send("widget-events", "widget-" + eventId,
                "{\"widgetId\":\"w\",\"name\":\"newer-producer\",\"colour\":\"red\",\"dimensions\":{\"h\":1}}",
                headers(eventId));

        awaitSeen(eventId);
        assertEquals(1, Database.count("select count(*) from widget_seen where event_id = ? and name = 'newer-producer'",
                eventId));
    }

    /** A type the consumer does not read costs no transaction and leaves no inbox row, even when its body is not JSON. */
    @Test
    void anEventOfATypeTheConsumerDoesNotReadIsSkippedWithoutAnInboxRow() {
        String other = UUID.randomUUID().toString();
        Topics.send("widget-events", "widget-" + other, "not even json", Map.of("ce_id", other,
                "ce_type", "io.tradecredit.test.widget-polished.v1", "ce_tenantid", "acme", "ce_specversion", "1.0",
                "ce_source", "/test"));
        String next = UUID.randomUUID().toString();
        sendWidgetEvent("widget-" + other, next, "after-the-other-type"); // on its key: read after it

        awaitSeen(next);
        assertEquals(0, Database.count("select count(*) from inbox where event_id = ?", other));
        assertEquals(0, Database.count("select count(*) from widget_seen where event_id = ?", other));
        assertEquals(1, Database.count("select count(*) from inbox where event_id = ?", next));
        assertTrue(Topics.readFor("widget-events.dlq.commons-test", Duration.ofSeconds(3)).stream()
                .noneMatch(r -> ("widget-" + other).equals(r.key())), "skipped, not parked on the DLQ");
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicAndTheNextIsProcessed() {
        String marker = "poison-" + UUID.randomUUID();
        Topics.send("widget-events", marker, "{ this is not json " + marker, Map.of(
                "ce_id", marker, "ce_type", "io.tradecredit.test.widget-created.v1", "ce_tenantid", "acme",
                "ce_specversion", "1.0", "ce_source", "/test"));
        String unnamed = UUID.randomUUID().toString();
        Topics.send("widget-events", unnamed, "{\"widgetId\":\"w\"}", headers(unnamed));
        String good = UUID.randomUUID().toString();
        sendWidgetEvent(good, "after-the-poison");

        awaitSeen(good);
        List<ConsumerRecord<String, String>> dead = Topics.read("widget-events.dlq.commons-test", Duration.ofSeconds(20),
                rs -> rs.stream().filter(r -> marker.equals(r.key()) || unnamed.equals(r.key())).count() >= 2);
        assertTrue(dead.stream().anyMatch(r -> marker.equals(r.key()) && r.value().contains(marker)),
                "unparseable record parked on the DLQ");
        assertTrue(dead.stream().anyMatch(r -> unnamed.equals(r.key())), "record the consumer rejects parked on the DLQ");
        ConsumerRecord<String, String> parked = dead.stream().filter(r -> marker.equals(r.key())).findFirst().orElseThrow();
        assertTrue(Topics.header(parked, "dead-letter-reason").contains("not JSON"), "the DLQ says why");
        assertEquals(0, Database.count("select count(*) from widget_seen where event_id in (?, ?)", marker, unnamed));
    }

    /**
     * The database going away is waited out, never a reason to park a good event: here the server
     * cuts the connection on the event's first three tries, more than the retries a failure of the
     * work itself gets (tradecredit.inbox.retries=1 in these tests), and the event is still applied
     * once and not parked on the DLQ (before, it went to the DLQ after the second try).
     */
    @Test
    void anEventIsAppliedOnceAfterTheDatabaseCutItsConnectionMoreTimesThanTheRetries() {
        String eventId = UUID.randomUUID().toString();
        sendWidgetEvent(eventId, WidgetSeenConsumer.CONNECTION_CUT + 3);

        awaitSeen(eventId);
        assertEquals(4, WidgetSeenConsumer.TRIES.get(eventId), "three cut, the fourth applied");
        assertEquals(1, Database.count("select count(*) from inbox where consumer = 'widget-seen' and event_id = ?", eventId));
        assertTrue(Topics.readFor("widget-events.dlq.commons-test", Duration.ofSeconds(3)).stream()
                .noneMatch(r -> ("widget-" + eventId).equals(r.key())), "not parked on the DLQ");
    }

    /**
     * A database outage longer than a minute is waited out and the consumer goes on after it: here
     * the event's connection is cut on every try for 70 s while later events queue behind it. Before,
     * SmallRye's throttled commit strategy took a record unacknowledged for more than
     * {@code throttled.unprocessed-record-max-age.ms} (60 s) for a stuck channel and closed its
     * consumer: it left the group and read nothing more until the service was restarted.
     */
    @Test
    void theConsumerGoesOnAfterWaitingOutTheDatabaseForMoreThanAMinute() {
        String held = UUID.randomUUID().toString();
        sendWidgetEvent(held, WidgetSeenConsumer.DATABASE_AWAY + 70);
        String queued = UUID.randomUUID().toString();
        sendWidgetEvent(queued, "queued-behind-the-outage");

        awaitSeen(held, Duration.ofSeconds(100));
        assertTrue(WidgetSeenConsumer.TRIES.get(held) > 5, "tried again through the outage");
        awaitSeen(queued, Duration.ofSeconds(30));
        String after = UUID.randomUUID().toString();
        sendWidgetEvent(after, "sent-after-the-outage");
        awaitSeen(after, Duration.ofSeconds(30));
        assertEquals(1, Database.count("select count(*) from widget_seen where event_id = ?", held));
        assertTrue(Topics.readFor("widget-events.dlq.commons-test", Duration.ofSeconds(3)).stream()
                .noneMatch(r -> ("widget-" + held).equals(r.key())), "not parked on the DLQ");
    }

    /**
     * An event whose earlier one is not applied yet waits for it longer than the retries a failing
     * effect gets (tradecredit.inbox.retries=1 here): applied once when the earlier one is there.
     */
    @Test
    void anEventWaitsForItsEarlierEventBeyondTheRetries() {
        String eventId = UUID.randomUUID().toString();
        sendWidgetEvent(eventId, WidgetSeenConsumer.EARLIER_MISSING + 3);

        awaitSeen(eventId);
        assertEquals(4, WidgetSeenConsumer.TRIES.get(eventId), "three waits, the fourth applied");
        assertTrue(Topics.readFor("widget-events.dlq.commons-test", Duration.ofSeconds(3)).stream()
                .noneMatch(r -> ("widget-" + eventId).equals(r.key())), "not parked on the DLQ");
    }

    /** Its earlier event never comes: after the wait (2 s here) it is parked, saying why, and nothing applied. */
    @Test
    void anEventWhoseEarlierEventNeverComesIsParkedWithThatReason() {
        String eventId = UUID.randomUUID().toString();
        sendWidgetEvent(eventId, WidgetSeenConsumer.EARLIER_MISSING + 1000);

        List<ConsumerRecord<String, String>> dead = Topics.read("widget-events.dlq.commons-test", Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> ("widget-" + eventId).equals(r.key())));
        ConsumerRecord<String, String> parked = dead.stream().filter(r -> ("widget-" + eventId).equals(r.key()))
                .findFirst().orElseThrow();
        String reason = Topics.header(parked, "dead-letter-reason");
        assertTrue(reason.startsWith("earlier event missing"), "the DLQ says why: " + reason);
        assertTrue(WidgetSeenConsumer.TRIES.get(eventId) > 2, "waited beyond the retries of a failing effect");
        assertEquals(0, Database.count("select count(*) from widget_seen where event_id = ?", eventId));
    }

    private static void sendWidgetEvent(String eventId, String name) {
        sendWidgetEvent("widget-" + eventId, eventId, name);
    }

    /** With the record key {@code key}: the same key, the same partition, read in the order sent. */
    private static void sendWidgetEvent(String key, String eventId, String name) {
        Topics.send("widget-events", key, "{\"widgetId\":\"w\",\"name\":\"" + name + "\"}", headers(eventId));
    }

    private static Map<String, String> headers(String eventId) {
        return Map.of("ce_id", eventId, "ce_type", "io.tradecredit.test.widget-created.v1", "ce_tenantid", "acme",
                "ce_specversion", "1.0", "ce_source", "/test", "content-type", "application/json");
    }

    private static void awaitSeen(String eventId) {
        awaitSeen(eventId, Duration.ofSeconds(30));
    }

    private static void awaitSeen(String eventId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
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
        throw new AssertionError("event " + eventId + " was not applied within " + wait);
    }
}
