package io.tradecredit.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A partner agency's side of the platform, as runnable example (docs/agencies.md): create an
 * agency's topics, read the cases handed to it, report back. Plain Kafka clients, nothing of the
 * platform's code, so a partner can copy it.
 *
 * <pre>
 * AgencyClient topics  BOOTSTRAP CODE                       create agency.CODE.cases, .updates and its DLQ
 * AgencyClient read    BOOTSTRAP CODE [SECONDS]             print every event on agency.CODE.cases
 * AgencyClient report  BOOTSTRAP CODE TENANT CASE KIND [NOTE]   send a case-update (no amount: CONTACT_MADE,
 *                                                           RETURNED, UNCOLLECTIBLE, LEGAL_ACTION_RECOMMENDED)
 * AgencyClient promise BOOTSTRAP CODE TENANT CASE AMOUNT CURRENCY PROMISED_FOR [NOTE]   send a PROMISE
 * </pre>
 * {@code read} and {@code report} log in with SCRAM-SHA-512 as the agency's Kafka user when the
 * environment gives {@code AGENCY_KAFKA_PASSWORD} (and {@code AGENCY_KAFKA_USERNAME}, else
 * {@code agency-<code>}), as a partner does on the cluster. With {@code ./platform up}:
 * {@code ./platform agency read} and {@code ./platform agency report acme CASE RETURNED} run it for
 * the demo agency {@code swiftcollect} on the agencies' listener with its credentials.
 */
public final class AgencyClient {
    /** The type of every report an agency sends (contracts/schemas/io.tradecredit.agency.case-update.v1.json). */
    public static final String UPDATE_TYPE = "io.tradecredit.agency.case-update.v1";
    /** How an agency logs in (the chart's default KafkaUser authentication, the local broker's agency listener). */
    public static final String MECHANISM = "SCRAM-SHA-512";

    private AgencyClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: AgencyClient topics|read|report BOOTSTRAP CODE ...");
            System.exit(2);
        }
        switch (args[0]) {
            case "topics" -> createTopics(args[1], args[2]).forEach(t -> System.out.println("  topic " + t));
            case "read" -> read(connection(args[1], args[2]), args[2],
                    Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 10)).forEach(System.out::println);
            case "report" -> System.out.println("sent " + report(connection(args[1], args[2]), args[2], args[3],
                    UUID.fromString(args[4]), args[5], args.length > 6 ? args[6] : null));
            case "promise" -> System.out.println("sent " + promise(connection(args[1], args[2]), args[2], args[3],
                    UUID.fromString(args[4]), args[5], args[6], LocalDate.parse(args[7]), args.length > 8 ? args[8] : null));
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    /** The connection the environment describes: the agency's user if AGENCY_KAFKA_PASSWORD is set, else none. */
    private static Properties connection(String bootstrap, String code) {
        String password = System.getenv("AGENCY_KAFKA_PASSWORD");
        if (password == null || password.isEmpty()) {
            return plain(bootstrap);
        }
        String user = System.getenv("AGENCY_KAFKA_USERNAME");
        return saslSettings(bootstrap, user == null || user.isEmpty() ? "agency-" + code : user, password);
    }

    /** Client settings of an agency's Kafka user: SASL_PLAINTEXT (SASL_SSL on a cluster with TLS), SCRAM-SHA-512. */
    public static Properties saslSettings(String bootstrap, String user, String password) {
        Properties p = plain(bootstrap);
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        p.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        return p;
    }

    private static Properties plain(String bootstrap) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return p;
    }

    /** The agency's two topics and the dead-letter topic of its reports; existing ones are kept. */
    public static List<String> createTopics(String bootstrap, String code) throws InterruptedException, ExecutionException {
        List<String> names = List.of("agency." + code + ".cases", "agency." + code + ".updates",
                "agency." + code + ".updates.dlq.collections-service");
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = names.stream().filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, 3, (short) 1)).collect(Collectors.toList());
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return names;
    }

    /**
     * Everything on {@code agency.<code>.cases} from the beginning, read for {@code wait}: one line
     * per event, {@code <ce_type> tenant=<ce_tenantid> case=<key> <json>}.
     */
    public static List<String> read(String bootstrap, String code, Duration wait) {
        return read(plain(bootstrap), code, wait);
    }

    /** {@link #read(String, String, Duration)} with the connection's settings (e.g. {@link #saslSettings}). */
    public static List<String> read(Properties connection, String code, Duration wait) {
        Properties p = new Properties();
        p.putAll(connection);
        // an agency's Kafka user may use consumer groups named after it (agency.<code>...)
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "agency." + code + ".example-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> lines = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of("agency." + code + ".cases"));
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    lines.add(header(r, "ce_type") + " tenant=" + header(r, "ce_tenantid") + " case=" + r.key() + " "
                            + r.value());
                }
            }
        }
        return lines;
    }

    /** Sends one report without an amount on {@code agency.<code>.updates}; returns its event id. */
    public static String report(String bootstrap, String code, String tenant, UUID caseId, String kind, String note)
            throws InterruptedException, ExecutionException {
        return report(plain(bootstrap), code, tenant, caseId, kind, note);
    }

    /** {@link #report(String, String, String, UUID, String, String)} with the connection's settings. */
    public static String report(Properties connection, String code, String tenant, UUID caseId, String kind, String note)
            throws InterruptedException, ExecutionException {
        return send(connection, code, tenant, caseId, body(caseId, kind, note) + "}");
    }

    /** Sends a {@code PROMISE}: the buyer will pay {@code amount} by {@code promisedFor}; returns its event id. */
    public static String promise(Properties connection, String code, String tenant, UUID caseId, String amount,
            String currency, LocalDate promisedFor, String note) throws InterruptedException, ExecutionException {
        return send(connection, code, tenant, caseId, body(caseId, "PROMISE", note) + ",\"amount\":{\"amount\":\"" + amount
                + "\",\"currency\":\"" + currency + "\"},\"promisedFor\":\"" + promisedFor + "\"}");
    }

    /** The report's fields every kind has, without the closing brace. */
    private static String body(UUID caseId, String kind, String note) {
        return "{\"caseId\":\"" + caseId + "\",\"kind\":\"" + kind + "\",\"reportedOn\":\""
                + PlatformZone.today() + "\"" + (note == null ? "" : ",\"note\":\"" + escape(note) + "\"");
    }

    /**
     * The report's {@code ce_id} is derived from what it says (agency, tenant, and the body: case, kind, note,
     * day, amount), so sending the same report again, as a retry after a timeout does, is applied once
     * (docs/agencies.md). Two reports saying the same of the same case on the same day are one report here; a
     * partner's system with report numbers of its own derives the id from those instead.
     */
    private static String send(Properties connection, String code, String tenant, UUID caseId, String body)
            throws InterruptedException, ExecutionException {
        String id = UUID.nameUUIDFromBytes(("agency." + code + "\n" + tenant + "\n" + body)
                .getBytes(StandardCharsets.UTF_8)).toString();
        Properties p = new Properties();
        p.putAll(connection);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> r = new ProducerRecord<>("agency." + code + ".updates", caseId.toString(), body);
            add(r, "ce_specversion", "1.0");
            add(r, "ce_id", id);
            add(r, "ce_source", "/agency/" + code);
            add(r, "ce_type", UPDATE_TYPE);
            add(r, "ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString());
            add(r, "ce_subject", caseId.toString());
            add(r, "ce_tenantid", tenant);
            add(r, "content-type", "application/json");
            producer.send(r).get();
        }
        return id;
    }

    private static void add(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
