package io.tradecredit.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Replays dead letters (docs/runbook.md, "Replaying dead letters"): reads a dead-letter topic
 * {@code <topic>.dlq.<service>} from its start to its current end, without a consumer group (it
 * moves no offset and deletes nothing), and republishes the chosen records to {@code <topic>} with
 * their key, value and headers (the CloudEvent's {@code ce_*}), less the {@code dead-letter-*}
 * headers the consumer added. The consumer then applies them through its inbox: an event it
 * already applied is skipped, so replaying twice is harmless while the inbox keeps its id
 * (inbox retention at least the dead-letter topics' retention; the chart sees to it).
 *
 * <pre>
 * DeadLetterReplay BOOTSTRAP DLQ_TOPIC list                        print every record (partition:offset, id, type, reason)
 * DeadLetterReplay BOOTSTRAP DLQ_TOPIC replay --ids ID[,ID...]     republish the records with these CloudEvent ids
 * DeadLetterReplay BOOTSTRAP DLQ_TOPIC replay --offsets P:O[,P:O]  ... at these partition:offset (O alone: partition 0)
 * DeadLetterReplay BOOTSTRAP DLQ_TOPIC replay --all                ... every record
 * options: --dry-run (print, publish nothing); --config FILE (Kafka client properties: security.protocol,
 *          sasl.*, ssl.*, e.g. those of a KafkaUser's Secret)
 * </pre>
 *
 * Exits 1 naming what it could not find (an id or offset not in the topic), publishing nothing; or, when the
 * broker refuses a record, naming it and every record after it, none of which was published.
 */
public final class DeadLetterReplay {
    static final String ORIGINAL_TOPIC = "dead-letter-topic";
    static final String DEAD_LETTER_PREFIX = "dead-letter-";

    /** A dead letter as read. */
    public record DeadLetter(int partition, long offset, String key, String value, List<Header> headers) {
        public String header(String name) {
            for (int i = headers.size() - 1; i >= 0; i--) {
                if (headers.get(i).key().equals(name)) {
                    byte[] v = headers.get(i).value();
                    return v == null ? null : new String(v, StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        String position() {
            return partition + ":" + offset;
        }
    }

    private DeadLetterReplay() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * The command itself, its exit code returned: 0 done, 1 what was asked cannot be done (a topic, id or
     * offset not there, a record refused), said in one line on {@code err} and not as a stack trace, 2 usage.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length < 3) {
            err.println("usage: DeadLetterReplay BOOTSTRAP DLQ_TOPIC list|replay [--ids ..|--offsets ..|--all]"
                    + " [--dry-run] [--config FILE]");
            return 2;
        }
        Properties client = new Properties();
        boolean dryRun = false;
        String ids = null;
        String offsets = null;
        boolean all = false;
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "--dry-run" -> dryRun = true;
                case "--all" -> all = true;
                case "--ids" -> ids = args[++i];
                case "--offsets" -> offsets = args[++i];
                case "--config" -> {
                    try (Reader r = Files.newBufferedReader(Path.of(args[++i]))) {
                        client.load(r);
                    }
                }
                default -> {
                    err.println("unknown option " + args[i]);
                    return 2;
                }
            }
        }
        client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try {
            List<DeadLetter> letters = read(client, args[1]);
            if (args[2].equals("list")) {
                letters.forEach(l -> out.println(describe(l)));
                out.println(letters.size() + " dead letter(s) in " + args[1]);
                return 0;
            }
            List<DeadLetter> chosen = all ? letters : choose(letters, ids, offsets);
            replay(client, args[1], chosen, dryRun, out);
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** Every record of the dead-letter topic, from its start to its end when called. */
    public static List<DeadLetter> read(Properties client, String deadLetterTopic) {
        Properties config = new Properties();
        config.putAll(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-replay-" + UUID.randomUUID()); // never committed
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("no topic " + deadLetterTopic
                        + " on the broker: nothing was ever dead-lettered there, or the name is wrong"
                        + " (<topic>.dlq.<service>, docs/runbook.md)");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!end.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (end.containsKey(tp) && r.offset() < end.get(tp)) {
                        letters.add(new DeadLetter(r.partition(), r.offset(), r.key(), r.value(),
                                List.of(r.headers().toArray())));
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return letters;
    }

    /** The records named by CloudEvent id or by partition:offset; refuses a name that matches none. */
    public static List<DeadLetter> choose(List<DeadLetter> letters, String ids, String offsets) {
        Set<String> wanted = new LinkedHashSet<>();
        boolean byId = ids != null;
        String list = byId ? ids : offsets;
        if (list == null || list.isBlank()) {
            throw new IllegalArgumentException("say which records: --ids, --offsets or --all");
        }
        for (String item : list.split(",")) {
            String name = item.strip();
            wanted.add(byId || name.contains(":") ? name : "0:" + name);
        }
        List<DeadLetter> chosen = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();
        for (DeadLetter l : letters) {
            String name = byId ? l.header("ce_id") : l.position();
            if (name != null && wanted.contains(name)) {
                chosen.add(l);
                found.add(name);
            }
        }
        wanted.removeAll(found);
        if (!wanted.isEmpty()) {
            throw new IllegalArgumentException("not in the dead-letter topic: " + wanted + "; nothing replayed");
        }
        return chosen;
    }

    /**
     * Republishes the records to their original topic, in the order read, each acknowledged before the next is
     * sent; returns that topic. A record the broker refuses (no write permission, a topic it does not know)
     * stops the replay there: the records after it are not sent, so none overtakes it, and the
     * {@link IllegalStateException} says how many went and which did not, so that the operator empties the
     * dead-letter topic only up to what was replayed (docs/runbook.md).
     */
    public static String replay(Properties client, String deadLetterTopic, List<DeadLetter> letters, boolean dryRun,
            PrintStream out) {
        String fallback = deadLetterTopic.contains(".dlq.")
                ? deadLetterTopic.substring(0, deadLetterTopic.lastIndexOf(".dlq."))
                : null;
        Properties config = new Properties();
        config.putAll(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        String topic = fallback;
        try (KafkaProducer<String, String> producer = dryRun ? null
                : new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < letters.size(); i++) {
                DeadLetter l = letters.get(i);
                String original = l.header(ORIGINAL_TOPIC);
                topic = original != null ? original : fallback;
                if (topic == null) {
                    throw new IllegalArgumentException(l.position() + ": no dead-letter-topic header and "
                            + deadLetterTopic + " is not named <topic>.dlq.<service>");
                }
                RecordHeaders headers = new RecordHeaders();
                l.headers().stream().filter(h -> !h.key().startsWith(DEAD_LETTER_PREFIX)).forEach(headers::add);
                out.println((dryRun ? "would replay " : "replaying ") + describe(l) + " to " + topic);
                if (producer != null) {
                    try {
                        producer.send(new ProducerRecord<>(topic, null, l.key(), l.value(), headers)).get();
                    } catch (ExecutionException | KafkaException refused) {
                        Throwable cause = refused instanceof ExecutionException ? refused.getCause() : refused;
                        throw new IllegalStateException(i + " of " + letters.size() + " replayed; " + l.position()
                                + " id=" + l.header("ce_id") + " refused by the broker (" + cause + "); not replayed: "
                                + String.join(", ", letters.subList(i, letters.size()).stream()
                                        .map(n -> String.valueOf(n.header("ce_id"))).toList()), cause);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted after " + i + " of " + letters.size()
                                + " replayed", e);
                    }
                }
            }
        }
        out.println((dryRun ? "dry run: " : "") + letters.size() + " record(s) " + (dryRun ? "not " : "")
                + "replayed to " + topic);
        return topic;
    }

    static String describe(DeadLetter l) {
        return l.position() + " id=" + l.header("ce_id") + " type=" + l.header("ce_type") + " reason="
                + l.header("dead-letter-reason");
    }
}
