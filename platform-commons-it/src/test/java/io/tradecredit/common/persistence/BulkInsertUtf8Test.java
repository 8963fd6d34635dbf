package io.tradecredit.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.tradecredit.common.persistence.BulkInsert.Column;
import io.tradecredit.testing.Database;

/** {@link BulkInsert} on the real database: text and jsonb given as UTF-8 bytes are stored as the text they encode. */
@QuarkusTest
class BulkInsertUtf8Test {
    record Note(String id, Object body, Object doc) {
    }

    private static final List<Column> COLUMNS = List.of(Column.text("id"), Column.text("body"), new Column("doc", "jsonb"));

    @BeforeAll
    static void table() {
        // made here rather than by a test migration: only this test uses it
        Database.execute("create table if not exists widget_note (id text primary key, body text, doc jsonb)");
    }

    @Test
    void bytesAreStoredAsTheTextTheyEncode() throws Throwable {
        String run = UUID.randomUUID().toString();
        String body = "{\"buyer\":\"Łódź Trading\",\"city\":\"Zürich\",\"note\":\"東京 — ✓ \\\\ \\\"q\\\"\"}";
        insert(List.of(new Note(run + "-1", utf8(body), utf8(body)), new Note(run + "-2", null, null),
                new Note(run + "-3", utf8(""), utf8("[]"))));

        assertEquals(1, Database.count("select count(*) from widget_note where id = ? and body = ? and doc = ?::jsonb"
                + " and doc ->> 'buyer' = 'Łódź Trading' and doc ->> 'note' = ?", run + "-1", body, body, "東京 — ✓ \\ \"q\""));
        assertEquals(1, Database.count("select count(*) from widget_note where id = ? and body is null and doc is null",
                run + "-2"), "null stays SQL null");
        assertEquals(1, Database.count("select count(*) from widget_note where id = ? and body = '' and doc = '[]'::jsonb",
                run + "-3"));
    }

    @Test
    void aColumnOfBytesAndTextIsStoredAsText() throws Throwable {
        String run = UUID.randomUUID().toString();
        insert(List.of(new Note(run + "-1", utf8("Ørsted"), "{\"a\":1}"), new Note(run + "-2", "Åre", utf8("{\"b\":\"ß\"}"))));

        assertEquals(1, Database.count("select count(*) from widget_note where id = ? and body = 'Ørsted' and doc = '{\"a\":1}'",
                run + "-1"));
        assertEquals(1, Database.count("select count(*) from widget_note where id = ? and body = 'Åre' and doc ->> 'b' = 'ß'",
                run + "-2"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void insert(List<Note> rows) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> CurrentTransaction.run(() -> BulkInsert.into("widget_note",
                COLUMNS, rows, n -> Arrays.asList(n.id(), n.body(), n.doc()))));
    }
}
