package io.tradecredit.claims.jobs;

import static io.restassured.RestAssured.given;
import static io.tradecredit.claims.ClaimsFixtures.POLICIES;
import static io.tradecredit.claims.ClaimsFixtures.freshTenant;
import static io.tradecredit.claims.ClaimsFixtures.money;
import static io.tradecredit.claims.ClaimsFixtures.policy;
import static io.tradecredit.claims.ClaimsFixtures.today;
import static io.tradecredit.claims.ClaimsFixtures.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * Claims after a protracted default's waiting period through the operator endpoint, on real invoice-events,
 * PostgreSQL, Kafka and tokens: a 60,000 limit, INV-1 and INV-2 of 40,000 each due 5 days ago (INV-2 insured for
 * 20,000), the overdue account notified today. The job runs once per date for every tenant, so each test has a
 * waiting period of its own and runs the job on dates of its own.
 */
@QuarkusTest
class ProtractedDefaultJobTest {
    static final String OPENED = "io.tradecredit.claims.claim-opened.v1";
    static final LocalDate T = today();

    record Notified(String tenant, String policyId, String buyer, String inv1, String inv2) {
    }

    static Notified notified(int waitingPeriodDays) {
        String tenant = freshTenant();
        String cm = token(tenant, "credit-manager");
        Map<String, Object> terms = new HashMap<>(policy("P-" + UUID.randomUUID()));
        terms.put("waitingPeriodDays", waitingPeriodDays);
        terms.put("effectiveFrom", T.minusDays(400).toString());
        String policyId = given().auth().oauth2(cm).contentType(ContentType.JSON).body(terms).post(POLICIES).then()
                .statusCode(201).extract().path("id");
        String buyer = UUID.randomUUID().toString();
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("decisionId", "D-1", "buyerId", buyer,
                "outcome", "APPROVED", "amount", money("60000.00", "CNY"), "effectiveFrom", T.minusDays(300).toString()))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);
        String inv1 = DeadlinesJobTest.issue(tenant, buyer, "INV-1", T.minusDays(5));
        String inv2 = DeadlinesJobTest.issue(tenant, buyer, "INV-2", T.minusDays(5));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of())
                .post(POLICIES + "/" + policyId + "/buyers/" + buyer + "/overdue-notifications").then().statusCode(201)
                .body("invoices.invoiceNumber", contains("INV-1", "INV-2"));
        return new Notified(tenant, policyId, buyer, inv1, inv2);
    }

    static void run(LocalDate asOf) {
        given().auth().oauth2(DeadlinesJobTest.OPS).post("/api/v1/admin/jobs/insurance-protracted-default?asOf=" + asOf)
                .then().statusCode(200).body("status", equalTo("COMPLETED"), "firstRun", equalTo(true));
    }

    static long claims(Notified s) {
        return Database.count("select count(*) from claim where tenant_id = ?", s.tenant());
    }

    static void pay(Notified s, String invoiceId, String number) {
        Map<String, Object> payment = new HashMap<>();
        payment.put("paymentId", UUID.randomUUID().toString());
        payment.put("buyerId", s.buyer());
        payment.put("amount", money("40000.00", "CNY"));
        payment.put("receivedOn", T.toString());
        payment.put("allocations", List.of(Map.of("invoiceId", invoiceId, "invoiceNumber", number, "amount",
                money("40000.00", "CNY"), "openAmount", money("0.00", "CNY"))));
        payment.put("unallocated", money("0.00", "CNY"));
        payment.put("buyerCreditBalance", money("0.00", "CNY"));
        Topics.sendEvent("invoice-events", s.tenant(), "invoice", "payment-received", s.buyer(),
                UUID.randomUUID().toString(), payment);
        DeadlinesJobTest.await("the payment", () -> Database.count("select count(*) from open_invoice where"
                + " invoice_id = ?::uuid and open_amount = 0", invoiceId) == 1);
    }

    @Test
    void onTheDayTheWaitingPeriodRunsOneDraftClaimAsksForEachUnpaidInsuredInvoiceWholeOnce() {
        Notified s = notified(30);
        run(T.plusDays(29));
        assertEquals(0, claims(s), "the day before the waiting period has run: no claim");

        run(T.plusDays(30));
        String viewer = token(s.tenant(), "viewer");
        given().auth().oauth2(viewer).get("/api/v1/insurance/claims").then().statusCode(200)
                .body("total", equalTo(1), "items[0].cause", equalTo("PROTRACTED_DEFAULT"),
                        "items[0].state", equalTo("DRAFT"), "items[0].buyerId", equalTo(s.buyer()),
                        "items[0].buyerName", equalTo("Zhejiang Trading"),
                        "items[0].openedOn", equalTo(T.plusDays(30).toString()),
                        "items[0].openedBy", equalTo("insurance-claims-service"),
                        "items[0].invoices.invoiceNumber", contains("INV-1", "INV-2"),
                        "items[0].invoices.unpaidAmount.amount", contains("40000.00", "40000.00"),
                        "items[0].unpaid.amount", equalTo("80000.00"));
        List<JsonNode> opened = DeadlinesJobTest.events(OPENED, s.tenant(), 1);
        assertEquals(1, opened.size());
        JsonNode e = opened.get(0);
        assertEquals("PROTRACTED_DEFAULT", e.get("trigger").asText());
        assertEquals("PROTRACTED_DEFAULT", e.get("cause").asText());
        assertEquals(s.policyId(), e.get("policyId").asText());
        assertEquals("80000.00", e.get("unpaidAmount").get("amount").asText(), "whole: the 60,000 limit caps the loss");
        assertEquals(s.inv2(), e.get("invoices").get(1).get("invoiceId").asText());

        // the same date again is not run; a later date finds the notification done with
        given().auth().oauth2(DeadlinesJobTest.OPS).post("/api/v1/admin/jobs/insurance-protracted-default?asOf="
                + T.plusDays(30)).then().statusCode(200).body("firstRun", equalTo(false));
        run(T.plusDays(31));
        assertEquals(1, claims(s), "still one claim");
        assertEquals(1, Database.count("select count(*) from outbox where event_type = ? and tenant_id = ?", OPENED,
                s.tenant()));
    }

    @Test
    void paidDuringTheWaitingPeriodNothingIsClaimedAndAPaidInvoiceIsLeftOut() {
        Notified s = notified(45);
        pay(s, s.inv1(), "INV-1");
        pay(s, s.inv2(), "INV-2");
        run(T.plusDays(45));
        assertEquals(0, claims(s), "both paid before the waiting period ran: no claim");

        Notified partly = notified(46);
        pay(partly, partly.inv1(), "INV-1");
        run(T.plusDays(46));
        given().auth().oauth2(token(partly.tenant(), "viewer")).get("/api/v1/insurance/claims").then().statusCode(200)
                .body("total", equalTo(1), "items[0].invoices.invoiceNumber", contains("INV-2"),
                        "items[0].invoices.unpaidAmount.amount", contains("40000.00"));
    }

    @Test
    void anOpenClaimOfTheBuyerUnderThePolicyOpensNoSecond() {
        Notified s = notified(60);
        given().auth().oauth2(token(s.tenant(), "credit-manager")).contentType(ContentType.JSON).body(Map.of(
                "policyId", s.policyId(), "buyerId", s.buyer(), "buyerName", "Zhejiang Trading", "cause",
                "PROTRACTED_DEFAULT", "invoices", List.of(Map.of("invoiceNumber", "INV-1", "unpaidAmount",
                        money("40000.00", "CNY")))))
                .post("/api/v1/insurance/claims").then().statusCode(201);
        run(T.plusDays(60));
        assertEquals(1, claims(s), "only the claim opened by hand");
    }
}
