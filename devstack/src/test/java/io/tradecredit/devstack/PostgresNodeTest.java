package io.tradecredit.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresNodeTest {

    @TempDir
    Path dataDir;

    @Test
    void theServerCommitsToDiskBeforeItAnswers() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (EmbeddedPostgres pg = PostgresNode.server(dataDir, "127.0.0.1", port, "32MB", false).start();
                Connection c = PostgresNode.connect("127.0.0.1", port, "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            assertEquals("on", setting(s, "synchronous_commit"));
            assertEquals("on", setting(s, "fsync"));
            assertEquals("32MB", setting(s, "shared_buffers"));
            // statement statistics are opt-in: nothing preloaded by default
            assertEquals("", setting(s, "shared_preload_libraries"));
        }
        // the data directory is kept for the next start (the platform's data survive restarts)
        assertEquals(true, Files.exists(dataDir.resolve("PG_VERSION")));
    }

    @Test
    void withStatementStatsEachDatabaseCountsItsStatements() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (EmbeddedPostgres pg = PostgresNode.server(dataDir, "127.0.0.1", port, "32MB", true).start()) {
            try (Connection admin = PostgresNode.connect("127.0.0.1", port, "postgres", "postgres", "")) {
                PostgresNode.provision(admin, List.of("collections"));
            }
            PostgresNode.createStatementStats("127.0.0.1", port, List.of("collections"));
            // the platform's next start finds the extension already there
            PostgresNode.createStatementStats("127.0.0.1", port, List.of("collections"));
            try (Connection owner = PostgresNode.connect("127.0.0.1", port, "collections", "collections", "collections");
                    Statement s = owner.createStatement()) {
                s.execute("create table step (id int)");
                for (int i = 0; i < 3; i++) {
                    s.execute("insert into step values (" + i + ")");
                }
            }
            try (Connection admin = PostgresNode.connect("127.0.0.1", port, "collections", "postgres", "");
                    Statement s = admin.createStatement();
                    ResultSet r = s.executeQuery("""
                            select sum(calls), sum(rows) from pg_stat_statements p join pg_database d on d.oid = p.dbid
                            where d.datname = 'collections' and query like 'insert into step%'""")) {
                r.next();
                // the three inserts, counted as one statement with its constant as a parameter
                assertEquals(3, r.getLong(1));
                assertEquals(3, r.getLong(2));
            }
        }
    }

    private static String setting(Statement s, String name) throws Exception {
        try (ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }
}
