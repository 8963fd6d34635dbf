package io.tradecredit.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.tradecredit.common.persistence.BulkInsert.Column;
import io.tradecredit.testing.Database;

/** {@link BulkInsert} on the real database: values sent as typed arrays are stored as their text would have been. */
@QuarkusTest
class BulkInsertTypedTest {
    private static final List<Column> COLUMNS = List.of(Column.text("id"), new Column("ref", "uuid"),
            new Column("on_day", "date"), new Column("amount", "numeric"), new Column("number", "int"),
            new Column("total", "bigint"), new Column("flag", "boolean"));

    @BeforeAll
    static void table() {
        // made here rather than by a test migration: only this test uses it
        Database.execute("create table if not exists widget_typed (id text primary key, ref uuid, on_day date,"
                + " amount numeric, number int, total bigint, flag boolean)");
    }

    @Test
    void typedValuesAreStoredExactlyWithTheirScale() throws Throwable {
        String run = UUID.randomUUID().toString();
        UUID ref = UUID.randomUUID();
        insert(List.of(Arrays.asList(run + "-1", ref, LocalDate.of(2026, 12, 4), new BigDecimal("1243.00"), 7, 5_000_000_000L, true),
                Arrays.asList(run + "-2", null, null, new BigDecimal("1.2E+6"), null, null, false),
                Arrays.asList(run + "-3", ref, LocalDate.of(1999, 1, 31), new BigDecimal("1E-7"), -3, -1L, null),
                Arrays.asList(run + "-4", ref, LocalDate.of(2026, 2, 28), new BigDecimal("-5.50"), 0, 0L, null)));

        assertEquals(1, Database.count("select count(*) from widget_typed where id = ? and ref = ?::uuid and on_day = '2026-12-04'"
                + " and amount::text = '1243.00' and number = 7 and total = 5000000000 and flag", run + "-1", ref.toString()));
        assertEquals(1, Database.count("select count(*) from widget_typed where id = ? and ref is null and on_day is null"
                + " and amount::text = '1200000' and number is null and total is null and not flag", run + "-2"),
                "no exponent kept, nulls as SQL null");
        assertEquals(1, Database.count("select count(*) from widget_typed where id = ? and on_day = '1999-01-31'"
                + " and amount::text = '0.0000001' and number = -3 and total = -1 and flag is null", run + "-3"));
        assertEquals(1, Database.count("select count(*) from widget_typed where id = ? and amount::text = '-5.50'", run + "-4"));
    }

    @Test
    void aColumnGivenOtherValuesThanItsTypesClassIsStoredFromText() throws Throwable {
        String run = UUID.randomUUID().toString();
        UUID ref = UUID.randomUUID();
        // a uuid as a string, a date as a string, an amount as a long: PostgreSQL reads their text, as before
        insert(List.of(Arrays.asList(run + "-1", ref.toString(), "2026-12-04", 12L, 7, 9L, true),
                Arrays.asList(run + "-2", ref, LocalDate.of(2026, 12, 5), new BigDecimal("3.10"), 8, 10L, false)));

        assertEquals(1, Database.count("select count(*) from widget_typed where id = ? and ref = ?::uuid and on_day = '2026-12-04'"
                + " and amount::text = '12'", run + "-1", ref.toString()));
        assertEquals(1, Database.count("select count(*) from widget_typed where id = ? and ref = ?::uuid and on_day = '2026-12-05'"
                + " and amount::text = '3.10'", run + "-2", ref.toString()));
    }

    private static void insert(List<List<Object>> rows) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> CurrentTransaction.run(() -> BulkInsert.into("widget_typed",
                COLUMNS, rows, row -> row)));
    }
}
