package io.tradecredit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tradecredit.devstack.DeadLetterReplay;
import io.tradecredit.devstack.DeadLetterReplay.DeadLetter;

/**
 * devstack's DeadLetterReplay against a real broker: it republishes exactly the chosen dead
 * letters to the original topic with key, value and CloudEvent headers, without the dead-letter
 * headers, refuses (publishing nothing) a name that is not in the topic, and stops at a record the
 * broker refuses, saying which were not replayed.
 */
class DeadLetterReplayTest {
    String topic;
    String dlq;
    Properties client;

    @BeforeEach
    void deadLetters() throws Exception {
        topic = "replay-" + UUID.randomUUID().toString().substring(0, 8) + "-events";
        dlq = topic + ".dlq.credit-service";
        client = new Properties();
        client.put("bootstrap.servers", KafkaTestResource.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1), new NewTopic(dlq, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(client, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 1; i <= 3; i++) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("ce_id", ("e" + i).getBytes(StandardCharsets.UTF_8));
                headers.add("ce_type", "io.tradecredit.invoice.invoice-issued.v1".getBytes(StandardCharsets.UTF_8));
                headers.add("ce_tenantid", "acme".getBytes(StandardCharsets.UTF_8));
                headers.add("dead-letter-reason", "boom".getBytes(StandardCharsets.UTF_8));
                headers.add("dead-letter-topic", topic.getBytes(StandardCharsets.UTF_8));
                headers.add("dead-letter-offset", String.valueOf(40 + i).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(dlq, null, "invoice-" + i, "{\"n\":" + i + "}", headers)).get();
            }
        }
    }

    @Test
    void replaysTheChosenIdsToTheOriginalTopicWithTheirHeaders() {
        List<DeadLetter> letters = DeadLetterReplay.read(client, dlq);
        assertEquals(3, letters.size());

        String to = DeadLetterReplay.replay(client, dlq, DeadLetterReplay.choose(letters, "e1,e3", null), false,
                quiet());

        assertEquals(topic, to);
        List<ConsumerRecord<String, String>> replayed = readAll(topic, 2);
        assertEquals(List.of("invoice-1", "invoice-3"), replayed.stream().map(ConsumerRecord::key).sorted().toList());
        ConsumerRecord<String, String> first = replayed.stream().filter(r -> r.key().equals("invoice-1")).findFirst()
                .orElseThrow();
        assertEquals("{\"n\":1}", first.value());
        assertEquals("e1", header(first, "ce_id"));
        assertEquals("io.tradecredit.invoice.invoice-issued.v1", header(first, "ce_type"));
        assertEquals("acme", header(first, "ce_tenantid"));
        assertNull(first.headers().lastHeader("dead-letter-reason"), "the consumer's dead-letter headers stay behind");
        assertEquals(3, DeadLetterReplay.read(client, dlq).size(), "the dead-letter topic is left as it was");
    }

    @Test
    void replaysByOffset() {
        List<DeadLetter> chosen = DeadLetterReplay.choose(DeadLetterReplay.read(client, dlq), null, "1");
        DeadLetterReplay.replay(client, dlq, chosen, false, quiet());
        List<ConsumerRecord<String, String>> replayed = readAll(topic, 1);
        assertEquals("e2", header(replayed.get(0), "ce_id"));
    }

    @Test
    void anUnknownIdReplaysNothing() {
        List<DeadLetter> letters = DeadLetterReplay.read(client, dlq);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DeadLetterReplay.choose(letters, "e1,e9", null));
        assertTrue(refused.getMessage().contains("e9"), refused.getMessage());
    }

    @Test
    void aRecordTheBrokerRefusesStopsTheReplayThereAndSaysWhatWasNotReplayed() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(client, new StringSerializer(),
                new StringSerializer())) {
            // e4's original topic is a name Kafka refuses (as it refuses a topic the operator may not write to)
            producer.send(new ProducerRecord<>(dlq, null, "invoice-4", "{\"n\":4}", deadLetterHeaders("e4",
                    "no such topic!"))).get();
            producer.send(new ProducerRecord<>(dlq, null, "invoice-5", "{\"n\":5}", deadLetterHeaders("e5", topic))).get();
        }
        List<DeadLetter> letters = DeadLetterReplay.read(client, dlq);

        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> DeadLetterReplay.replay(client, dlq, letters, false, quiet()));

        assertTrue(failed.getMessage().contains("3 of 5 replayed") && failed.getMessage().contains("0:3 id=e4")
                && failed.getMessage().contains("not replayed: e4, e5"), failed.getMessage());
        assertEquals(List.of("invoice-1", "invoice-2", "invoice-3"),
                readAll(topic, 3).stream().map(ConsumerRecord::key).sorted().toList(),
                "the records before the refused one are on the topic, none after it");
        assertEquals(List.of(), readAll(topic, 0).stream().filter(r -> r.key().equals("invoice-5")).toList());
    }

    private static RecordHeaders deadLetterHeaders(String id, String originalTopic) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "io.tradecredit.invoice.invoice-issued.v1".getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-reason", "boom".getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", originalTopic.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    @Test
    void aDryRunPublishesNothing() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DeadLetterReplay.replay(client, dlq, DeadLetterReplay.read(client, dlq), true,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("would replay 0:0 id=e1"));
        assertEquals(List.of(), readAll(topic, 0));
    }

    @Test
    void aDeadLetterTopicNotOnTheBrokerIsSaidInOneLineNotAsAStackTrace() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream complaint = new ByteArrayOutputStream();
        String missing = "missing-" + UUID.randomUUID().toString().substring(0, 8) + "-events.dlq.credit-service";
        int exit = DeadLetterReplay.run(new String[] {KafkaTestResource.bootstrapServers(), missing, "list"},
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                new PrintStream(complaint, true, StandardCharsets.UTF_8));
        assertEquals(1, exit);
        assertEquals("no topic " + missing + " on the broker: nothing was ever dead-lettered there, or the name is"
                + " wrong (<topic>.dlq.<service>, docs/runbook.md)\n", complaint.toString(StandardCharsets.UTF_8));
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listingPrintsEveryDeadLetterAndTheirCount() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = DeadLetterReplay.run(new String[] {KafkaTestResource.bootstrapServers(), dlq, "list"},
                new PrintStream(printed, true, StandardCharsets.UTF_8), quiet());
        assertEquals(0, exit);
        String listing = printed.toString(StandardCharsets.UTF_8);
        assertTrue(listing.contains("0:2 id=e3 type=io.tradecredit.invoice.invoice-issued.v1 reason=boom"), listing);
        assertTrue(listing.endsWith("3 dead letter(s) in " + dlq + "\n"), listing);
    }

    private List<ConsumerRecord<String, String>> readAll(String from, int expected) {
        Properties config = new Properties();
        config.putAll(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(from));
            long deadline = System.nanoTime() + Duration.ofSeconds(expected == 0 ? 5 : 30).toNanos();
            while (System.nanoTime() < deadline && (expected == 0 || records.size() < expected)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
