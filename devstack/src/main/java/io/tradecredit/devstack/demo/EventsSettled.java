package io.tradecredit.devstack.demo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits, as an operator would look with the Kafka admin API, until every consumer group reading the
 * topics the seeder's calls publish to has read them to their end: then collections-service knows
 * the day's invoices and payments before the day's dunning run, and a claim sees the insolvency.
 */
final class EventsSettled implements AutoCloseable {
    static final List<String> TOPICS = List.of("invoice-events", "credit-events", "claim-events");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Admin admin;

    EventsSettled(String bootstrap) {
        admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "request.timeout.ms", 10_000));
    }

    /** The sum of the topics' end offsets: grows once what was just written has been relayed from the outboxes. */
    long published() {
        return ends().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Waits until more than {@code before} events are on the topics and every group has read them all. */
    void await(long before) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> ends = ends();
            if (ends.values().stream().mapToLong(Long::longValue).sum() > before && allRead(ends)) {
                return;
            }
            pause();
        }
        System.out.println("  (the consumers have not read every event after " + PATIENCE.toSeconds() + " s; going on)");
    }

    /**
     * Like {@link #await}, but a step may have published nothing: once {@code quiet} has passed with no
     * more than {@code before} events on the topics (the outbox relay would have sent them by then), it
     * only waits until every group has read to the end.
     */
    void settle(long before, Duration quiet) {
        long began = System.nanoTime();
        long deadline = began + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> ends = ends();
            boolean grown = ends.values().stream().mapToLong(Long::longValue).sum() > before;
            if ((grown || System.nanoTime() - began >= quiet.toNanos()) && allRead(ends)) {
                return;
            }
            pause();
        }
        System.out.println("  (the consumers have not read every event after " + PATIENCE.toSeconds() + " s; going on)");
    }

    private boolean allRead(Map<TopicPartition, Long> ends) {
        try {
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                for (Map.Entry<TopicPartition, OffsetAndMetadata> c : committed.entrySet()) {
                    Long end = ends.get(c.getKey());
                    if (end != null && c.getValue() != null && c.getValue().offset() < end) {
                        return false;
                    }
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private Map<TopicPartition, Long> ends() {
        try {
            List<String> existing = TOPICS.stream().filter(admin.listTopics().names().get()::contains).toList();
            List<TopicPartition> partitions = admin.describeTopics(existing).allTopicNames().get().values().stream()
                    .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                    .toList();
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get().forEach((p, info) -> ends.put(p, info.offset()));
            return ends;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the topics " + TOPICS + " from Kafka: " + e.getMessage(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
