package io.tradecredit.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.BulkInsert.Column;
import io.tradecredit.testing.Database;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class GroupedInsertTest {
    record Entry(UUID id, String note, BigDecimal amount, OffsetDateTime at) {
    }

    @Inject
    Pool pool;

    private GroupedInsert<Entry> log() {
        return new GroupedInsert<>(pool, "widget_log", List.of(new Column("id", "uuid"), Column.text("tenant_id"),
                Column.text("note"), new Column("amount", "numeric"), new Column("logged_at", "timestamptz")),
                e -> Arrays.asList(e.id(), "acme", e.note(), e.amount(), e.at()));
    }

    @Test
    void concurrentRowsShareStatementsAndEachIsCommittedWhenItsCallerHearsSo() throws Throwable {
        GroupedInsert<Entry> log = log();
        String run = UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime at = OffsetDateTime.of(2026, 11, 22, 9, 30, 15, 123_000_000, ZoneOffset.ofHours(8));
        List<Uni<Void>> inserts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            inserts.add(log.insert(new Entry(UUID.randomUUID(), run + "-" + i, i % 3 == 0 ? null : new BigDecimal(i + ".25"), at)));
        }
        VertxContextSupport.subscribeAndAwait(() -> Uni.join().all(inserts).andFailFast().replaceWithVoid());

        assertEquals(300, Database.count("select count(*) from widget_log where note like ?", run + "-%"));
        assertTrue(log.groupsWritten() < 300, "rows waiting together went in together: " + log.groupsWritten() + " groups");
        assertEquals(100, Database.count("select count(*) from widget_log where note like ? and amount is null", run + "-%"));
        assertEquals(1, Database.count("select count(*) from widget_log where note = ? and amount = 7.25"
                + " and logged_at = timestamptz '2026-11-22 01:30:15.123+00'", run + "-7"));

        UUID single = UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> log.insert(new Entry(single, run + "-alone", BigDecimal.ONE, at)));
        assertEquals(1, Database.count("select count(*) from widget_log where id = ?::uuid", single.toString()),
                "visible to another connection as soon as the caller is told");
    }

    @Test
    void aRowTheDatabaseRefusesFailsOnlyItsOwnCaller() throws Throwable {
        GroupedInsert<Entry> log = log();
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID taken = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        VertxContextSupport.subscribeAndAwait(() -> log.insert(new Entry(taken, run + "-first", null, at)));

        List<Uni<String>> inserts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID id = i == 25 ? taken : UUID.randomUUID();
            inserts.add(log.insert(new Entry(id, run + "-" + i, BigDecimal.TEN, at)).replaceWith("ok")
                    .onFailure().recoverWithItem(f -> "failed: " + f.getMessage()));
        }
        List<String> outcomes = VertxContextSupport.subscribeAndAwait(() -> Uni.join().all(inserts).andFailFast());

        for (int i = 0; i < 50; i++) {
            if (i == 25) {
                assertTrue(outcomes.get(i).contains("duplicate key"), outcomes.get(i));
            } else {
                assertEquals("ok", outcomes.get(i), "row " + i);
            }
        }
        assertEquals(49, Database.count("select count(*) from widget_log where note like ? and amount = 10", run + "-%"));
    }
}
