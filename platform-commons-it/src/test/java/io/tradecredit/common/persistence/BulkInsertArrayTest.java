package io.tradecredit.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.tradecredit.common.persistence.BulkInsert.Column;
import io.tradecredit.testing.Database;

/** {@link BulkInsert} on the real database: array columns and rows already kept. */
@QuarkusTest
class BulkInsertArrayTest {
    record Tagged(String eventId, List<UUID> invoices, List<String> tags) {
    }

    private static final List<Column> COLUMNS = List.of(Column.text("event_id"), new Column("invoice_ids", "uuid[]"),
            new Column("tags", "text[]"));

    @BeforeAll
    static void table() {
        // made here rather than by a test migration: only this test uses it
        Database.execute("create table if not exists widget_tagged (event_id text primary key, invoice_ids uuid[] not null,"
                + " tags text[] not null)");
    }

    @Test
    void eachRowKeepsItsOwnArraysWhateverTheirElementsSay() throws Throwable {
        String run = UUID.randomUUID().toString();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<Tagged> rows = List.of(new Tagged(run + "-1", List.of(a, b), List.of("friendly-7", "a, b", "say \"hi\" \\ {there}")),
                new Tagged(run + "-2", List.of(), List.of("NULL")), new Tagged(run + "-3", List.of(b), List.of()));
        insert(rows);

        assertEquals(3, Database.count("select count(*) from widget_tagged where event_id like ?", run + "-%"));
        assertEquals(1, Database.count("select count(*) from widget_tagged where event_id = ? and invoice_ids = array[?::uuid, ?::uuid]"
                + " and tags = array['friendly-7', 'a, b', 'say \"hi\" \\ {there}']", run + "-1", a.toString(), b.toString()));
        assertEquals(1, Database.count("select count(*) from widget_tagged where event_id = ? and cardinality(invoice_ids) = 0"
                + " and tags = array['NULL'] and tags[1] is not null", run + "-2"), "the text NULL is not SQL null");
        assertEquals(1, Database.count("select count(*) from widget_tagged where event_id = ? and invoice_ids = array[?::uuid]"
                + " and cardinality(tags) = 0", run + "-3", b.toString()));
    }

    @Test
    void aRowWhoseKeyIsTakenIsLeftOutAndTheOthersAreKept() throws Throwable {
        String run = UUID.randomUUID().toString();
        insert(List.of(new Tagged(run + "-kept", List.of(), List.of("first"))));
        insert(List.of(new Tagged(run + "-kept", List.of(), List.of("second")), new Tagged(run + "-new", List.of(), List.of("new"))));

        assertEquals(1, Database.count("select count(*) from widget_tagged where event_id = ? and tags = array['first']", run + "-kept"));
        assertEquals(1, Database.count("select count(*) from widget_tagged where event_id = ?", run + "-new"));
    }

    @Test
    void theKeysOfTheRowsInsertedAreAnsweredAndARepeatedOrTakenKeyIsNotAmongThem() throws Throwable {
        String run = UUID.randomUUID().toString();
        insert(List.of(new Tagged(run + "-taken", List.of(), List.of("first"))));
        List<Tagged> rows = List.of(new Tagged(run + "-taken", List.of(), List.of("second")),
                new Tagged(run + "-new", List.of(), List.of("new")), new Tagged(run + "-new", List.of(), List.of("repeat")));

        Set<Object> inserted = VertxContextSupport.subscribeAndAwait(() -> CurrentTransaction.run(
                () -> BulkInsert.intoUnlessPresent("widget_tagged", COLUMNS, rows, t -> Arrays.asList(t.eventId(), t.invoices(),
                        t.tags()), "event_id")));

        assertEquals(Set.of(run + "-new"), inserted);
        assertEquals(1, Database.count("select count(*) from widget_tagged where event_id = ? and tags = array['new']", run + "-new"),
                "the first of a repeated key is kept");
        assertEquals(1, Database.count("select count(*) from widget_tagged where event_id = ? and tags = array['first']", run + "-taken"));
    }

    private static void insert(List<Tagged> rows) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> CurrentTransaction.run(() -> BulkInsert.intoUnlessPresent("widget_tagged",
                COLUMNS, rows, t -> Arrays.asList(t.eventId(), t.invoices(), t.tags()))));
    }
}
