package io.tradecredit.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.persistence.BulkInsert.Column;
import io.tradecredit.common.persistence.BulkInsert.Form;

class BulkInsertTest {
    @Test
    void unnestInsertCastsEachColumnsTextArrayToItsType() {
        String sql = BulkInsert.unnestInsert("invoice", List.of(new BulkInsert.Column("id", "uuid"),
                BulkInsert.Column.text("tenant_id"), new BulkInsert.Column("total_amount", "numeric")),
                List.of(Form.TEXT, Form.TEXT, Form.TEXT));
        assertEquals("insert into invoice (id, tenant_id, total_amount) select * from unnest($1::text[]::uuid[],"
                + " $2::text[], $3::text[]::numeric[])", sql);
    }

    @Test
    void anArrayColumnTravelsAsItsLiteralAndIsCastAfterTheUnnest() {
        String sql = BulkInsert.unnestInsert("record", List.of(Column.text("event_id"), new Column("on_day", "date"),
                new Column("invoice_ids", "uuid[]"), new Column("steps", "text[]")), List.of(Form.TEXT, Form.TEXT, Form.TEXT, Form.TEXT));
        assertEquals("insert into record (event_id, on_day, invoice_ids, steps) select c1, c2, c3::uuid[], c4::text[]"
                + " from unnest($1::text[], $2::text[]::date[], $3::text[], $4::text[]) as u(c1, c2, c3, c4)", sql);
    }

    @Test
    void utf8BytesTravelAsByteaAndAreDecodedToTheColumnsType() {
        String sql = BulkInsert.unnestInsert("outbox", List.of(Column.text("topic"), Column.text("payload"),
                new Column("doc", "jsonb")), List.of(Form.TEXT, Form.UTF8, Form.UTF8));
        assertEquals("insert into outbox (topic, payload, doc) select c1, convert_from(c2, 'UTF8'), convert_from(c3, 'UTF8')::jsonb"
                + " from unnest($1::text[], $2::bytea[], $3::bytea[]) as u(c1, c2, c3)", sql);
    }

    @Test
    void aTextOrJsonColumnTravelsAsBytesOnlyWhenEveryValueIsBytes() {
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        assertEquals(Form.UTF8, BulkInsert.formOf(Column.text("payload"), new Object[] {json, null, json}));
        assertEquals(Form.UTF8, BulkInsert.formOf(new Column("doc", "jsonb"), new Object[] {json}));
        assertEquals(Form.TEXT, BulkInsert.formOf(Column.text("payload"), new Object[] {json, "{}"}), "mixed: all as text");
        assertEquals(Form.TEXT, BulkInsert.formOf(Column.text("payload"), new Object[] {null, null}));
        assertEquals(Form.TEXT, BulkInsert.formOf(new Column("note", "varchar"), new Object[] {json}));
        assertEquals("Łódź", BulkInsert.asText("Łódź".getBytes(StandardCharsets.UTF_8)), "bytes among text: decoded");
    }

    @Test
    void typedArraysAreCastToTheirColumnsTypeOnly() {
        String sql = BulkInsert.unnestInsert("log", List.of(new Column("buyer_id", "uuid"), Column.text("outcome"),
                new Column("run_date", "date"), new Column("collectible", "numeric"), new Column("logged_at", "timestamptz")),
                List.of(Form.TYPED, Form.TEXT, Form.TYPED, Form.TYPED, Form.TEXT));
        assertEquals("insert into log (buyer_id, outcome, run_date, collectible, logged_at) select * from unnest($1::uuid[],"
                + " $2::text[], $3::date[], $4::numeric[], $5::text[]::timestamptz[])", sql);
    }

    @Test
    void aColumnIsTypedOnlyWhenEveryValueIsOfItsTypesClass() {
        java.util.UUID id = java.util.UUID.randomUUID();
        assertEquals(Form.TYPED, BulkInsert.formOf(new Column("id", "uuid"), new Object[] {id, null, id}));
        assertEquals(Form.TYPED, BulkInsert.formOf(new Column("id", "uuid"), new Object[] {null}), "nulls only");
        assertEquals(Form.TEXT, BulkInsert.formOf(new Column("id", "uuid"), new Object[] {id, id.toString()}));
        assertEquals(Form.TYPED, BulkInsert.formOf(new Column("on", "date"), new Object[] {LocalDate.of(2026, 12, 4)}));
        assertEquals(Form.TEXT, BulkInsert.formOf(new Column("on", "date"), new Object[] {"2026-12-04"}));
        assertEquals(Form.TYPED, BulkInsert.formOf(new Column("n", "int"), new Object[] {7}));
        assertEquals(Form.TYPED, BulkInsert.formOf(new Column("n", "integer"), new Object[] {7}));
        assertEquals(Form.TEXT, BulkInsert.formOf(new Column("n", "int"), new Object[] {7L}), "a long for an int: as text");
        assertEquals(Form.TYPED, BulkInsert.formOf(new Column("n", "bigint"), new Object[] {7L}));
        assertEquals(Form.TYPED, BulkInsert.formOf(new Column("a", "numeric"), new Object[] {BigDecimal.ONE}));
        assertEquals(Form.TEXT, BulkInsert.formOf(new Column("a", "numeric"), new Object[] {BigDecimal.ONE, 2}));
        assertEquals(Form.TYPED, BulkInsert.formOf(new Column("f", "boolean"), new Object[] {true}));
        assertEquals(Form.TEXT, BulkInsert.formOf(new Column("at", "timestamptz"), new Object[] {OffsetDateTime.now()}));
        assertEquals(Form.TEXT, BulkInsert.formOf(new Column("c", "bpchar"), new Object[] {"EUR"}));
        assertEquals(Form.TEXT, BulkInsert.formOf(Column.text("s"), new Object[] {"x"}));
    }

    @Test
    void aCollectionIsAnArrayLiteralWithEveryElementQuoted() {
        assertEquals("{}", BulkInsert.asText(List.of()));
        assertEquals("{\"friendly-7\",\"a, b\",NULL,\"say \\\"hi\\\" \\\\ there\",\"2026-11-22\"}",
                BulkInsert.asText(Arrays.asList("friendly-7", "a, b", null, "say \"hi\" \\ there", LocalDate.of(2026, 11, 22))));
    }

    @Test
    void valuesTravelInPostgresInputForm() {
        assertEquals("1243.00", BulkInsert.asText(new BigDecimal("1243.00")));
        assertEquals("1200000", BulkInsert.asText(new BigDecimal("1.2E+6")), "no exponent notation");
        assertEquals("2026-11-22", BulkInsert.asText(LocalDate.of(2026, 11, 22)));
        assertEquals("2026-11-22T09:30+08:00",
                BulkInsert.asText(OffsetDateTime.of(2026, 11, 22, 9, 30, 0, 0, ZoneOffset.ofHours(8))));
        assertEquals("OPEN", BulkInsert.asText(Sample.OPEN));
        assertEquals("true", BulkInsert.asText(true));
        assertNull(BulkInsert.asText(null));
    }

    enum Sample {
        OPEN
    }
}
