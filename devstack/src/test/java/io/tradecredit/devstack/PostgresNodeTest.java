package io.tradecredit.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

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
        try (EmbeddedPostgres pg = PostgresNode.server(dataDir, "127.0.0.1", port, "32MB").start();
                Connection c = PostgresNode.connect("127.0.0.1", port, "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            assertEquals("on", setting(s, "synchronous_commit"));
            assertEquals("on", setting(s, "fsync"));
            assertEquals("32MB", setting(s, "shared_buffers"));
        }
        // the data directory is kept for the next start (the platform's data survive restarts)
        assertEquals(true, Files.exists(dataDir.resolve("PG_VERSION")));
    }

    private static String setting(Statement s, String name) throws Exception {
        try (ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }
}
