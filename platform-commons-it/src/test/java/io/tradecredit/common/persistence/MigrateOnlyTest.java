package io.tradecredit.common.persistence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.tradecredit.testing.PostgresTestResource;

/**
 * The chart's migration Job runs the service with {@code tradecredit.migrate-only=true}: it
 * migrates a database and exits 0, needing neither Kafka nor the OIDC server (the Job reaches
 * only the database), and a migration that waits for a lock gives up after the lock timeout
 * (exit 1, retried by the Job) instead of blocking every query queued behind it.
 */
@QuarkusMainTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // each launch takes minutes on a busy machine: the second reuses the first's schema
@TestProfile(MigrateOnlyTest.MigrateOnlyMode.class)
class MigrateOnlyTest {
    static final String DATABASE = "migrate_only_test";

    @Test
    @Order(1)
    void migratesAFreshDatabaseAndExits(QuarkusMainLauncher launcher) throws SQLException {
        FreshDatabase.recreate();

        LaunchResult result = launcher.launch();

        assertEquals(0, result.exitCode(), result.getOutput());
        assertThat(result.getOutput(), containsString("Migrate-only mode: the database schema is migrated; exiting"));
        assertThat(FreshDatabase.tables(), hasItems("outbox", "inbox", "job_run", "idempotency_key"));
        assertEquals(0, FreshDatabase.count("select count(*) from flyway_schema_history where not success"));
        assertEquals(1, FreshDatabase.count("select count(*) from flyway_schema_history where version = '0.3'"));
    }

    @Test
    @Order(2)
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // without the lock timeout, the launch would wait for ever
    void aMigrationWaitingForALockGivesUpAfterTheLockTimeout(QuarkusMainLauncher launcher) throws SQLException {
        if (System.getProperty(FreshDatabase.PORT) == null || !FreshDatabase.tables().contains("flyway_schema_history")) {
            assertEquals(0, launcher.launch().exitCode()); // run alone: migrate first
        }

        // a long transaction holds the schema history: without lock_timeout Flyway would wait forever
        try (Connection blocker = FreshDatabase.connect(); Statement st = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            st.execute("lock table flyway_schema_history in access exclusive mode");

            LaunchResult result = launcher.launch();

            assertThat(result.exitCode(), not(0));
            assertThat(result.getOutput() + result.getErrorOutput(), containsString("lock timeout"));
            blocker.rollback();
        }
    }

    public static class MigrateOnlyMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradecredit.migrate-only", "true",
                    "tradecredit.migrations.lock-timeout", "2s",
                    // what the Job has: no Kafka, no OIDC server, no relay
                    "kafka.bootstrap.servers", "127.0.0.1:1",
                    "quarkus.oidc.auth-server-url", "http://127.0.0.1:1/realms/none",
                    "tradecredit.outbox.relay.enabled", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FreshDatabase.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /**
     * A database of its own on the embedded server, so the other tests' schema stays untouched. The
     * resource runs in each launch's own class loader: the first starts the embedded server and
     * hands its port to the test and to the later launches through a system property.
     */
    public static class FreshDatabase implements QuarkusTestResourceLifecycleManager {
        static final String PORT = "tradecredit.test.migrate-only.port";

        static String server() {
            return "jdbc:postgresql://127.0.0.1:" + System.getProperty(PORT) + "/";
        }

        static String url() {
            return server() + DATABASE;
        }

        static Connection connect() throws SQLException {
            return DriverManager.getConnection(url(), "postgres", "postgres");
        }

        static void recreate() throws SQLException {
            if (System.getProperty(PORT) == null) {
                return; // not started yet: start() creates it
            }
            try (Connection c = DriverManager.getConnection(server() + "postgres", "postgres", "postgres");
                    Statement st = c.createStatement()) {
                st.execute("drop database if exists " + DATABASE + " with (force)");
                st.execute("create database " + DATABASE);
            }
        }

        static List<String> tables() throws SQLException {
            try (Connection c = connect(); var rs = c.createStatement().executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public'")) {
                List<String> names = new java.util.ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                return names;
            }
        }

        static long count(String sql) throws SQLException {
            try (Connection c = connect(); var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        @Override
        public Map<String, String> start() {
            if (System.getProperty(PORT) == null) {
                System.setProperty(PORT, String.valueOf(PostgresTestResource.server().getPort()));
                try {
                    recreate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            String port = System.getProperty(PORT);
            return Map.of(
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/" + DATABASE,
                    "quarkus.datasource.jdbc.url", url(),
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres");
        }

        @Override
        public void stop() {
            // the embedded server stops with the JVM
        }
    }
}
