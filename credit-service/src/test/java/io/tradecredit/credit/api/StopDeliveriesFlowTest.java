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

    /** What the check's reason adds to the stop's day for each cause (domain.InsuranceCover). */
    static final String BY_NOTIFICATION = ": overdue account notified to the insurer";
    static final String BY_MISSED_DEADLINE = ": stop-deliveries deadline missed";

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

    /** A stop of {@code buyer} at acme from {@code daysAgo} days ago by {@code cause}, once credit-service kept it. */
    static Map<String, Object> stopped(String buyer, int daysAgo, String cause) {
        Map<String, Object> started = stopDeliveries(buyer);
        started.put("from", today().minusDays(daysAgo).toString());
        started.put("cause", cause);
        send("acme", buyer, started);
        await("the stop", () -> Database.count("select count(*) from stop_deliveries where tenant_id = 'acme' and"
                + " buyer_id = ?::uuid", buyer) == 1);
        return started;
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
                "insurance.reason", equalTo("stop-deliveries since " + today() + BY_NOTIFICATION),
                "insurance.stopDeliveriesFrom", equalTo(today().toString())).extract().path("id");
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/credit-checks/" + id).then().statusCode(200)
                .body("insurance.insured", equalTo(false), "insurance.reason",
                        equalTo("stop-deliveries since " + today() + BY_NOTIFICATION));
        check(FINANCE_ACME, other).body("insurance", nullValue());
        check(MANAGER_GLOBEX, globex).body("insurance", nullValue());
    }

    /**
     * A claim for the buyer's insolvency starts stop-deliveries from the claim's day (cause INSOLVENCY): the check
     * names the insolvency, so that a credit manager tells it from an overdue notification.
     */
    @Test
    void aStopOnAnInsolvencyClaimNamesTheInsolvency() {
        String buyer = register(MANAGER_ACME, buyer());
        stopped(buyer, 2, "INSOLVENCY");
        check(FINANCE_ACME, buyer).body("insurance.insured", equalTo(false),
                "insurance.reason", equalTo("stop-deliveries since " + today().minusDays(2) + ": insolvency claim"),
                "insurance.stopDeliveriesFrom", equalTo(today().minusDays(2).toString()));
    }

    /** stop-deliveries-withdrawn for the stop {@code started} announced: the stop standing now, or none. */
    static Map<String, Object> withdrawal(Map<String, Object> started, String from, String cause) {
        Map<String, Object> m = new HashMap<>();
        m.put("policyId", started.get("policyId"));
        m.put("policyNumber", started.get("policyNumber"));
        m.put("insurer", started.get("insurer"));
        m.put("buyerId", started.get("buyerId"));
        m.put("from", from);
        m.put("notificationId", from == null ? null : UUID.randomUUID().toString());
        m.put("cause", cause);
        m.put("reason", "DEADLINES_CORRECTED");
        m.put("withdrawnAt", java.time.OffsetDateTime.now().toString());
        return m;
    }

    static String withdraw(String tenant, String buyerId, Map<String, Object> body) {
        return Topics.sendEvent("claim-events", tenant, "claims", "stop-deliveries-withdrawn", buyerId,
                UUID.randomUUID().toString(), body);
    }

    static void awaitRead(String eventId) {
        await("event " + eventId + " read", () -> Database.count("select count(*) from inbox where consumer ="
                + " 'credit-service' and event_id = ?", eventId) == 1);
    }

    /**
     * A stop missed as T-19 before claims counted its deadlines from the MEP's end is reopened: claims withdraws it
     * with none standing. The check no longer says stop-deliveries (no insured-limit schedule: no insurance known,
     * as before the stop); the same event read again and globex's withdrawal naming acme's buyer change nothing.
     */
    @Test
    void aStopWithdrawnWithNoneStandingNoLongerStopsDeliveries() {
        String buyer = register(MANAGER_ACME, buyer());
        Map<String, Object> started = stopped(buyer, 19, "DEADLINE_MISSED");

        awaitRead(withdraw("globex", buyer, withdrawal(started, null, null)));
        check(FINANCE_ACME, buyer).body("insurance.insured", equalTo(false),
                "insurance.reason", equalTo("stop-deliveries since " + today().minusDays(19) + BY_MISSED_DEADLINE));

        Map<String, Object> none = withdrawal(started, null, null);
        String id = withdraw("acme", buyer, none);
        awaitRead(id);
        check(FINANCE_ACME, buyer).body("insurance", nullValue());
        Topics.sendEvent("claim-events", "acme", "claims", "stop-deliveries-withdrawn", buyer, id, none);
        Topics.sendEvent("claim-events", "acme", "claims", "stop-deliveries-withdrawn", buyer, id, none);
        awaitRead(withdraw("acme", buyer, none));
        check(FINANCE_ACME, buyer).body("insurance", nullValue());
        org.junit.jupiter.api.Assertions.assertEquals(0L, Database.count("select count(*) from stop_deliveries where"
                + " buyer_id = ?::uuid", buyer));
    }

    /**
     * A stop missed as T-89 is corrected to T-29: claims withdraws it with the stop that stands, later than the one
     * kept (which the earliest-day rule of stop-deliveries-started would have kept). Read twice: the same.
     */
    @Test
    void aStopWithdrawnForALaterOneStandsFromTheLaterDay() {
        String buyer = register(MANAGER_ACME, buyer());
        Map<String, Object> started = stopped(buyer, 89, "DEADLINE_MISSED");

        awaitRead(withdraw("globex", buyer, withdrawal(started, today().minusDays(5).toString(), "NOTIFIED")));
        check(FINANCE_ACME, buyer).body("insurance.stopDeliveriesFrom", equalTo(today().minusDays(89).toString()));

        Map<String, Object> moved = withdrawal(started, today().minusDays(29).toString(), "DEADLINE_MISSED");
        String id = withdraw("acme", buyer, moved);
        awaitRead(id);
        check(FINANCE_ACME, buyer).body("insurance.insured", equalTo(false),
                "insurance.reason", equalTo("stop-deliveries since " + today().minusDays(29) + BY_MISSED_DEADLINE),
                "insurance.stopDeliveriesFrom", equalTo(today().minusDays(29).toString()));
        Topics.sendEvent("claim-events", "acme", "claims", "stop-deliveries-withdrawn", buyer, id, moved);
        awaitRead(withdraw("acme", buyer, moved));
        check(FINANCE_ACME, buyer).body("insurance.insured", equalTo(false),
                "insurance.reason", equalTo("stop-deliveries since " + today().minusDays(29) + BY_MISSED_DEADLINE),
                "insurance.stopDeliveriesFrom", equalTo(today().minusDays(29).toString()));
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
