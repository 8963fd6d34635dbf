package io.tradecredit.common.events;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Identifier;

/**
 * Sends outbox rows to Kafka as CloudEvents in binary mode. The producer is idempotent with
 * {@code acks=all}, so a row is written once per send and in order per partition (key =
 * aggregate id), and its batches are lz4-compressed. It inherits every {@code kafka.*} setting (TLS,
 * SASL, a {@code compression.type} of its own) of the service.
 */
@ApplicationScoped
public class KafkaEventPublisher {
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    /** The release's topic prefix: outbox rows name the topic without it (TopicNames), Kafka with it. */
    @ConfigProperty(name = TopicNames.PREFIX_PROPERTY)
    Optional<String> topicPrefix;

    private volatile KafkaProducer<String, byte[]> producer;

    /**
     * Completes when the broker has acknowledged every row, or fails on the first refusal. A row whose
     * send fails at once (its topic's metadata not had within max.block.ms, as after the producer
     * re-bootstraps while the broker is down) ends the round there: the rows after it are not sent, so
     * none of them can reach the topic ahead of it (the round fails, the next one sends them in order).
     */
    CompletableFuture<Void> publish(List<OutboxRow> rows) {
        KafkaProducer<String, byte[]> p = producer();
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            try {
                p.send(toRecord(row), (metadata, error) -> {
                    if (error != null) {
                        ack.completeExceptionally(error);
                    } else {
                        ack.complete(null);
                    }
                });
            } catch (RuntimeException refused) {
                ack.completeExceptionally(refused);
            }
            if (ack.isCompletedExceptionally()) {
                break;
            }
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }

    ProducerRecord<String, byte[]> toRecord(OutboxRow row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.ID, row.eventId().toString());
        header(headers, CloudEventHeaders.SOURCE, "/tradecredit/" + serviceName);
        header(headers, CloudEventHeaders.TYPE, row.eventType());
        header(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(row.occurredAt()));
        header(headers, CloudEventHeaders.SUBJECT, row.aggregateId());
        header(headers, CloudEventHeaders.TENANT_ID, row.tenantId());
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return new ProducerRecord<>(TopicNames.prefixed(topicPrefix.orElse(""), row.topic()), null, row.aggregateId(),
                row.payload().getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The producer's own metric of that name in {@code producer-metrics} (tests: what compression saved), NaN before any send. */
    double producerMetric(String name) {
        KafkaProducer<String, byte[]> p = producer;
        return p == null ? Double.NaN : p.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals("producer-metrics") && e.getKey().name().equals(name))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).findFirst().orElse(Double.NaN);
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig());
                }
                p = producer;
            }
        }
        return p;
    }

    Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        // events are JSON: lz4 makes a dunning run's batches of letters' requests about a fifth of their size, which
        // halved the broker's CPU for a run's 200,000 events (docs/performance.md, issue 12); kafka.compression.type
        // overrides it. Kafka's Java client reads them with lz4-java on its classpath (docs/agencies.md: other clients).
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // default-kafka-broker holds every kafka.* key; keep the producer's own (incl. TLS/SASL)
        kafkaConfig.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                config.put(k, v);
            }
        });
        config.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox-relay");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
