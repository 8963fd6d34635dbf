package io.tradecredit.claims.messaging;

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

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * The read model from real invoice-events, and a buyer's exposure split into insured and uninsured parts (and a claim's
 * loss capped by the same rule).
 */
@QuarkusTest
class ExposureFlowTest {

    static Map<String, Object> issued(String buyer, String invoiceId, String number, LocalDate issueDate, String amount) {
        Map<String, Object> m = new HashMap<>();
        m.put("invoiceId", invoiceId);
        m.put("invoiceNumber", number);
        m.put("buyerId", buyer);
        m.put("buyerName", "Zhejiang Trading");
        m.put("issueDate", issueDate.toString());
        m.put("dueDate", issueDate.plusDays(60).toString());
        m.put("total", money(amount, "CNY"));
        m.put("tax", money("0.00", "CNY"));
        m.put("openAmount", money(amount, "CNY"));
        m.put("issuedLate", false);
        m.put("purchaseOrderNumber", "PO-1");
        return m;
    }

    static Map<String, Object> payment(String buyer, String invoiceId, String number, String amount, String openAfter) {
        Map<String, Object> m = new HashMap<>();
        m.put("paymentId", UUID.randomUUID().toString());
        m.put("buyerId", buyer);
        m.put("amount", money(amount, "CNY"));
        m.put("receivedOn", "2026-05-02");
        m.put("allocations", List.of(Map.of("invoiceId", invoiceId, "invoiceNumber", number, "amount", money(amount, "CNY"),
                "openAmount", money(openAfter, "CNY"))));
        m.put("unallocated", money("0.00", "CNY"));
        m.put("buyerCreditBalance", money("0.00", "CNY"));
        return m;
    }

    static void send(String tenant, String buyer, String name, Map<String, Object> body) {
        Topics.sendEvent("invoice-events", tenant, "invoice", name, buyer, UUID.randomUUID().toString(), body);
    }

    static void await(String what, BooleanSupplier done) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not in time: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void invoiceEventsBuildTheExposureAndTheOldestInsuredInvoicesFillTheLimit() {
        String tenant = freshTenant();
        String cm = token(tenant, "credit-manager");
        String policyId = given().auth().oauth2(cm).contentType(ContentType.JSON).body(policy("P-" + UUID.randomUUID()))
                .post(POLICIES).then().statusCode(201).extract().path("id");
        String buyer = UUID.randomUUID().toString();
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("decisionId", "D-1", "buyerId", buyer,
                "outcome", "APPROVED", "amount", money("80000.00", "CNY"), "effectiveFrom", "2026-03-01"))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);

        String before = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        String cancelled = UUID.randomUUID().toString();
        send(tenant, buyer, "issued", issued(buyer, before, "INV-0", LocalDate.of(2026, 2, 20), "10000.00"));
        send(tenant, buyer, "issued", issued(buyer, first, "INV-1", LocalDate.of(2026, 3, 5), "50000.00"));
        send(tenant, buyer, "issued", issued(buyer, second, "INV-2", LocalDate.of(2026, 4, 1), "40000.00"));
        send(tenant, buyer, "issued", issued(buyer, third, "INV-3", LocalDate.of(2026, 4, 20), "30000.00"));
        send(tenant, buyer, "issued", issued(buyer, cancelled, "INV-4", LocalDate.of(2026, 4, 21), "9000.00"));
        send(tenant, buyer, "payment-received", payment(buyer, first, "INV-1", "20000.00", "30000.00"));
        send(tenant, buyer, "cancelled", Map.of("invoiceId", cancelled, "invoiceNumber", "INV-4", "buyerId", buyer,
                "total", money("9000.00", "CNY"), "reason", "wrong goods"));
        await("the read model", () -> Database.count("select count(*) from open_invoice where tenant_id = ? and buyer_id = ?::uuid"
                + " and open_amount > 0", tenant, buyer) == 4
                && Database.count("select count(*) from open_invoice where invoice_id = ?::uuid and open_amount = 30000",
                        first) == 1);

        // open: INV-0 10,000 (before cover), INV-1 30,000, INV-2 40,000, INV-3 30,000 → 30,000 + 40,000 + 10,000 insured
        given().auth().oauth2(token(tenant, "viewer"))
                .get(POLICIES + "/" + policyId + "/buyers/" + buyer + "/exposure?asOf=2026-05-10").then().statusCode(200)
                .body("insuredLimit.amount", equalTo("80000.00"), "insured.amount", equalTo("80000.00"),
                        "uninsured.amount", equalTo("30000.00"),
                        "invoices.invoiceNumber", contains("INV-0", "INV-1", "INV-2", "INV-3"),
                        "invoices.insured.amount", contains("0.00", "30000.00", "40000.00", "10000.00"),
                        "invoices.issuedUnderCover", contains(false, true, true, true));
        given().auth().oauth2(token(freshTenant(), "viewer"))
                .get(POLICIES + "/" + policyId + "/buyers/" + buyer + "/exposure").then().statusCode(404);
    }

    @Test
    void aReductionLeavesTheInvoicesDeliveredUnderTheHigherLimitInsured() {
        String tenant = freshTenant();
        String cm = token(tenant, "credit-manager");
        String policyId = given().auth().oauth2(cm).contentType(ContentType.JSON).body(policy("P-" + UUID.randomUUID()))
                .post(POLICIES).then().statusCode(201).extract().path("id");
        String buyer = UUID.randomUUID().toString();
        // docs' worked example: 80,000 from 1 January 2026, reduced to 50,000 from 1 July
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("decisionId", "D-1", "buyerId", buyer,
                "outcome", "APPROVED", "amount", money("80000.00", "CNY"), "effectiveFrom", "2026-01-01"))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("decisionId", "D-2", "buyerId", buyer,
                "outcome", "PARTLY_APPROVED", "amount", money("50000.00", "CNY"), "effectiveFrom", "2026-07-01"))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        send(tenant, buyer, "issued", issued(buyer, a, "A", LocalDate.of(2026, 5, 10), "30000.00"));
        send(tenant, buyer, "issued", issued(buyer, b, "B", LocalDate.of(2026, 6, 20), "40000.00"));
        send(tenant, buyer, "issued", issued(buyer, c, "C", LocalDate.of(2026, 7, 15), "20000.00"));
        await("A, B and C", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and buyer_id = ?::uuid", tenant, buyer) == 3);

        // A and B stay insured under the 80,000 of their days; C is not (70,000 already exceed its day's 50,000)
        given().auth().oauth2(token(tenant, "viewer"))
                .get(POLICIES + "/" + policyId + "/buyers/" + buyer + "/exposure?asOf=2026-07-20").then().statusCode(200)
                .body("insuredLimit.amount", equalTo("50000.00"), "insured.amount", equalTo("70000.00"),
                        "uninsured.amount", equalTo("20000.00"), "invoices.invoiceNumber", contains("A", "B", "C"),
                        "invoices.insured.amount", contains("30000.00", "40000.00", "0.00"));

        // a claim of the three, approved under today's 50,000: the loss is capped at the 70,000 their limits cover
        String claim = given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("policyId", policyId,
                "buyerId", buyer, "buyerName", "Zhejiang Trading", "cause", "INSOLVENCY", "invoices", List.of(
                        Map.of("invoiceNumber", "C", "invoiceId", c, "unpaidAmount", money("20000.00", "CNY")),
                        Map.of("invoiceNumber", "A", "invoiceId", a, "unpaidAmount", money("30000.00", "CNY")),
                        Map.of("invoiceNumber", "B", "invoiceId", b, "unpaidAmount", money("40000.00", "CNY")))))
                .post("/api/v1/insurance/claims").then().statusCode(201).extract().path("id");
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("state", "SUBMITTED"))
                .put("/api/v1/insurance/claims/" + claim + "/state").then().statusCode(200);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("state", "UNDER_REVIEW", "note", "adjuster"))
                .put("/api/v1/insurance/claims/" + claim + "/state").then().statusCode(200);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("state", "APPROVED"))
                .put("/api/v1/insurance/claims/" + claim + "/state").then().statusCode(200)
                .body("indemnity.unpaid.amount", equalTo("90000.00"), "indemnity.insuredLimit.amount", equalTo("50000.00"),
                        "indemnity.cappedLoss.amount", equalTo("70000.00"),
                        "indemnity.indemnity.amount", equalTo("63000.00"),
                        "indemnity.tenantBears.amount", equalTo("27000.00"));
        // the event tells an integrator what the limits covered, not only the limit of the day
        JsonNode approved = ClaimFollowsLedgerFlowTest.event("claim-approved", claim);
        assertEquals("50000.00", approved.get("insuredLimit").get("amount").asText());
        assertEquals("70000.00", approved.get("cappedLoss").get("amount").asText());
        assertEquals("70000.00", approved.get("insuredLoss").get("amount").asText());
        assertEquals("63000.00", approved.get("indemnity").get("amount").asText());
    }

    @Test
    void afterAnOverdueNotificationAnInvoiceIssuedFromTheStopDeliveriesDayOnIsUninsuredAlsoInAClaimByHand() {
        String tenant = freshTenant();
        String cm = token(tenant, "credit-manager");
        String policyId = given().auth().oauth2(cm).contentType(ContentType.JSON).body(policy("P-" + UUID.randomUUID()))
                .post(POLICIES).then().statusCode(201).extract().path("id");
        String buyer = UUID.randomUUID().toString();
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("decisionId", "D-1", "buyerId", buyer,
                "outcome", "APPROVED", "amount", money("80000.00", "CNY"), "effectiveFrom", "2026-03-01"))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);
        String overdue = UUID.randomUUID().toString();
        send(tenant, buyer, "issued", issued(buyer, overdue, "INV-1", LocalDate.of(2026, 3, 5), "20000.00"));
        await("the overdue invoice", () -> Database.count("select count(*) from open_invoice where invoice_id = ?::uuid",
                overdue) == 1);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of())
                .post(POLICIES + "/" + policyId + "/buyers/" + buyer + "/overdue-notifications").then().statusCode(201)
                .body("stopDeliveriesFrom", equalTo(today().toString()));

        // delivered today, after the notification: 60,000 of the limit is left, yet it is at the tenant's own risk
        String later = UUID.randomUUID().toString();
        send(tenant, buyer, "issued", issued(buyer, later, "INV-2", today(), "10000.00"));
        await("the later invoice", () -> Database.count("select count(*) from open_invoice where invoice_id = ?::uuid",
                later) == 1);
        given().auth().oauth2(token(tenant, "viewer"))
                .get(POLICIES + "/" + policyId + "/buyers/" + buyer + "/exposure").then().statusCode(200)
                .body("stopDeliveriesFrom", equalTo(today().toString()), "insured.amount", equalTo("20000.00"),
                        "uninsured.amount", equalTo("10000.00"), "invoices.invoiceNumber", contains("INV-1", "INV-2"),
                        "invoices.insured.amount", contains("20000.00", "0.00"),
                        "invoices.afterStopDeliveries", contains(false, true),
                        "invoices.issuedUnderCover", contains(true, false));
        // the day before the notification the stop was not yet in force
        given().auth().oauth2(token(tenant, "viewer"))
                .get(POLICIES + "/" + policyId + "/buyers/" + buyer + "/exposure?asOf=" + today().minusDays(1)).then()
                .statusCode(200).body("stopDeliveriesFrom", equalTo(null));

        // a claim by hand naming both: the insurer indemnifies INV-1 alone, INV-2 was delivered at the tenant's risk
        // (it paid 27,000 on 30,000 as if INV-2 were insured)
        String claim = given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("policyId", policyId, "buyerId", buyer, "buyerName", "Zhejiang Trading", "cause",
                        "INSOLVENCY", "invoices", List.of(
                                Map.of("invoiceNumber", "INV-1", "invoiceId", overdue, "unpaidAmount", money("20000.00", "CNY")),
                                Map.of("invoiceNumber", "INV-2", "invoiceId", later, "unpaidAmount", money("10000.00", "CNY")))))
                .post("/api/v1/insurance/claims").then().statusCode(201).extract().path("id");
        for (String state : List.of("SUBMITTED", "UNDER_REVIEW", "APPROVED")) {
            given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("state", state))
                    .put("/api/v1/insurance/claims/" + claim + "/state").then().statusCode(200);
        }
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/insurance/claims/" + claim).then().statusCode(200)
                .body("indemnity.unpaid.amount", equalTo("30000.00"), "indemnity.cappedLoss.amount", equalTo("20000.00"),
                        "indemnity.indemnity.amount", equalTo("18000.00"), "indemnity.tenantBears.amount",
                        equalTo("12000.00"));
    }

    /**
     * The CNY policy's 80,000 limit; INV-1 60,000 CNY and INV-USD 4,200 USD (uninsured under it, the exposure says so).
     * A claim by hand of INV-1 and INV-USD converted to 30,000 CNY was indemnified 72,000 (80,000 covered, as if the
     * dollar invoice were insured); now 54,000 on the 60,000 covered, the tenant bearing 36,000.
     */
    @Test
    void aClaimByHandOfAnInvoiceInAnotherCurrencyThanThePolicysIsCoveredForNothingOfIt() {
        String tenant = freshTenant();
        String cm = token(tenant, "credit-manager");
        String policyId = given().auth().oauth2(cm).contentType(ContentType.JSON).body(policy("P-" + UUID.randomUUID()))
                .post(POLICIES).then().statusCode(201).extract().path("id");
        String buyer = UUID.randomUUID().toString();
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("decisionId", "D-1", "buyerId", buyer,
                "outcome", "APPROVED", "amount", money("80000.00", "CNY"), "effectiveFrom", "2026-03-01"))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);
        String yuan = UUID.randomUUID().toString();
        String dollars = UUID.randomUUID().toString();
        send(tenant, buyer, "issued", issued(buyer, yuan, "INV-1", LocalDate.of(2026, 3, 5), "60000.00"));
        Map<String, Object> usd = issued(buyer, dollars, "INV-USD", LocalDate.of(2026, 3, 2), "4200.00");
        usd.put("total", money("4200.00", "USD"));
        usd.put("tax", money("0.00", "USD"));
        usd.put("openAmount", money("4200.00", "USD"));
        send(tenant, buyer, "issued", usd);
        await("both invoices", () -> Database.count("select count(*) from open_invoice where tenant_id = ? and buyer_id ="
                + " ?::uuid", tenant, buyer) == 2);
        given().auth().oauth2(token(tenant, "viewer"))
                .get(POLICIES + "/" + policyId + "/buyers/" + buyer + "/exposure").then().statusCode(200)
                .body("insured.amount", equalTo("60000.00"));

        String claim = given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("policyId", policyId, "buyerId", buyer, "buyerName", "Zhejiang Trading", "cause",
                        "INSOLVENCY", "invoices", List.of(
                                Map.of("invoiceNumber", "INV-1", "invoiceId", yuan, "unpaidAmount", money("60000.00", "CNY")),
                                Map.of("invoiceNumber", "INV-USD", "invoiceId", dollars, "unpaidAmount",
                                        money("30000.00", "CNY")))))
                .post("/api/v1/insurance/claims").then().statusCode(201).extract().path("id");
        for (String state : List.of("SUBMITTED", "UNDER_REVIEW", "APPROVED")) {
            given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("state", state))
                    .put("/api/v1/insurance/claims/" + claim + "/state").then().statusCode(200);
        }
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/insurance/claims/" + claim).then().statusCode(200)
                .body("indemnity.unpaid.amount", equalTo("90000.00"), "indemnity.cappedLoss.amount", equalTo("60000.00"),
                        "indemnity.indemnity.amount", equalTo("54000.00"), "indemnity.tenantBears.amount",
                        equalTo("36000.00"));
    }

    @Test
    void anUnreadableInvoiceEventGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Topics.send("invoice-events", buyer, "{\"invoiceNumber\":\"INV-X\"}", Topics.cloudEventHeaders(tenant,
                "/tradecredit/invoice-service", "io.tradecredit.invoice.issued.v1", buyer, eventId));
        String good = UUID.randomUUID().toString();
        send(tenant, buyer, "issued", issued(buyer, good, "INV-OK", LocalDate.of(2026, 3, 5), "100.00"));
        await("the good event after the poison one", () -> Database.count(
                "select count(*) from open_invoice where invoice_id = ?::uuid", good) == 1);
        Topics.awaitParked("invoice-events.dlq.insurance-claims-service", eventId, Duration.ofSeconds(20)); // the poison event
    }
}
