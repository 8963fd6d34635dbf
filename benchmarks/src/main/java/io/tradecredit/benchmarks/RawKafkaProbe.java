package io.tradecredit.benchmarks;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The raw baseline: records produced at a fixed rate to a topic of its own on the same broker, as
 * the outbox relay produces (idempotent, {@code acks=all}, no linger), and read back by a consumer
 * polling as the driver's {@code collection-cases} reader does; latency from {@code send()} to the
 * poll that returned the record. Runs beside the payments, on the same machine at the same time.
 */
final class RawKafkaProbe {
    private final String bootstrap;
    private final String topic;
    private final int partitions;

    RawKafkaProbe(String bootstrap, String topic, int partitions) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.partitions = partitions;
    }

    /** Creates the probe's topic (as many partitions as {@code collection-cases}) unless it exists. */
    void createTopic() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Sends {@code schedule.sends()} records on the schedule and returns each one's latency (nanoseconds; -1 never read). */
    long[] run(FixedRate schedule, Duration drain) throws Exception {
        int n = schedule.sends();
        long[] sentAt = new long[n];
        long[] readAt = new long[n]; // written by the reader only, read after it has ended
        java.util.Arrays.fill(readAt, -1);
        AtomicLong read = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap);
                KafkaProducer<byte[], byte[]> producer = producer()) {
            List<TopicPartition> all = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(all);
            consumer.seekToEnd(all);
            all.forEach(consumer::position); // resolve the end now, before the first send
            Thread reader = new Thread(() -> {
                while (!stop.get() && read.get() < n) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    long now = System.nanoTime();
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        int i = ByteBuffer.wrap(r.value()).getInt();
                        if (i >= 0 && i < n && readAt[i] < 0) {
                            readAt[i] = now;
                            read.incrementAndGet();
                        }
                    }
                }
            }, "raw-kafka-reader");
            reader.start();
            for (int i = 0; i < n; i++) {
                schedule.awaitDue(i);
                sentAt[i] = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, ByteBuffer.allocate(4).putInt(i).array(),
                        ByteBuffer.allocate(64).putInt(i).array()));
            }
            producer.flush();
            reader.join(drain.toMillis());
            stop.set(true);
            reader.join();
        }
        long[] latency = new long[n];
        for (int i = 0; i < n; i++) {
            latency[i] = readAt[i] < 0 ? -1 : readAt[i] - sentAt[i];
        }
        return latency;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A consumer outside any group (assigned partitions, no commits), as the driver's readers are. */
    static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
