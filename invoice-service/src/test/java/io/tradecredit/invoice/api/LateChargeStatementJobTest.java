package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.LedgerFixtures.freshTenant;
import static io.tradecredit.invoice.LedgerFixtures.issue;
import static io.tradecredit.invoice.LedgerFixtures.token;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;
import io.tradecredit.testing.Topics;

/**
 * The daily job states an overdue invoice's late charges on invoice-events (docs/invoice-service.md,
 * "Late-charge statements"): the figures of {@code GET .../late-charges} for the same date, the day
 * they appear, then a week later, never again while they stay the same, never twice for a date.
 * 10,000.00 CNY under the default terms: 5.00 interest a day. Dates in 2018, before every other
 * test's invoices, so this test's runs look only at its own.
 */
@QuarkusTest
class LateChargeStatementJobTest {
    static final String OPS = Tokens.noTenant().roles("platform-ops").mint();
    static final String STATED = "io.tradecredit.invoice.late-charges-stated.v1";
    static final LocalDate DUE = LocalDate.of(2018, 3, 1);

    @Test
    void chargesAreStatedWhenTheyAppearThenWeeklyAndNeverTwice() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String invoice = issue(tenant, buyer, DUE.minusDays(30), DUE, "10000.00");

        run(DUE.plusDays(1));
        JsonNode first = Contracts.assertValid(statements(buyer, 1).get(0));
        assertFiguresOf(tenant, invoice, first, DUE.plusDays(1), "5.00", "0.00", "5.00");
        assertEquals(1, first.get("daysPastDue").asInt());
        assertEquals("CNY", first.get("currency").asText());
        assertEquals("10000.00", first.get("openAmount").get("amount").asText());
        assertEquals("10005.00", first.get("totalDue").get("amount").asText());
        assertEquals("0.0005", first.get("terms").get("dailyRate").asText());
        assertEquals(30, first.get("terms").get("feeAfterDays").asInt());
        assertEquals("0.03", first.get("terms").get("feeRate").asText());
        assertEquals("TENANT", first.get("terms").get("source").asText());

        // a run of the same date resumed after a crash looks at nothing again
        Database.execute("update job_run set status = 'FAILED' where job = 'invoice-daily' and as_of = ?",
                DUE.plusDays(1));
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + DUE.plusDays(1)).then()
                .statusCode(200).body("status", equalTo("COMPLETED"));
        // the days before the week is over state nothing
        run(DUE.plusDays(4));
        run(DUE.plusDays(7));
        assertEquals(1, statedInOutbox(buyer));

        run(DUE.plusDays(8));
        JsonNode second = Contracts.assertValid(statements(buyer, 2).get(1));
        assertFiguresOf(tenant, invoice, second, DUE.plusDays(8), "40.00", "0.00", "40.00");

        // disputed in full from day 8: no more interest, so the next look finds nothing new to state
        given().auth().oauth2(token(tenant, "collector")).contentType(ContentType.JSON)
                .body(Map.of("type", "QUALITY", "disputedAmount", Map.of("amount", "10000.00", "currency", "CNY"),
                        "description", "press does not work", "raisedOn", DUE.plusDays(8).toString()))
                .post("/api/v1/invoices/" + invoice + "/disputes").then().statusCode(201);
        run(DUE.plusDays(15));
        assertEquals("40.00", charges(tenant, invoice, DUE.plusDays(15)).getString("due.total.amount"));
        assertEquals(2, statedInOutbox(buyer));
    }

    private static void run(LocalDate asOf) {
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + asOf).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
    }

    private static JsonPath charges(String tenant, String invoice, LocalDate asOf) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/invoices/" + invoice + "/late-charges?asOf="
                + asOf).then().statusCode(200).extract().jsonPath();
    }

    /** The statement says what {@code GET .../late-charges} says for its date, and that is the worked figure. */
    private static void assertFiguresOf(String tenant, String invoice, JsonNode stated, LocalDate asOf,
            String interest, String fee, String total) {
        JsonPath read = charges(tenant, invoice, asOf);
        assertEquals(asOf.toString(), stated.get("asOf").asText());
        assertEquals(invoice, stated.get("invoiceId").asText());
        assertEquals(read.getString("due.interest.amount"), stated.get("interest").get("amount").asText());
        assertEquals(read.getString("due.fee.amount"), stated.get("lateFee").get("amount").asText());
        assertEquals(read.getString("due.total.amount"), stated.get("totalCharges").get("amount").asText());
        assertEquals(read.getString("totalDue.amount"), stated.get("totalDue").get("amount").asText());
        assertEquals(interest, stated.get("interest").get("amount").asText());
        assertEquals(fee, stated.get("lateFee").get("amount").asText());
        assertEquals(total, stated.get("totalCharges").get("amount").asText());
    }

    private static List<ConsumerRecord<String, String>> statements(UUID buyer, int atLeast) {
        List<ConsumerRecord<String, String>> found = Topics.read("invoice-events", Duration.ofSeconds(20),
                rs -> rs.stream().filter(r -> isStatement(r, buyer)).count() >= atLeast)
                .stream().filter(r -> isStatement(r, buyer)).toList();
        assertEquals(atLeast, found.size(), "statements for buyer " + buyer);
        return found;
    }

    private static boolean isStatement(ConsumerRecord<String, String> r, UUID buyer) {
        return buyer.toString().equals(r.key()) && STATED.equals(Topics.header(r, "ce_type"));
    }

    private static long statedInOutbox(UUID buyer) {
        return Database.count("select count(*) from outbox where event_type = ? and aggregate_id = ?", STATED,
                buyer.toString());
    }
}
