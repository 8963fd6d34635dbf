package io.tradecredit.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * A PostgreSQL 17 server from the zonky embedded binaries, bound to 127.0.0.1, whose data
 * survives restarts, plus the per-service databases and users the platform expects.
 *
 * <p>Two modes:
 * <ul>
 *   <li>embedded (default): {@code PostgresNode --data-dir DIR [--host 127.0.0.1] [--port 5432]
 *       [--databases invoice,credit,...] [--shared-buffers 1GB] [--statement-stats on|off] [--ready-file FILE]}.
 *       Initialises the cluster on first start, reuses it afterwards, creates missing databases/users, then stays
 *       in the foreground until it gets SIGTERM, when it stops the server cleanly.</li>
 *   <li>external: {@code PostgresNode --external --host H --port P --admin-user U
 *       --admin-password PW [--databases ...]}. Only creates the missing databases and users on an
 *       existing server, then exits.</li>
 * </ul>
 * For every name in {@code --databases} there is a login role of the same name, whose password
 * is also that name, owning a database of that name (demo credentials, local use only).
 */
public final class PostgresNode {

    static final String DEFAULT_DATABASES = "invoice,credit,collections,claims,notification,keycloak";
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private PostgresNode() {
    }

    public static void main(String[] args) throws Exception {
        KafkaNode.Args a = KafkaNode.Args.parse(args);
        String host = a.value("--host", "127.0.0.1");
        int port = Integer.parseInt(a.value("--port", "5432"));
        List<String> databases = parseNames(a.value("--databases", DEFAULT_DATABASES));

        if (a.flag("--external")) {
            String user = a.value("--admin-user", "postgres");
            String password = a.value("--admin-password", "");
            try (Connection c = connect(host, port, "postgres", user, password)) {
                provision(c, databases);
            }
            log("databases ready on external server " + host + ":" + port + ": " + databases);
            return;
        }

        Path dataDir = Path.of(a.value("--data-dir", "target/postgres")).toAbsolutePath();
        Path readyFile = a.value("--ready-file", null) == null ? null : Path.of(a.value("--ready-file", null));
        if (readyFile != null) {
            Files.deleteIfExists(readyFile);
        }
        Files.createDirectories(dataDir);

        boolean statementStats = "on".equals(a.value("--statement-stats", "off"));
        EmbeddedPostgres pg = server(dataDir, host, port, a.value("--shared-buffers", "1GB"), statementStats).start();
        // EmbeddedPostgres registers its own shutdown hook that runs "pg_ctl stop -m fast".
        log("PostgreSQL 17 up on " + host + ":" + port + ", data in " + dataDir);

        try (Connection c = connect(host, port, "postgres", "postgres", "")) {
            provision(c, databases);
        }
        log("databases ready: " + databases + " (user = password = database name)");
        if (statementStats) {
            createStatementStats(host, port, databases);
            log("pg_stat_statements on in every database; reset with pg_stat_statements_reset() as postgres");
        }
        if (readyFile != null) {
            Files.createDirectories(readyFile.toAbsolutePath().getParent());
            Files.writeString(readyFile, ProcessHandle.current().pid() + "\n");
            readyFile.toFile().deleteOnExit();
        }

        if (a.flag("--exit-on-stdin-eof")) {
            waitForStdinEof();
            pg.close();
            return;
        }
        new CountDownLatch(1).await(); // until SIGTERM; the shutdown hook stops the server
    }

    /**
     * The server as the platform runs it. Durable: zonky turns {@code synchronous_commit} off for
     * fast tests, which lets a kill -9 of the server lose transactions the services already saw
     * committed (the fault suite lost payments that way); here a commit is on disk when it returns.
     */
    static EmbeddedPostgres.Builder server(Path dataDir, String host, int port, String sharedBuffers,
            boolean statementStats) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", host)
                .setServerConfig("max_connections", "300")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                // the hot indexes of all databases in the server's own memory (128 MB by default):
                // pages it misses come from the OS page cache, which the host may evict at any time
                .setServerConfig("shared_buffers", sharedBuffers)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Server output goes straight to this process's stdout (the log file).
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT);
        if (statementStats) {
            // opt-in (TC_PG_STATEMENT_STATS=on): which statements the server's CPU goes to, for profiling a
            // benchmark; nested statements (track=all) and planning time too, at a small cost per statement
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all")
                    .setServerConfig("pg_stat_statements.track_planning", "on")
                    .setServerConfig("pg_stat_statements.max", "10000");
        }
        return builder;
    }

    /** The pg_stat_statements view in the admin database and each service's (it is not a trusted extension). */
    static void createStatementStats(String host, int port, List<String> databases) throws SQLException {
        List<String> all = new ArrayList<>(databases);
        all.add(0, "postgres");
        for (String db : all) {
            try (Connection c = connect(host, port, db, "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
        }
    }

    static List<String> parseNames(String csv) {
        List<String> names = new ArrayList<>();
        for (String n : csv.split(",")) {
            String name = n.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!SAFE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain lower-case identifier: " + name);
            }
            names.add(name);
        }
        return names;
    }

    static Connection connect(String host, int port, String db, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + db, p);
    }

    /** Creates each missing role (password = name) and database (owned by that role). Idempotent. */
    static void provision(Connection c, List<String> names) throws SQLException {
        c.setAutoCommit(true); // CREATE DATABASE cannot run inside a transaction
        boolean superuser = exists(c, "SELECT 1 FROM pg_roles WHERE rolname = current_user AND rolsuper", null);
        for (String name : names) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE ROLE \"" + name + "\" LOGIN PASSWORD '" + name + "'");
                }
                log("created role " + name);
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                try (Statement s = c.createStatement()) {
                    if (!superuser) {
                        // An admin with only CREATEROLE/CREATEDB must be a member of the owner role.
                        s.execute("GRANT \"" + name + "\" TO CURRENT_USER");
                    }
                    s.execute("CREATE DATABASE \"" + name + "\" OWNER \"" + name + "\" ENCODING 'UTF8'");
                }
                log("created database " + name);
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (name != null) {
                ps.setString(1, name);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void waitForStdinEof() {
        try {
            while (System.in.read() >= 0) {
                // parent still holds the pipe open
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as EOF
        }
    }

    private static void log(String message) {
        System.out.println("[PostgresNode] " + message);
        System.out.flush();
    }
}
