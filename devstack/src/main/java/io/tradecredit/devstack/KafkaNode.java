package io.tradecredit.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node Kafka (KRaft, combined broker + controller) bound to 127.0.0.1.
 *
 * <p>Formats its storage on first start and reuses it afterwards, so data survives restarts.
 * Run as its own JVM: {@code KafkaNode --data-dir DIR --port 9092 [--controller-port 9093]
 * [--agency-port 9094] [--exit-on-stdin-eof]}. The last flag lets a test that started it as a
 * child process take it down simply by dying.
 *
 * <p>With {@code --agency-port}, a second listener for partner agencies: SASL_PLAINTEXT with
 * SCRAM-SHA-512 users, and the KRaft authorizer, so an agency's user has only the rights its ACLs
 * give ({@link AgencyAccess} creates both, as the chart's KafkaUser does). The services stay on the
 * PLAINTEXT listener, whose principal ({@code User:ANONYMOUS}) is a super user: nothing changes for them.
 */
public final class KafkaNode {

    private KafkaNode() {
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        Path dataDir = Path.of(a.value("--data-dir", "target/kafka")).toAbsolutePath();
        int port = Integer.parseInt(a.value("--port", "9092"));
        int controllerPort = Integer.parseInt(a.value("--controller-port", String.valueOf(port + 1)));
        String agencyPort = a.value("--agency-port", null);
        Path logDir = dataDir.resolve("logs");
        Files.createDirectories(logDir);

        Path config = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            Properties properties = serverProperties(logDir, port, controllerPort);
            if (agencyPort != null) {
                withAgencyListener(properties, Integer.parseInt(agencyPort));
            }
            properties.store(out, "written by KafkaNode");
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
            int rc = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", config.toString()}, System.out);
            if (rc != 0) {
                throw new IllegalStateException("kafka storage format failed with " + rc);
            }
        }
        if (a.flag("--exit-on-stdin-eof")) {
            exitWhenParentGoes(System.in);
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static Properties serverProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // no log.flush.interval.messages: an fsync per append made every produce wait for the disk
        // (the relays' acks=all round trip), and a killed broker keeps what it wrote anyway, in the OS's
        // page cache, recovered on restart; only the machine itself dying loses the unflushed tail, which a
        // production cluster covers by replication, not by fsync (Kafka's own advice)
        return p;
    }

    /**
     * Adds the agencies' listener {@code AGENCY} (SASL_PLAINTEXT, SCRAM-SHA-512) and the KRaft
     * authorizer; the PLAINTEXT and CONTROLLER listeners' anonymous principal may do everything.
     */
    static Properties withAgencyListener(Properties p, int agencyPort) {
        String agency = "AGENCY://127.0.0.1:" + agencyPort;
        p.setProperty("listeners", p.getProperty("listeners") + "," + agency);
        p.setProperty("advertised.listeners", p.getProperty("advertised.listeners") + "," + agency);
        p.setProperty("listener.security.protocol.map",
                p.getProperty("listener.security.protocol.map") + ",AGENCY:SASL_PLAINTEXT");
        p.setProperty("listener.name.agency.sasl.enabled.mechanisms", AgencyClient.MECHANISM);
        p.setProperty("listener.name.agency.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.setProperty("super.users", "User:ANONYMOUS");
        return p;
    }

    private static void exitWhenParentGoes(InputStream in) {
        Thread t = new Thread(() -> {
            try {
                while (in.read() >= 0) {
                    // parent still holds the pipe open
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as EOF
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watch");
        t.setDaemon(true);
        t.start();
    }

    /** Tiny "--name value" parser so the launcher has no dependencies of its own. */
    record Args(String[] raw) {
        static Args parse(String[] raw) {
            return new Args(raw);
        }

        String value(String name, String fallback) {
            for (int i = 0; i < raw.length - 1; i++) {
                if (raw[i].equals(name)) {
                    return raw[i + 1];
                }
            }
            return fallback;
        }

        boolean flag(String name) {
            for (String r : raw) {
                if (r.equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }

}
