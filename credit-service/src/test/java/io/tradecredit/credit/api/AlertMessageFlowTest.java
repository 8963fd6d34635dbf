package io.tradecredit.credit.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.credit.CreditFixtures.MANAGER_ACME;
import static io.tradecredit.credit.CreditFixtures.await;
import static io.tradecredit.credit.CreditFixtures.buyer;
import static io.tradecredit.credit.CreditFixtures.healthyStatement;
import static io.tradecredit.credit.CreditFixtures.register;
import static io.tradecredit.credit.CreditFixtures.setLimit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.credit.CreditFixtures;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * DOMAIN §1: changes of grade or limit raise alerts to the credit manager. An alert is stored for the work list and
 * told to the tenant's credit manager: a {@code credit.alert} request to the tenant on the real notification-requests
 * topic, valid against the message-requested schema, with the alert's figures. Before, the alert was only stored and
 * published as alert-raised: no message reached a person.
 */
@QuarkusTest
class AlertMessageFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aGradeFallPastTheThresholdIsToldToTheTenantsCreditManagerByEmail() {
        String id = register(MANAGER_ACME, buyer());
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(healthyStatement())
                .post("/api/v1/buyers/" + id + "/financial-statements").then().statusCode(201);
        setLimit(id, "1000000.00");
        CreditFlowTest.overdue(id, "500000.00", 200);
        // 200 days past due: grade 4 (was 2), past the threshold of 2 grades: the limit cut and an alert
        await("re-grade", () -> Database.count("select count(*) from buyer where id = ?::uuid and grade = 4", id) == 1);
        String alertId = given().auth().oauth2(MANAGER_ACME).get("/api/v1/alerts?buyerId=" + id).then()
                .statusCode(200).extract().path("items[0].id");

        ConsumerRecord<String, String> record = request(id, "GRADE_DROP");
        JsonNode body = Contracts.assertValid(record);
        assertEquals(body.get("requestId").asText(), record.key(), "keyed by the request id");
        assertEquals(body.get("requestId").asText(), Topics.header(record, "ce_id"), "the request id is the event id");
        assertEquals("acme", Topics.header(record, "ce_tenantid"));
        assertEquals("credit.alert", body.get("templateKey").asText());
        assertEquals("credit-alert", body.get("purpose").asText());
        assertEquals("EMAIL", body.get("channel").asText());
        assertEquals("TENANT", body.get("recipient").get("kind").asText());
        assertEquals(false, body.get("critical").asBoolean(), "a grade fall is not critical");
        JsonNode data = body.get("data");
        assertEquals(alertId, data.get("alertId").asText());
        assertEquals(id, data.get("buyerId").asText());
        assertEquals("Globex Trading Ltd.", data.get("buyerName").asText());
        assertEquals("GRADE_DROP", data.get("kind").asText());
        assertEquals(4, data.get("grade").asInt());
        assertEquals(false, data.get("blocked").asBoolean());
        // raised after the cut, with its figures (raised before it, it said "limit cut" and the limit of 1,000,000)
        assertTrue(data.get("message").asText().startsWith("grade fell from 2 to 4 (threshold 2): limit cut from"
                + " 1000000.00 CNY to 720000.00 CNY after "), data.toString());
        assertEquals("720000.00", data.get("limit").get("amount").asText(), data.toString());
        assertEquals("CNY", data.get("limit").get("currency").asText());
        OffsetDateTime.parse(data.get("raisedAt").asText());
    }

    /**
     * An insolvency filing blocks the buyer and grades it 10: the credit manager is told once, critically, with the
     * new grade, the limit the block took and the fall, each once. Before, two emails: the block with the grade before
     * it (5), then the fall to 10; then one telling the filing twice, again as the fall's cause.
     */
    @Test
    void aBlockedBuyerIsToldAtOnceInOneCriticalMessageWithTheNewGrade() {
        String id = register(MANAGER_ACME, buyer());
        setLimit(id, "100000.00");
        int before = given().auth().oauth2(MANAGER_ACME).get("/api/v1/buyers/" + id).then().extract().path("grade");
        assertTrue(10 - before >= 2, "a fall past the threshold of 2 to grade 10, from " + before);
        CreditFlowTest.reportInsolvencyFiling(id);

        JsonNode body = Contracts.assertValid(request(id, "BUYER_BLOCKED"));
        assertEquals("credit.alert", body.get("templateKey").asText());
        assertEquals("TENANT", body.get("recipient").get("kind").asText());
        assertEquals(true, body.get("critical").asBoolean(), "new credit is stopped now");
        JsonNode data = body.get("data");
        assertEquals("BUYER_BLOCKED", data.get("kind").asText());
        assertEquals(id, data.get("buyerId").asText());
        assertEquals(true, data.get("blocked").asBoolean());
        assertEquals(10, data.get("grade").asInt(), "the grade the filing gave, not the one before it");
        assertEquals("0.00", data.get("limit").get("amount").asText());
        String message = data.get("message").asText();
        // the filing told once: not again as the fall's cause ("… to 10 (threshold 2) after warning signal: …")
        assertEquals("new credit blocked: insolvency filing reported by Shenzhen Intermediate Court on "
                + CreditFixtures.today() + "; limit cut from 100000.00 CNY to 0.00 CNY; grade fell from " + before
                + " to 10 (threshold 2)", message);
        // one alert, so one message: no GRADE_DROP beside the block
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/alerts?buyerId=" + id).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1), "items[0].kind",
                        org.hamcrest.Matchers.equalTo("BUYER_BLOCKED"));
        assertEquals(0, Database.count("select count(*) from alert where buyer_id = ?::uuid and kind = 'GRADE_DROP'",
                id));
    }

    /** The one credit.alert request of the kind about the buyer on notification-requests. */
    static ConsumerRecord<String, String> request(String buyerId, String kind) {
        List<ConsumerRecord<String, String>> mine = Topics.read("notification-requests", Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(r -> about(r, buyerId, kind))).stream().filter(r -> about(r, buyerId, kind))
                .toList();
        assertEquals(1, mine.size(), "one request per alert: " + mine);
        return mine.get(0);
    }

    private static boolean about(ConsumerRecord<String, String> r, String buyerId, String kind) {
        try {
            JsonNode body = JSON.readTree(r.value());
            return "credit.alert".equals(body.path("templateKey").asText())
                    && buyerId.equals(body.path("data").path("buyerId").asText())
                    && kind.equals(body.path("data").path("kind").asText());
        } catch (Exception e) {
            return false;
        }
    }
}
