package io.tradecredit.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tradecredit.common.money.Money;

class EventFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID INVOICE = UUID.fromString("0b9a6a2e-8c1d-4c6e-9d57-2f3a1f0c9e11");

    private static EventFields fields(String json) throws Exception {
        return new IncomingEvent("42", "io.tradecredit.test.v1", null, "acme", null, OffsetDateTime.now(), "t", "k",
                JSON.readTree(json)).fields();
    }

    private static String refusal(Runnable read) {
        return assertThrows(PoisonMessageException.class, read::run).getMessage();
    }

    @Test
    void readsEachKindOfField() throws Exception {
        EventFields d = fields("""
                {"invoiceId": "%s", "invoiceNumber": "INV-1", "dueDate": "2026-11-22", "daysPastDue": 3,
                 "total": {"amount": "1243.00", "currency": "EUR"}, "unit": "days", "note": null, "rate": "0.0005",
                 "allocations": [{"invoiceId": "%s", "openAmount": {"amount": "0.00", "currency": "EUR"}}]}"""
                .formatted(INVOICE, INVOICE));
        assertEquals(INVOICE, d.uuid("invoiceId"));
        assertEquals("INV-1", d.text("invoiceNumber"));
        assertEquals(LocalDate.of(2026, 11, 22), d.date("dueDate"));
        assertEquals(3, d.integer("daysPastDue"));
        assertEquals(new java.math.BigDecimal("0.0005"), d.decimal("rate"));
        assertEquals(Money.of("1243.00", "EUR"), d.money("total"));
        assertEquals(TimeUnit.DAYS, d.oneOf(TimeUnit.class, "unit"));
        assertEquals(Optional.empty(), d.optionalText("note"), "null is absent");
        assertEquals(Optional.empty(), d.optionalMoney("openAmount"));
        assertTrue(d.has("total"));
        assertFalse(d.has("note"));
        List<EventFields> allocations = d.objects("allocations");
        assertEquals(1, allocations.size());
        assertEquals(Money.of("0.00", "EUR"), allocations.get(0).money("openAmount"));
    }

    @Test
    void aMissingOrUnreadableFieldIsPoisonNamingTheEventAndTheField() throws Exception {
        EventFields d = fields("""
                {"invoiceId": "nope", "dueDate": "22.11.2026", "daysPastDue": "many", "unit": "fortnights", "rate": "3%",
                 "total": {"amount": "12.345", "currency": "EUR"}, "allocations": [{"openAmount": {"amount": "1"}}]}""");
        assertEquals("event 42 (io.tradecredit.test.v1) lacks invoiceNumber", refusal(() -> d.text("invoiceNumber")));
        assertEquals("event 42 (io.tradecredit.test.v1): invoiceId is not a UUID: \"nope\"",
                refusal(() -> d.uuid("invoiceId")));
        assertEquals("event 42 (io.tradecredit.test.v1): dueDate is not a date: \"22.11.2026\"",
                refusal(() -> d.date("dueDate")));
        assertEquals("event 42 (io.tradecredit.test.v1): daysPastDue is not a whole number: \"many\"",
                refusal(() -> d.integer("daysPastDue")));
        assertEquals("event 42 (io.tradecredit.test.v1): rate is not a decimal number: \"3%\"",
                refusal(() -> d.decimal("rate")));
        assertTrue(refusal(() -> d.money("total")).startsWith("event 42 (io.tradecredit.test.v1): total is not money"));
        assertTrue(refusal(() -> d.oneOf(TimeUnit.class, "unit")).contains("unit is not one of [NANOSECONDS"));
        assertEquals("event 42 (io.tradecredit.test.v1) lacks allocations[0].openAmount.currency",
                refusal(() -> d.objects("allocations").get(0).money("openAmount")));
        assertEquals("event 42 (io.tradecredit.test.v1): total is not an array: {\"amount\":\"12.345\",\"currency\":\"EUR\"}",
                refusal(() -> d.objects("total")));
    }

    @Test
    void booleansAreJsonBooleansAndAMissingOneTakesItsDefault() throws Exception {
        EventFields d = fields("""
                {"critical": true, "legal": false, "quoted": "true", "none": null}""");
        assertEquals(true, d.bool("critical"));
        assertEquals(false, d.bool("legal"));
        assertEquals(false, d.bool("none", false));
        assertEquals(true, d.bool("absent", true));
        assertEquals(true, d.bool("critical", false));
        assertEquals("event 42 (io.tradecredit.test.v1): quoted is not true or false: \"true\"",
                refusal(() -> d.bool("quoted")));
        assertEquals("event 42 (io.tradecredit.test.v1) lacks absent", refusal(() -> d.bool("absent")));
    }

    @Test
    void anArrayOfUuidsIsReadInOrderAndAnUnreadableOneIsNamedByItsIndex() throws Exception {
        UUID other = UUID.fromString("5f0c1b7e-2d44-4a61-9a1e-0c7d2b9f3e20");
        EventFields d = fields("""
                {"invoiceIds": ["%s", "%s"], "bad": ["%s", "nope"], "notAList": "%s", "numbers": [7]}"""
                .formatted(INVOICE, other, INVOICE, INVOICE));
        assertEquals(List.of(INVOICE, other), d.uuids("invoiceIds"));
        assertEquals("event 42 (io.tradecredit.test.v1): bad[1] is not a UUID: \"nope\"", refusal(() -> d.uuids("bad")));
        assertEquals("event 42 (io.tradecredit.test.v1): numbers[0] is not a UUID: 7", refusal(() -> d.uuids("numbers")));
        assertTrue(refusal(() -> d.uuids("notAList")).contains("notAList is not an array"));
        assertEquals("event 42 (io.tradecredit.test.v1) lacks missing", refusal(() -> d.uuids("missing")));
    }

    @Test
    void anArrayOfDatesIsReadInOrderAndAnUnreadableOneIsNamedByItsIndex() throws Exception {
        EventFields d = fields("""
                {"holidays": ["2026-10-01", "2026-10-02"], "none": [], "bad": ["2026-10-01", "10/02"], "numbers": [7]}""");
        assertEquals(List.of(java.time.LocalDate.of(2026, 10, 1), java.time.LocalDate.of(2026, 10, 2)), d.dates("holidays"));
        assertEquals(List.of(), d.dates("none"));
        assertEquals("event 42 (io.tradecredit.test.v1): bad[1] is not a date: \"10/02\"", refusal(() -> d.dates("bad")));
        assertEquals("event 42 (io.tradecredit.test.v1): numbers[0] is not text: 7", refusal(() -> d.dates("numbers")));
    }

    @Test
    void anArrayOfTextsIsReadInOrderAndANonTextIsNamedByItsIndex() throws Exception {
        EventFields d = fields("""
                {"channels": ["EMAIL", "LETTER"], "none": [], "bad": ["SMS", null], "notAList": "EMAIL"}""");
        assertEquals(List.of("EMAIL", "LETTER"), d.texts("channels"));
        assertEquals(List.of(), d.texts("none"));
        assertEquals("event 42 (io.tradecredit.test.v1): bad[1] is not text: null", refusal(() -> d.texts("bad")));
        assertTrue(refusal(() -> d.texts("notAList")).contains("notAList is not an array"));
        assertEquals("event 42 (io.tradecredit.test.v1) lacks missing", refusal(() -> d.texts("missing")));
    }
}
