package io.tradecredit.credit.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.credit.CreditFixtures.MANAGER_ACME;
import static io.tradecredit.credit.CreditFixtures.MANAGER_GLOBEX;
import static io.tradecredit.credit.CreditFixtures.VIEWER_ACME;
import static io.tradecredit.credit.CreditFixtures.await;
import static io.tradecredit.credit.CreditFixtures.buyer;
import static io.tradecredit.credit.CreditFixtures.creditEvents;
import static io.tradecredit.credit.CreditFixtures.money;
import static io.tradecredit.credit.CreditFixtures.register;
import static io.tradecredit.credit.CreditFixtures.today;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.DunningRunEvents;
import io.tradecredit.testing.Topics;

/** collections-service's promise-broken, read from the real collection-cases topic, as a payment-behaviour signal. */
@QuarkusTest
class PromiseSignalFlowTest {

    static Map<String, Object> promiseBroken(String buyerId) {
        Map<String, Object> m = new HashMap<>();
        m.put("caseId", UUID.randomUUID().toString());
        m.put("buyerId", buyerId);
        m.put("promiseId", UUID.randomUUID().toString());
        m.put("amount", money("1000.00"));
        m.put("paid", money("400.00"));
        m.put("shortfall", money("600.00"));
        m.put("madeOn", today().minusDays(10).toString());
        m.put("promisedDate", today().minusDays(5).toString());
        m.put("deadline", today().minusDays(2).toString());
        m.put("judgedOn", today().toString());
        return m;
    }

    static void send(String tenant, Map<String, Object> body) {
        Topics.sendEvent("collection-cases", tenant, "collections", "promise-broken", (String) body.get("caseId"),
                UUID.randomUUID().toString(), body);
    }

    @Test
    void aBrokenPromiseReassessesTheBuyerWithItAsTheCauseAndAlertsTheCreditManager() {
        String id = register(MANAGER_ACME, buyer());
        long before = Database.count("select count(*) from assessment where buyer_id = ?::uuid", id);
        send("acme", promiseBroken(id));
        await("re-assessed", () -> Database.count("select count(*) from assessment where buyer_id = ?::uuid", id)
                == before + 1);
        String cause = "promise to pay 1000.00 CNY by " + today().minusDays(5) + " broken: 400.00 CNY paid";
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/assessments").then().statusCode(200)
                .body("items[0].cause", equalTo(cause));
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/alerts?buyerId=" + id).then().statusCode(200)
                .body("total", equalTo(1), "items[0].kind", equalTo("PROMISE_BROKEN"), "items[0].message", equalTo(cause));
        JsonNode alert = Contracts.assertValid(creditEvents(id, "alert-raised", 1).get(0));
        assertEquals("PROMISE_BROKEN", alert.get("kind").asText());
    }

    /**
     * The re-grade of a broken promise falls past the threshold (an invoice 200 days past due, issued without its
     * became-overdue yet, weighs in): one PROMISE_BROKEN alert telling the fall and its cut, one email. It raised
     * GRADE_DROP and then PROMISE_BROKEN: two credit.alert emails for one event; then one whose text told the promise
     * twice, the second time as the fall's cause ("… to 720000.00 CNY after promise to pay … broken: …"). The
     * message, stored and emailed, reads each fact once: the promise, the fall from 2 to 4, the cut to 720,000.
     */
    @Test
    void aBrokenPromiseWhoseReGradeFallsPastTheThresholdIsOneAlertTellingBoth() {
        String id = register(MANAGER_ACME, buyer());
        given().auth().oauth2(MANAGER_ACME).contentType(io.restassured.http.ContentType.JSON)
                .body(io.tradecredit.credit.CreditFixtures.healthyStatement())
                .post("/api/v1/buyers/" + id + "/financial-statements").then().statusCode(201);
        io.tradecredit.credit.CreditFixtures.setLimit(id, "1000000.00");
        String invoice = UUID.randomUUID().toString();
        String issuedEvent = UUID.randomUUID().toString();
        io.tradecredit.credit.CreditFixtures.sendInvoiceEvent("acme", id, "issued", issuedEvent,
                io.tradecredit.credit.CreditFixtures.issued(id, invoice, "500000.00", today().minusDays(200)));
        await("the invoice applied", () -> Database.count("select count(*) from inbox where consumer = 'credit-service'"
                + " and event_id = ?", issuedEvent) == 1);
        send("acme", promiseBroken(id));
        await("the alert", () -> Database.count("select count(*) from alert where buyer_id = ?::uuid", id) >= 1);
        String told = "promise to pay 1000.00 CNY by " + today().minusDays(5) + " broken: 400.00 CNY paid; grade fell"
                + " from 2 to 4 (threshold 2): limit cut from 1000000.00 CNY to 720000.00 CNY";
        assertEquals(1, Database.count("select count(*) from alert where buyer_id = ?::uuid", id), "one alert, one email");
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then()
                .body("limit.amount", equalTo("720000.00"));
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/alerts?buyerId=" + id).then().statusCode(200)
                .body("total", equalTo(1), "items[0].kind", equalTo("PROMISE_BROKEN"), "items[0].message",
                        equalTo(told));
        assertEquals(1, creditEvents(id, "alert-raised", 1).size());
        // the credit manager's email (credit.alert to the tenant) says it so
        JsonNode email = Contracts.assertValid(AlertMessageFlowTest.request(id, "PROMISE_BROKEN"));
        assertEquals("credit.alert", email.get("templateKey").asText());
        assertEquals("TENANT", email.get("recipient").get("kind").asText());
        assertEquals(told, email.get("data").get("message").asText());
        assertEquals(4, email.get("data").get("grade").asInt());
        assertEquals("720000.00", email.get("data").get("limit").get("amount").asText());
    }

    @Test
    void anotherTenantsBrokenPromiseAboutTheSameBuyerIdChangesNothingHere() {
        String id = register(MANAGER_ACME, buyer());
        Map<String, Object> globex = promiseBroken(id);
        send("globex", globex);
        // a later event of acme with the same key (same partition) proves globex's was read first: waited for by its
        // own id in the inbox (written with its effect), not by "an alert about the buyer", which globex's event, were
        // it taken for acme's, would have raised before it
        Map<String, Object> marker = promiseBroken(id);
        marker.put("caseId", globex.get("caseId"));
        String markerId = UUID.randomUUID().toString();
        Topics.sendEvent("collection-cases", "acme", "collections", "promise-broken", (String) marker.get("caseId"),
                markerId, marker);
        await("acme's event read", () -> Database.count("select count(*) from inbox where consumer = 'credit-service'"
                + " and event_id = ?", markerId) == 1);
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/alerts?buyerId=" + id).then().body("total", equalTo(1));
        given().auth().oauth2(MANAGER_GLOBEX).get("/api/v1/alerts?buyerId=" + id).then().body("total", equalTo(0));
    }

    @Test
    void aBrokenPromiseAmidADunningRunsBurstIsReadOnceAndTheRunsStepsAreSkippedUnstored() {
        String id = register(MANAGER_ACME, buyer());
        long before = Database.count("select count(*) from assessment where buyer_id = ?::uuid", id);
        String promiseEvent = UUID.randomUUID().toString();
        Map<String, Object> broken = promiseBroken(id);
        ProducerRecord<String, String> promise = DunningRunEvents.event("acme", "promise-broken",
                (String) broken.get("caseId"), promiseEvent, broken);
        // a run's step-taken events around it, and the same promise-broken again: one burst, read a poll at a time
        List<ProducerRecord<String, String>> burst = new ArrayList<>(DunningRunEvents.run("acme", today(), 150));
        burst.add(promise);
        burst.addAll(DunningRunEvents.run("acme", today(), 150));
        burst.add(promise);
        Topics.sendAll(burst);

        await("re-assessed", () -> Database.count("select count(*) from assessment where buyer_id = ?::uuid", id)
                == before + 1);
        // a later promise-broken of another buyer, on the same case key (the same partition), proves the repeated
        // promise-broken was read before it
        String later = register(MANAGER_ACME, buyer());
        Map<String, Object> sentinel = promiseBroken(later);
        sentinel.put("caseId", broken.get("caseId"));
        send("acme", sentinel);
        await("the later alert", () -> Database.count("select count(*) from alert where buyer_id = ?::uuid", later) == 1);
        assertEquals(before + 1, Database.count("select count(*) from assessment where buyer_id = ?::uuid", id));
        assertEquals(1, Database.count("select count(*) from alert where buyer_id = ?::uuid", id));
        assertEquals(1, Database.count("select count(*) from inbox where consumer = 'credit-service' and event_id = ?",
                promiseEvent));
        assertEquals(0, Database.count("select count(*) from inbox where consumer = 'credit-service' and event_type = ?",
                DunningRunEvents.STEP_TAKEN), "a run's steps are skipped unread, not stored");
    }
}
