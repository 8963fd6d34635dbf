package io.tradecredit.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;

import io.tradecredit.devstack.AgencyAccess;
import io.tradecredit.devstack.AgencyClient;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.devstack.SmsSink;
import io.tradecredit.testing.HttpStandIn;
import io.tradecredit.testing.KafkaTestResource;
import io.tradecredit.testing.OidcTestResource;
import io.tradecredit.testing.TestCertificate;

/**
 * The whole platform for the module, started once: what {@code ./platform up} starts, on free
 * ports, with the test OIDC server in Keycloak's place. PostgreSQL and GreenMail run as the
 * platform runs them (devstack's PostgresNode, greenmail-standalone), Kafka as the services' tests
 * run it (KafkaTestResource), the SMS sink, the OIDC server and the tenants' HTTPS webhook receiver
 * (its certificate in notification-service's webhook trust store, plain HTTP refused) inside this JVM, and the five
 * services from their packaged {@code quarkus-run.jar}, each with the platform's environment.
 * Logs: {@code e2e-tests/target/logs/}. Closed after the module's last test, and by a shutdown
 * hook if the JVM goes first.
 */
public final class Harness implements ExtensionContext.Store.CloseableResource {
    /** The demo agency the platform creates topics for (./platform: DEMO_AGENCY). */
    public static final String AGENCY = "swiftcollect";
    /** A second agency, so a scenario sees one agency refused another's topics. */
    public static final String OTHER_AGENCY = "lotuscollect";
    static final String SMS_USER = "tradecredit";
    static final String SMS_PASSWORD = "sms-sink-local";
    static final String SMS_REPORT_SECRET = "sms-report-secret-e2e";

    /** service name, database (./platform: SERVICES). */
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();
    static {
        SERVICES.put("invoice-service", "invoice");
        SERVICES.put("credit-service", "credit");
        SERVICES.put("collections-service", "collections");
        SERVICES.put("insurance-claims-service", "claims");
        SERVICES.put("notification-service", "notification");
    }

    private final Path root = repositoryRoot();
    private final Path target = root.resolve("e2e-tests/target");
    private final Path logs = target.resolve("logs");
    private final List<ChildProcess> children = new ArrayList<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final long startedAt = System.nanoTime();
    private OidcTestResource oidc;
    private SmsSink sms;
    private GreenMail mail;
    private HttpStandIn webhooks;
    private TestCertificate webhookTrust;
    private String kafka;
    private String agencyKafka;
    private int postgresPort;
    private String smsUrl;
    private String businessZone;
    private volatile boolean closed;

    private Harness() {
    }

    /**
     * A harness another JVM started ({@link HarnessMain}), from the endpoints it wrote: scenarios
     * then run against it without starting anything (the inner loop of writing one; docs/testing.md).
     */
    static Harness attach(Path endpoints) {
        Properties p = new Properties();
        try (var in = Files.newInputStream(endpoints)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Harness h = new Harness();
        SERVICES.keySet().forEach(s -> h.ports.put(s, Integer.parseInt(p.getProperty(s))));
        h.kafka = p.getProperty("kafka");
        h.agencyKafka = p.getProperty("kafka.agencies");
        h.smsUrl = p.getProperty("sms");
        h.mail = GreenMail.at(Integer.parseInt(p.getProperty("greenmail.smtp")), Integer.parseInt(p.getProperty("greenmail.api")));
        h.businessZone = p.getProperty("business-time-zone");
        System.setProperty(PlatformZone.PROPERTY, h.businessZone);
        h.closed = true;
        return h;
    }

    /** Writes where everything listens, for {@link #attach}. */
    void writeEndpoints(Path file) throws IOException {
        Properties p = new Properties();
        ports.forEach((s, port) -> p.setProperty(s, String.valueOf(port)));
        p.setProperty("kafka", kafka);
        p.setProperty("kafka.agencies", agencyKafka);
        p.setProperty("sms", smsUrl);
        p.setProperty("greenmail.smtp", String.valueOf(mail.smtpPort));
        p.setProperty("greenmail.api", String.valueOf(mail.apiPort));
        p.setProperty("business-time-zone", businessZone);
        try (var out = Files.newOutputStream(file)) {
            p.store(out, "e2e harness endpoints (HarnessMain)");
        }
    }

    public static Harness start() {
        Harness h = new Harness();
        Runtime.getRuntime().addShutdownHook(new Thread(h::close, "e2e-harness-stop"));
        try {
            h.startAll();
        } catch (RuntimeException | Error e) {
            h.close();
            throw e;
        }
        return h;
    }

    private void startAll() throws RuntimeException {
        long t0 = System.nanoTime();
        businessZone = businessZone();
        System.setProperty(PlatformZone.PROPERTY, businessZone);
        System.out.printf("e2e harness: business time zone %s (today %s)%n", businessZone, PlatformZone.today());
        String devstack;
        try {
            devstack = KafkaTestResource.devstackClasspath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcess postgres = startPostgres(devstack);
        mail = GreenMail.start(devstack, logs, target, children);
        kafka = KafkaTestResource.bootstrapServers();
        agencyKafka = KafkaTestResource.agencyBootstrapServers();
        try {
            // before the services start: collections-service's pattern subscription then reads their updates from the first
            for (String agency : List.of(AGENCY, OTHER_AGENCY)) {
                AgencyAccess.grant(kafka, agency, agencyPassword(agency));
            }
        } catch (Exception e) {
            throw new IllegalStateException("agency topics and users not created", e);
        }
        oidc = new OidcTestResource();
        Map<String, String> oidcConfig = oidc.start();
        // a tenant's receiver as production has it: HTTPS with a certificate the operator's trust store vouches for
        TestCertificate receiver = TestCertificate.create("e2e-webhook-receiver");
        webhooks = HttpStandIn.https(receiver);
        webhookTrust = receiver;
        SERVICES.keySet().forEach(s -> ports.put(s, ChildProcess.freePort()));
        sms = SmsSink.start(new SmsSink.Settings("127.0.0.1", 0, SMS_USER, SMS_PASSWORD,
                url("notification-service") + "/api/v1/sms/delivery-reports", SMS_REPORT_SECRET, true));
        smsUrl = "http://127.0.0.1:" + sms.port();
        postgres.awaitLog("databases ready", Duration.ofSeconds(90));
        mail.awaitReady();
        System.out.printf("e2e harness: infrastructure up in %d s%n", seconds(t0));

        List<ChildProcess> services = new ArrayList<>();
        SERVICES.forEach((name, db) -> services.add(startService(name, db, oidcConfig)));
        // all five start at once; each is awaited in parallel so the slowest sets the time
        try {
            CompletableFuture.allOf(services.stream().map(s -> CompletableFuture.runAsync(
                    () -> s.awaitHttpOk(url(s.name) + "/q/health/ready", Duration.ofSeconds(300))))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        System.out.printf("e2e harness: platform up in %d s (logs in %s)%n", seconds(t0), logs);
    }

    /**
     * The zone the platform keeps its dates in for the module: the one set in {@code TRADECREDIT_BUSINESS_TIME_ZONE},
     * else a fixed offset in which it is about noon now. Each scenario reckons its dates from "today" once, and the
     * daily jobs run once per date for every tenant, so scenarios keep their dates apart: a scenario that started
     * just after the business day's midnight, its neighbours just before, met their dates (at 16:00 UTC, Shanghai's
     * midnight, the paid-after-reminders letter's date had already run in the agency scenario, and its letter was
     * never sent). Twelve hours each way outlast the module and the fault suite. What the services do at midnight is
     * their own tests' matter (the chassis' BusinessTimeZoneTest, the daily jobs' tests).
     */
    static String businessZone() {
        String set = System.getenv(PlatformZone.VARIABLE);
        if (set != null && !set.isBlank()) {
            return set.strip();
        }
        return noonZone(java.time.Instant.now()).getId();
    }

    /** The offset, in quarter hours, in which it is noon (within 7.5 minutes) at {@code now}. */
    static java.time.ZoneOffset noonZone(java.time.Instant now) {
        int utcSeconds = now.atOffset(java.time.ZoneOffset.UTC).toLocalTime().toSecondOfDay();
        int quarters = Math.round((12 * 3600 - utcSeconds) / 900f);
        return java.time.ZoneOffset.ofTotalSeconds(quarters * 900);
    }

    private ChildProcess startPostgres(String devstack) {
        Path data = target.resolve("e2e-data/postgres");
        Path tmp = target.resolve("e2e-data/tmp");
        try {
            deleteTree(data);
            Files.createDirectories(data);
            Files.createDirectories(tmp);
            // as root, the embedded binaries run the server as an unprivileged user (./platform does the same)
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgresPort = ChildProcess.freePort();
        ChildProcess p = ChildProcess.start("postgres", logs, root, Map.of(), List.of(ChildProcess.java(), "-Xmx128m",
                "-Djava.io.tmpdir=" + tmp, "-Dslf4j.internal.verbosity=ERROR", "-cp", devstack,
                "io.tradecredit.devstack.PostgresNode", "--data-dir", data.toString(), "--host", "127.0.0.1",
                "--port", String.valueOf(postgresPort), "--databases", String.join(",", SERVICES.values()),
                "--shared-buffers", "128MB", "--exit-on-stdin-eof"));
        children.add(p);
        return p;
    }

    private ChildProcess startService(String name, String db, Map<String, String> oidcConfig) {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: package the services first (./mvnw package -DskipTests)");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_PORT", String.valueOf(postgresPort));
        env.put("DB_NAME", db);
        env.put("DB_USER", db);
        env.put("DB_PASSWORD", db);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("OIDC_AUTH_SERVER_URL", oidcConfig.get("quarkus.oidc.auth-server-url"));
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(mail.smtpPort));
        env.put("NOTIFICATION_WEBHOOK_TRUST_STORE", webhookTrust.trustStore().toString());
        env.put("NOTIFICATION_WEBHOOK_TRUST_STORE_PASSWORD", webhookTrust.password());
        env.put("SMS_PROVIDER_URL", sms.sendUrl());
        env.put("SMS_PROVIDER_USERNAME", SMS_USER);
        env.put("SMS_PROVIDER_PASSWORD", SMS_PASSWORD);
        env.put("SMS_REPORT_SECRET", SMS_REPORT_SECRET);
        env.put("NOTIFICATION_UNSUBSCRIBE_SECRET", "unsubscribe-secret-e2e");
        env.put("NOTIFICATION_PUBLIC_URL", url("notification-service"));
        // the outbox of messages is looked at every second, not every 10 s: scenarios wait for mail
        env.put("NOTIFICATION_DELIVERY_EVERY", "1s");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(name)));
        env.put("TRADECREDIT_JOBS_FUTURE_DATES_ALLOWED", "true");
        // time moves only through the job door: the scheduler never runs a day on its own
        env.put("TRADECREDIT_JOBS_DAILY_CRON", "off");
        env.put("QUARKUS_DEVSERVICES_ENABLED", "false");
        env.put(PlatformZone.VARIABLE, businessZone);
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "-XX:+ExitOnOutOfMemoryError",
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dvertx.disableURIValidation=true",
                // the test OIDC server's issuer (Tokens.ISSUER) instead of Keycloak's
                "-Dquarkus.oidc.token.issuer=" + oidcConfig.get("quarkus.oidc.token.issuer")));
        command.addAll(List.of("-jar", jar.toString()));
        ChildProcess p = ChildProcess.start(name, logs, root.resolve(name), env, command);
        children.add(p);
        return p;
    }

    /** tradecredit.root (failsafe sets it), else the working directory or its parent, whichever holds e2e-tests. */
    private static Path repositoryRoot() {
        String set = System.getProperty("tradecredit.root");
        Path cwd = Path.of("").toAbsolutePath();
        Path root = set != null ? Path.of(set) : Files.isDirectory(cwd.resolve("e2e-tests")) ? cwd : cwd.getParent();
        if (!Files.isRegularFile(root.resolve("e2e-tests/pom.xml"))) {
            throw new IllegalStateException(root + " is not the repository (no e2e-tests/pom.xml): set tradecredit.root");
        }
        return root.toAbsolutePath().normalize();
    }

    public String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    public String kafkaBootstrap() {
        return kafka;
    }

    /** An agency's Kafka client settings: its own user on the agencies' SASL listener. */
    public Properties agencyKafka(String agency) {
        return AgencyClient.saslSettings(agencyKafka, AgencyAccess.user(agency), agencyPassword(agency));
    }

    private static String agencyPassword(String agency) {
        return agency + "-e2e-secret";
    }

    /** Every SMS the sink received for {@code mobile} (digits compared), oldest first, read over its HTTP API. */
    public List<Sms> sms(String mobile) {
        try {
            var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    smsUrl + "/messages?to=" + java.net.URLEncoder.encode(mobile, java.nio.charset.StandardCharsets.UTF_8)))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            List<Sms> all = new ArrayList<>();
            for (var m : new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body())) {
                all.add(new Sms(m.path("to").asText(), m.path("text").asText()));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One SMS as the sink received it. */
    public record Sms(String to, String text) {
    }

    /** The service names and their databases, in start order. */
    public static Map<String, String> services() {
        return java.util.Collections.unmodifiableMap(SERVICES);
    }

    /** Where a service's database is (read-only checks of the fault suite: user = password = database). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    String smsUrl() {
        return smsUrl;
    }

    /** The running process called {@code name} (a service, "postgres"): the fault suite kills it. */
    synchronized ChildProcess child(String name) {
        return children.stream().filter(c -> c.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process " + name + " (attached harness?)"));
    }

    /** {@code fresh} runs in {@code old}'s place (restarted by the fault suite); close() stops it. */
    synchronized void replaced(ChildProcess old, ChildProcess fresh) {
        children.set(children.indexOf(old), fresh);
    }

    public GreenMail mail() {
        return mail;
    }

    /**
     * The tenants' HTTPS webhook receiver (each scenario registers its own path); what it received is kept in
     * this JVM, so a harness another JVM started ({@link #attach}) has none to read.
     */
    public HttpStandIn webhooks() {
        if (webhooks == null) {
            throw new IllegalStateException("the webhook receiver lives in the JVM that started the harness: "
                    + "run this scenario with the module's own harness (./mvnw verify -pl e2e-tests -Dit.test=...)");
        }
        return webhooks;
    }

    public Path logs() {
        return logs;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ChildProcess> reversed = new ArrayList<>(children);
        java.util.Collections.reverse(reversed);
        reversed.forEach(ChildProcess::stop);
        if (sms != null) {
            sms.close();
        }
        if (webhooks != null) {
            webhooks.close();
        }
        if (oidc != null) {
            oidc.stop();
        }
        System.out.printf("e2e harness: stopped; the module took %d s with the platform up%n", seconds(startedAt));
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
