package io.tradecredit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Kafka broker (KRaft, single node) for a test run, in a child JVM started from the
 * devstack launcher so the broker's dependencies never meet Quarkus's. One broker per test JVM;
 * it exits with the JVM (it watches its stdin pipe). Besides the services' PLAINTEXT listener it
 * has the partner agencies' SASL listener ({@link #agencyBootstrapServers()}), where only users
 * devstack's {@code AgencyAccess.grant} created get in, with their ACLs.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    private static final String CLASSPATH_FILE = "io/tradecredit/devstack/runtime.classpath";
    private static String bootstrap;
    private static String agencyBootstrap;
    private static Process broker;
    private static ProcessBuilder launcher;
    private static Path brokerLog;

    public static synchronized String bootstrapServers() {
        if (bootstrap == null) {
            try {
                launch();
            } catch (IOException e) {
                throw new UncheckedIOException("Kafka broker did not start", e);
            }
        }
        return bootstrap;
    }

    /** The agencies' listener (SASL_PLAINTEXT, SCRAM-SHA-512, ACLs) of the same broker. */
    public static synchronized String agencyBootstrapServers() {
        bootstrapServers();
        return agencyBootstrap;
    }

    private static void launch() throws IOException {
        int port = freePort();
        int controllerPort = freePort();
        int agencyPort = freePort();
        Path dataDir = Files.createTempDirectory("tradecredit-kafka-");
        Path log = dataDir.resolve("broker.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", devstackClasspath(), "io.tradecredit.devstack.KafkaNode",
                "--data-dir", dataDir.toString(), "--port", String.valueOf(port),
                "--controller-port", String.valueOf(controllerPort), "--agency-port", String.valueOf(agencyPort),
                "--exit-on-stdin-eof")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        broker = pb.start();
        launcher = pb;
        brokerLog = log;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> broker.destroy(), "kafka-broker-stop"));
        bootstrap = "127.0.0.1:" + port;
        agencyBootstrap = "127.0.0.1:" + agencyPort;
        awaitReady(log);
    }

    /**
     * kill -9 of the broker, {@code down} without one, then the same broker again: same port, same
     * data directory, its log appended to (e2e-tests' fault suite: a broker crash and restart).
     */
    public static synchronized void crashAndRestart(Duration down, Runnable started) throws IOException, InterruptedException {
        if (broker == null) {
            throw new IllegalStateException("no broker started in this JVM");
        }
        broker.destroyForcibly().waitFor();
        Thread.sleep(down.toMillis());
        launcher.redirectOutput(ProcessBuilder.Redirect.appendTo(brokerLog.toFile()));
        broker = launcher.start();
        started.run();
        awaitReady(brokerLog);
    }

    private static void awaitReady(Path log) throws IOException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (AdminClient admin = AdminClient.create(p)) {
            while (System.nanoTime() < deadline) {
                if (!broker.isAlive()) {
                    throw new IOException("Kafka broker exited: " + Files.readString(log));
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    sleep();
                }
            }
        }
        throw new IOException("Kafka broker not ready within 90 s: " + Files.readString(log));
    }

    /**
     * The devstack jar (or classes folder) followed by its runtime classpath: the launchers of the
     * broker, PostgreSQL and GreenMail as {@code ./platform up} runs them (also e2e-tests' harness).
     */
    public static String devstackClasspath() throws IOException {
        URL resource = KafkaTestResource.class.getClassLoader().getResource(CLASSPATH_FILE);
        if (resource == null) {
            throw new IOException(CLASSPATH_FILE + " not on the classpath: build the devstack module first");
        }
        String dependencies;
        try (InputStream in = resource.openStream()) {
            dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        return locationOf(resource) + java.io.File.pathSeparator + dependencies;
    }

    private static String locationOf(URL resource) throws IOException {
        try {
            if ("jar".equals(resource.getProtocol())) {
                String file = resource.getPath();
                return Path.of(new URL(file.substring(0, file.indexOf("!/"))).toURI()).toString();
            }
            Path path = Path.of(resource.toURI());
            for (int i = 0; i < List.of(CLASSPATH_FILE.split("/")).size(); i++) {
                path = path.getParent();
            }
            return path.toString();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // kept for the next test class; the child exits with this JVM
    }
}
