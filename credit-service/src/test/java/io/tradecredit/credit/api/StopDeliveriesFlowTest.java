package io.tradecredit.credit.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.credit.CreditFixtures.FINANCE_ACME;
import static io.tradecredit.credit.CreditFixtures.MANAGER_ACME;
import static io.tradecredit.credit.CreditFixtures.MANAGER_GLOBEX;
import static io.tradecredit.credit.CreditFixtures.VIEWER_ACME;
import static io.tradecredit.credit.CreditFixtures.await;
import static io.tradecredit.credit.CreditFixtures.buyer;
import static io.tradecredit.credit.CreditFixtures.money;
import static io.tradecredit.credit.CreditFixtures.register;
import static io.tradecredit.credit.CreditFixtures.today;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * insurance-claims-service's stop-deliveries-started, read from the real claim-events topic (payload valid against
 * its schema): the credit check then says new deliveries to that buyer are not insured; other buyers and another
 * tenant's are unaffected.
 */
@QuarkusTest
class StopDeliveriesFlowTest {

    static Map<String, Object> stopDeliveries(String buyerId) {
        Map<String, Object> m = new HashMap<>();
        m.put("policyId", UUID.randomUUID().toString());
        m.put("policyNumber", "SIN-2026-001");
        m.put("insurer", "China Export & Credit Insurance");
        m.put("buyerId", buyerId);
        m.put("from", today().toString());
        m.put("notificationId", UUID.randomUUID().toString());
        return m;
    }

    static void send(String tenant, String buyerId, Map<String, Object> body) {
        Topics.sendEvent("claim-events", tenant, "claims", "stop-deliveries-started", buyerId,
                UUID.randomUUID().toString(), body);
    }

    static io.restassured.response.ValidatableResponse check(String token, String buyerId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyerId, "orderAmount", money("1000.00"))).post("/api/v1/credit-checks").then()
                .statusCode(201);
    }

    /**
     * A tenant notified late: the notification's stop (today) is told first, the missed stop-deliveries deadline's
     * (five days ago, cause DEADLINE_MISSED) after it when the deadlines job finds the miss: the earlier day stands,
     * and a later one told again changes nothing.
     */
    @Test
    void theEarliestStopOfAPolicyStandsWhateverOrderItIsToldIn() {
        String buyer = register(MANAGER_ACME, buyer());
        Map<String, Object> notified = stopDeliveries(buyer);
        send("acme", buyer, notified);
        await("the notification's stop", () -> Database.count("select count(*) from stop_deliveries where tenant_id ="
                + " 'acme' and buyer_id = ?::uuid and from_day = ?", buyer, today()) == 1);
        Map<String, Object> missed = new HashMap<>(notified);
        missed.put("from", today().minusDays(5).toString());
        missed.put("notificationId", UUID.randomUUID().toString());
        missed.put("cause", "DEADLINE_MISSED");
        send("acme", buyer, missed);
        await("the missed deadline's earlier stop", () -> Database.count("select count(*) from stop_deliveries where"
                + " tenant_id = 'acme' and buyer_id = ?::uuid and from_day = ?", buyer, today().minusDays(5)) == 1);
        Map<String, Object> later = new HashMap<>(notified);
        later.put("from", today().minusDays(1).toString());
        String laterId = UUID.randomUUID().toString();
        Topics.sendEvent("claim-events", "acme", "claims", "stop-deliveries-started", buyer, laterId, later);
        await("the later day read", () -> Database.count("select count(*) from inbox where consumer = 'credit-service'"
                + " and event_id = ?", laterId) == 1);
        check(FINANCE_ACME, buyer).body("insurance.insured", equalTo(false),
                "insurance.stopDeliveriesFrom", equalTo(today().minusDays(5).toString()));
    }

    @Test
    void afterStopDeliveriesTheCreditCheckSaysNewDeliveriesToThatBuyerAreNotInsured() {
        String notified = register(MANAGER_ACME, buyer());
        String other = register(MANAGER_ACME, buyer());
        String globex = register(MANAGER_GLOBEX, buyer());
        check(FINANCE_ACME, notified).body("insurance", nullValue());

        // globex's event naming acme's buyer changes nothing at acme; acme's own, same key, is read after it
        send("globex", notified, stopDeliveries(notified));
        send("acme", notified, stopDeliveries(notified));
        await("acme's stop-deliveries", () -> Database.count("select count(*) from stop_deliveries where tenant_id ="
                + " 'acme' and buyer_id = ?::uuid", notified) == 1);

        String id = check(FINANCE_ACME, notified).body("insurance.insured", equalTo(false),
                "insurance.reason", equalTo("stop-deliveries since " + today()),
                "insurance.stopDeliveriesFrom", equalTo(today().toString())).extract().path("id");
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/credit-checks/" + id).then().statusCode(200)
                .body("insurance.insured", equalTo(false), "insurance.reason", equalTo("stop-deliveries since " + today()));
        check(FINANCE_ACME, other).body("insurance", nullValue());
        check(MANAGER_GLOBEX, globex).body("insurance", nullValue());
    }

    @Test
    void anUnreadableStopDeliveriesGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String buyer = register(MANAGER_ACME, buyer());
        String poison = UUID.randomUUID().toString();
        Topics.send("claim-events", buyer, "{\"policyNumber\":\"SIN-2026-001\"}", Topics.cloudEventHeaders("acme",
                "/tradecredit/insurance-claims-service", "io.tradecredit.claims.stop-deliveries-started.v1", buyer, poison));
        send("acme", buyer, stopDeliveries(buyer));
        await("the good event after the poison one", () -> Database.count("select count(*) from stop_deliveries where"
                + " tenant_id = 'acme' and buyer_id = ?::uuid", buyer) == 1);
        Topics.awaitParked("claim-events.dlq.credit-service", poison, Duration.ofSeconds(20)); // the poison event
    }
}
