package io.tradecredit.credit.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.credit.CreditFixtures.FINANCE_ACME;
import static io.tradecredit.credit.CreditFixtures.MANAGER_ACME;
import static io.tradecredit.credit.CreditFixtures.VIEWER_ACME;
import static io.tradecredit.credit.CreditFixtures.await;
import static io.tradecredit.credit.CreditFixtures.buyer;
import static io.tradecredit.credit.CreditFixtures.issued;
import static io.tradecredit.credit.CreditFixtures.money;
import static io.tradecredit.credit.CreditFixtures.register;
import static io.tradecredit.credit.CreditFixtures.sendInvoiceEvent;
import static io.tradecredit.credit.CreditFixtures.today;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * insurance-claims-service's insured-limit-changed, read from the real claim-events topic (payload valid against its
 * schema): the credit check splits the buyer's exposure plus the order into insured and uninsured parts by the limit
 * in force today, following reductions and expiry; another tenant's decision changes nothing.
 */
@QuarkusTest
class InsuredLimitFlowTest {
    /** A policy of each test's own: decision ids are unique per policy (a decision told again is kept once). */
    final String policy = UUID.randomUUID().toString();

    Map<String, Object> limitChanged(String buyerId, String decisionId, String outcome, String amount,
            LocalDate from, LocalDate expires, String limitNow) {
        Map<String, Object> m = new HashMap<>();
        m.put("policyId", policy);
        m.put("policyNumber", "SIN-2026-001");
        m.put("insurer", "China Export & Credit Insurance");
        m.put("buyerId", buyerId);
        m.put("decisionId", decisionId);
        m.put("outcome", outcome);
        m.put("decidedAmount", amount == null ? null : money(amount));
        m.put("effectiveFrom", from.toString());
        m.put("expiresOn", expires == null ? null : expires.toString());
        m.put("source", "INSURER");
        m.put("recordedOn", today().toString());
        m.put("insuredLimit", money(limitNow));
        return m;
    }

    static void send(String tenant, String buyerId, Map<String, Object> body) {
        Topics.sendEvent("claim-events", tenant, "claims", "insured-limit-changed", buyerId, UUID.randomUUID().toString(),
                body);
    }

    static long decisionsOf(String tenant, String buyerId) {
        return Database.count("select count(*) from insured_limit_decision where tenant_id = ? and buyer_id = ?::uuid",
                tenant, buyerId);
    }

    static ValidatableResponse check(String buyerId, String order) {
        return given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyerId, "orderAmount", money(order))).post("/api/v1/credit-checks").then()
                .statusCode(201);
    }

    /** Exposure of 130,000: two invoices issued today (due in 30 days), so under a limit effective yesterday. */
    static void exposureOf130000(String buyerId) {
        for (String amount : new String[] {"80000.00", "50000.00"}) {
            sendInvoiceEvent("acme", buyerId, "issued", UUID.randomUUID().toString(),
                    issued(buyerId, UUID.randomUUID().toString(), amount, today().plusDays(30)));
        }
        await("exposure of 130,000", () -> Database.count("select count(*) from invoice_position where tenant_id ="
                + " 'acme' and buyer_id = ?::uuid and issue_date = ?", buyerId, today()) == 2);
    }

    @Test
    void limit100000EffectiveYesterdayInsures100000Of130000PlusTheOrderThenLessAfterAReduction() {
        String buyer = register(MANAGER_ACME, buyer());
        exposureOf130000(buyer);
        check(buyer, "20000.00").body("insurance", nullValue());

        // another tenant's decision naming acme's buyer changes nothing at acme; acme's own, same key, comes after
        send("globex", buyer, limitChanged(buyer, "D-1", "APPROVED", "500000.00", today().minusDays(1), null, "500000.00"));
        send("acme", buyer, limitChanged(buyer, "D-1", "APPROVED", "100000.00", today().minusDays(1), null, "100000.00"));
        await("acme's limit", () -> decisionsOf("acme", buyer) == 1);

        String id = check(buyer, "20000.00").body("exposure.amount", equalTo("130000.00"),
                "insurance.insuredLimit.amount", equalTo("100000.00"),
                "insurance.insuredExposure.amount", equalTo("100000.00"),
                "insurance.uninsuredExposure.amount", equalTo("50000.00"),
                "insurance.orderInsured.amount", equalTo("0.00"), "insurance.insured", equalTo(false),
                "insurance.reason", equalTo("insured limit 100000.00 CNY taken by older invoices"),
                "insurance.stopDeliveriesFrom", nullValue()).extract().path("id");
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/credit-checks/" + id).then().statusCode(200)
                .body("insurance.insuredExposure.amount", equalTo("100000.00"),
                        "insurance.uninsuredExposure.amount", equalTo("50000.00"),
                        "insurance.insuredLimit.amount", equalTo("100000.00"),
                        "insurance.orderInsured.amount", equalTo("0.00"), "insurance.insured", equalTo(false),
                        "insurance.reason", equalTo("insured limit 100000.00 CNY taken by older invoices"));

        // the insurer cuts the limit to 60,000 from today; the same decision told again is kept once
        Map<String, Object> cut = limitChanged(buyer, "D-2", "PARTLY_APPROVED", "60000.00", today(), null, "60000.00");
        send("acme", buyer, cut);
        send("acme", buyer, cut);
        // a refused increase after it changes nothing (and marks that both went through)
        send("acme", buyer, limitChanged(buyer, "D-3", "REFUSED", null, today(), null, "60000.00"));
        await("the cut and the refusal", () -> decisionsOf("acme", buyer) == 3);
        check(buyer, "20000.00").body("insurance.insuredLimit.amount", equalTo("60000.00"),
                "insurance.insuredExposure.amount", equalTo("60000.00"),
                "insurance.uninsuredExposure.amount", equalTo("90000.00"));
        assertEquals(1, decisionsOf("globex", buyer));
    }

    @Test
    void afterItsExpiryTheLimitInsuresNothingAndTheCheckSaysSo() {
        String buyer = register(MANAGER_ACME, buyer());
        exposureOf130000(buyer);
        send("acme", buyer, limitChanged(buyer, "D-1", "APPROVED", "100000.00", today().minusDays(10),
                today().minusDays(1), "0.00"));
        await("the expired limit", () -> decisionsOf("acme", buyer) == 1);
        check(buyer, "20000.00").body("insurance.insuredLimit.amount", equalTo("0.00"),
                "insurance.insuredExposure.amount", equalTo("0.00"),
                "insurance.uninsuredExposure.amount", equalTo("150000.00"), "insurance.insured", equalTo(false),
                "insurance.reason", equalTo("no insured limit"));
    }

    @Test
    void anOrderWithinTheLimitIsInsured() {
        String buyer = register(MANAGER_ACME, buyer());
        send("acme", buyer, limitChanged(buyer, "D-1", "APPROVED", "100000.00", today().minusDays(1), null,
                "100000.00"));
        await("the limit", () -> decisionsOf("acme", buyer) == 1);
        check(buyer, "20000.00").body("insurance.insured", equalTo(true),
                "insurance.orderInsured.amount", equalTo("20000.00"),
                "insurance.insuredExposure.amount", equalTo("20000.00"),
                "insurance.uninsuredExposure.amount", equalTo("0.00"),
                "insurance.reason", equalTo("insured within the limit of 100000.00 CNY"));
    }

    @Test
    void anUnreadableLimitChangeGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String buyer = register(MANAGER_ACME, buyer());
        String poison = UUID.randomUUID().toString();
        Topics.send("claim-events", buyer, "{\"policyNumber\":\"SIN-2026-001\"}", Topics.cloudEventHeaders("acme",
                "/tradecredit/insurance-claims-service", "io.tradecredit.claims.insured-limit-changed.v1", buyer, poison));
        send("acme", buyer, limitChanged(buyer, "D-1", "APPROVED", "100000.00", today(), null, "100000.00"));
        await("the good event after the poison one", () -> decisionsOf("acme", buyer) == 1);
        assertTrue(Topics.read("claim-events.dlq.credit-service", Duration.ofSeconds(20),
                records -> records.stream().anyMatch(r -> poison.equals(Topics.header(r, "ce_id"))))
                .stream().anyMatch(r -> poison.equals(Topics.header(r, "ce_id"))), "the poison event is on the DLQ");
    }
}
