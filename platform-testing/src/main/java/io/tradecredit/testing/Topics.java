package io.tradecredit.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes the test broker's topics directly, as an outside consumer or producer would. */
public final class Topics {
    private static final com.fasterxml.jackson.databind.ObjectMapper EVENT_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private Topics() {
    }

    /**
     * Reads {@code topic} from the beginning until {@code until} holds for what was read, or
     * {@code wait} passes; returns everything read (the caller asserts on it).
     */
    public static List<ConsumerRecord<String, String>> read(String topic, Duration wait,
            Predicate<List<ConsumerRecord<String, String>>> until) {
        return read(KafkaTestResource.bootstrapServers(), topic, wait, until);
    }

    /** The same on the broker at {@code bootstrap} (e2e-tests: a broker another JVM started). */
    public static List<ConsumerRecord<String, String>> read(String bootstrap, String topic, Duration wait,
            Predicate<List<ConsumerRecord<String, String>>> until) {
        return read(bootstrap, topic, wait, until, false);
    }

    /**
     * Everything on the topic when the read starts: from the beginning up to the end offsets it has then, or what
     * was read when {@code wait} passes (a topic not there by then reads as empty). For a check made once nothing is
     * in flight any more (the fault suite's verdict): a fixed read "for a while longer" would wait out its whole
     * time for records that cannot come.
     */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic, Duration wait) {
        return read(bootstrap, topic, wait, records -> false, true);
    }

    private static List<ConsumerRecord<String, String>> read(String bootstrap, String topic, Duration wait,
            Predicate<List<ConsumerRecord<String, String>>> until, boolean toTheEnd) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                try {
                    partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2)).stream()
                            .map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toList());
                } catch (org.apache.kafka.common.errors.TimeoutException slow) {
                    // a loaded machine answers the first metadata request late: ask again until the deadline
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = toTheEnd ? consumer.endOffsets(partitions) : Map.of();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                if (until.test(seen) || toTheEnd && end.entrySet().stream()
                        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    break;
                }
            }
        }
        return seen;
    }

    /** Everything on the topic now and for the next {@code wait}. */
    public static List<ConsumerRecord<String, String>> readFor(String topic, Duration wait) {
        return read(topic, wait, records -> false);
    }

    /**
     * The record of event {@code eventId} (its {@code ce_id}) once a consumer has parked it on the
     * dead-letter topic {@code dlq}, read from the beginning for up to {@code wait}; fails if it is not
     * there by then. The caller asserts on its {@code dead-letter-reason} (see {@link #parkedReason}).
     */
    public static ConsumerRecord<String, String> awaitParked(String dlq, String eventId, Duration wait) {
        return read(dlq, wait, rs -> rs.stream().anyMatch(r -> eventId.equals(header(r, "ce_id")))).stream()
                .filter(r -> eventId.equals(header(r, "ce_id"))).findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " not parked on " + dlq + " within " + wait));
    }

    /** Why a consumer parked {@code record} on its dead-letter topic (SmallRye's {@code dead-letter-reason}). */
    public static String parkedReason(ConsumerRecord<?, ?> record) {
        return header(record, "dead-letter-reason");
    }

    public static void send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        sendAll(List.of(record));
    }

    /**
     * Sends every record through one producer and waits until the broker has them all: a burst as
     * a busy producer sends it, so a consumer sees many records in one poll.
     */
    public static void sendAll(List<ProducerRecord<String, String>> records) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> sent = new ArrayList<>();
            for (ProducerRecord<String, String> record : records) {
                sent.add(producer.send(record));
            }
            for (java.util.concurrent.Future<?> each : sent) {
                each.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + records.get(0).topic(), e);
        }
    }

    /**
     * Sends {@code body} as the CloudEvent {@code io.tradecredit.<producer>.<name>.v1} on
     * {@code topic}, keyed by {@code subject}, as that producer would, after checking it against
     * the event's schema in {@code contracts/} (a test never feeds a consumer what no producer sends).
     */
    public static String sendEvent(String topic, String tenant, String producer, String name, String subject,
            String eventId, Object body) {
        sendAll(List.of(event(topic, tenant, producer, name, subject, eventId, body)));
        return eventId;
    }

    /** The record {@link #sendEvent} sends, checked against its schema, for a burst by {@link #sendAll}. */
    public static ProducerRecord<String, String> event(String topic, String tenant, String producer, String name,
            String subject, String eventId, Object body) {
        return versionedEvent(topic, tenant, producer, name + ".v1", subject, eventId, body);
    }

    /** The same for {@code io.tradecredit.<producer>.<versionedName>}, e.g. {@code step-taken.v2}. */
    public static ProducerRecord<String, String> versionedEvent(String topic, String tenant, String producer,
            String versionedName, String subject, String eventId, Object body) {
        String json;
        try {
            json = EVENT_JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> headers = cloudEventHeaders(tenant, "/tradecredit/" + producer + "-service",
                "io.tradecredit." + producer + "." + versionedName, subject, eventId);
        ConsumerRecord<String, String> asSent = new ConsumerRecord<>(topic, 0, 0L, subject, json);
        headers.forEach((k, v) -> asSent.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        Contracts.assertValid(asSent);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, json);
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** The CloudEvent headers (binary mode) the platform's producers set. */
    public static Map<String, String> cloudEventHeaders(String tenant, String source, String type, String subject,
            String eventId) {
        return Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_source", source, "ce_type", type,
                "ce_time", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString(), "ce_subject", subject,
                "ce_tenantid", tenant, "content-type", "application/json");
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
