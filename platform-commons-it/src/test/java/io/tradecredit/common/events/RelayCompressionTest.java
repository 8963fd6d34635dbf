package io.tradecredit.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.Topics;

/**
 * The relay's batches are lz4-compressed (a dunning run's letters' requests shrink to about a fifth,
 * docs/performance.md) and an ordinary consumer reads them back as they were written.
 */
@QuarkusTest
class RelayCompressionTest {
    @Inject
    KafkaEventPublisher publisher;

    @Test
    void theRelaysBatchesAreCompressedAndReadBackAsWritten() throws Exception {
        String topic = "compressed-" + UUID.randomUUID();
        String letterLike = "{\"seller\":{\"name\":\"上海某某贸易有限公司\",\"bankAccount\":\"6222 0000 1111 2222\"},\"items\":["
                + String.join(",", IntStream.range(0, 10).mapToObj(i -> "{\"invoiceNumber\":\"INV-2026-" + (1000 + i)
                        + "\",\"open\":{\"amount\":\"1243.00\",\"currency\":\"CNY\"}}").toList()) + "]}";
        List<OutboxRow> rows = IntStream.range(0, 50).mapToObj(i -> new OutboxRow(i, UUID.randomUUID(), "acme", topic,
                "buyer-" + (i % 5), "io.tradecredit.test.letter-requested.v1", letterLike, OffsetDateTime.now())).toList();

        publisher.publish(rows).get(30, TimeUnit.SECONDS);

        double ratio = publisher.producerMetric("compression-rate-avg");
        // Uncompressed batches report 1.0. How the 50 rows fall into batches (linger, partitions) moves the
        // average between about 0.3 and 0.5, so the bound only asks for clear compression.
        assertTrue(ratio < 0.75, "compressed batches are clearly smaller; compression-rate-avg " + ratio);
        List<ConsumerRecord<String, String>> read = Topics.read(topic, Duration.ofSeconds(20), r -> r.size() >= 50);
        assertEquals(50, read.size());
        assertTrue(read.stream().allMatch(r -> r.value().equals(letterLike)), "every payload read back as written");
    }
}
