package io.tradecredit.common.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A payload part written once as UTF-8 JSON is embedded as it is, by a byte writer and a character writer alike. */
class RawJsonTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bytesAndTextOfAPayloadHoldTheSameJson() throws Exception {
        String facts = "{\"buyer\":\"Łódź Trading Sp. z o.o.\",\"city\":\"Zürich\",\"note\":\"東京 — ✓\"}";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", "r-1");
        body.put("data", RawJson.value(facts.getBytes(StandardCharsets.UTF_8)));
        body.put("after", "Ø");

        String expected = "{\"requestId\":\"r-1\",\"data\":" + facts + ",\"after\":\"Ø\"}";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), JSON.writeValueAsBytes(body), "the outbox's bytes");
        assertEquals(expected, JSON.writeValueAsString(body), "a draft's text");
    }

    @Test
    void aPartLargerThanTheWritersBufferIsWrittenWhole() throws Exception {
        // the generator's buffer is 8,000 bytes: a letter of many invoices does not fit in what is left of it
        String facts = "[" + "\"Łódź\",".repeat(5_000) + "\"end\"]";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("head", "x".repeat(7_000));
        body.put("data", RawJson.value(facts.getBytes(StandardCharsets.UTF_8)));

        String expected = "{\"head\":\"" + "x".repeat(7_000) + "\",\"data\":" + facts + "}";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), JSON.writeValueAsBytes(body));
        assertEquals(expected, JSON.writeValueAsString(body));
    }
}
