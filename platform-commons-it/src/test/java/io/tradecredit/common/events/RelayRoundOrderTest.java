package io.tradecredit.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.Topics;

/**
 * A round's rows go out in their order or not at all after the first that cannot be sent. The fault
 * suite once saw a buyer's payment reach every consumer 30 s before its invoice's issued event: with
 * the broker down the producer had forgotten the topic (it re-bootstraps), the issued row's send
 * failed waiting for metadata, the payment's send a moment later found the broker back and went out,
 * and only the next round sent the issued event, behind the payment on the buyer's partition.
 */
@QuarkusTest
class RelayRoundOrderTest {
    @Inject
    KafkaEventPublisher publisher;

    @Test
    void noRowOfARoundGoesOutAfterOneThatCouldNotBeSent() {
        String topic = "ordered-" + UUID.randomUUID();
        String buyer = "buyer-" + UUID.randomUUID();
        // a topic name Kafka refuses fails that row's send at once, as a topic missing from metadata does after its wait
        List<OutboxRow> round = List.of(row(1, topic, buyer, "issued"), row(2, "no such topic!", buyer, "refused"),
                row(3, topic, buyer, "payment-received"));

        assertThrows(ExecutionException.class, () -> publisher.publish(round).get(30, TimeUnit.SECONDS));

        List<String> onTopic = Topics.readFor(topic, Duration.ofSeconds(3)).stream().map(r -> r.value()).toList();
        assertEquals(List.of("{\"event\":\"issued\"}"), onTopic,
                "the rows before the refused one are sent, none after it (the next round sends them, in order)");
    }

    private static OutboxRow row(long seq, String topic, String buyer, String event) {
        return new OutboxRow(seq, UUID.randomUUID(), "acme", topic, buyer, "io.tradecredit.test." + event + ".v1",
                "{\"event\":\"" + event + "\"}", OffsetDateTime.now());
    }
}
