package io.tradecredit.claims.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.claims.ClaimsFixtures.POLICIES;
import static io.tradecredit.claims.ClaimsFixtures.freshTenant;
import static io.tradecredit.claims.ClaimsFixtures.policy;
import static io.tradecredit.claims.ClaimsFixtures.today;
import static io.tradecredit.claims.ClaimsFixtures.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.claims.messaging.InsolvencyClaimFlowTestAccess;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * The tenant notifies the insurer of an insured buyer's overdue account: recorded with who and when and the
 * insured overdue invoices from the read model, published as overdue-notified and stop-deliveries-started (valid
 * against their schemas), once per Idempotency-Key; refused, naming why, without insured overdue or a policy in force.
 */
@QuarkusTest
class OverdueNotificationApiTest {
    static final String NOTIFIED = "io.tradecredit.claims.overdue-notified.v1";
    static final String STOPPED = "io.tradecredit.claims.stop-deliveries-started.v1";

    static String path(String policyId, String buyer) {
        return POLICIES + "/" + policyId + "/buyers/" + buyer + "/overdue-notifications";
    }

    static List<JsonNode> events(String type, String buyer, int atLeast) {
        List<ConsumerRecord<String, String>> read = Topics.read("claim-events", Duration.ofSeconds(20), records -> records
                .stream().filter(r -> type.equals(Topics.header(r, "ce_type")) && buyer.equals(r.key())).count() >= atLeast);
        return read.stream().filter(r -> type.equals(Topics.header(r, "ce_type")) && buyer.equals(r.key()))
                .map(Contracts::assertValid).toList();
    }

    @Test
    void notifyingAnInsuredOverdueBuyerRecordsTheInsuredOverdueInvoicesAndStartsStopDeliveriesOnce() {
        // limit 80,000 from 1 March: INV-0 (before cover) is not insured, INV-1 50,000 and 30,000 of INV-2 are; all overdue
        var s = InsolvencyClaimFlowTestAccess.insured(true);
        String cm = token(s.tenant(), "credit-manager");
        String key = UUID.randomUUID().toString();
        String id = given().auth().oauth2(cm).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("note", "insurer ref OV-17")).post(path(s.policyId(), s.buyer())).then().statusCode(201)
                .body("notifiedOn", equalTo(today().toString()), "stopDeliveriesFrom", equalTo(today().toString()),
                        "invoices.invoiceNumber", contains("INV-1", "INV-2"),
                        "invoices.insured.amount", contains("50000.00", "30000.00"),
                        "invoices.openAmount.amount", contains("50000.00", "40000.00"),
                        "insuredOverdue.amount", equalTo("80000.00"), "notifiedBy", equalTo("tester"),
                        "note", equalTo("insurer ref OV-17"))
                .extract().path("id");
        given().auth().oauth2(cm).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("note", "insurer ref OV-17")).post(path(s.policyId(), s.buyer())).then().statusCode(201)
                .body("id", equalTo(id));
        given().auth().oauth2(cm).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("note", "another")).post(path(s.policyId(), s.buyer())).then().statusCode(422);

        given().auth().oauth2(token(s.tenant(), "viewer")).get(path(s.policyId(), s.buyer())).then().statusCode(200)
                .body("", hasSize(1), "[0].id", equalTo(id), "[0].invoices.invoiceNumber", contains("INV-1", "INV-2"));
        assertEquals(1, Database.count("select count(*) from overdue_notification where tenant_id = ?", s.tenant()));

        List<JsonNode> notified = events(NOTIFIED, s.buyer(), 1);
        assertEquals(1, notified.size(), "one overdue-notified for one notification");
        assertEquals(id, notified.get(0).get("notificationId").asText());
        assertEquals("80000.00", notified.get(0).get("insuredOverdue").get("amount").asText());
        List<JsonNode> stopped = events(STOPPED, s.buyer(), 1);
        assertEquals(1, stopped.size());
        assertEquals(today().toString(), stopped.get(0).get("from").asText());
        assertEquals(s.policyId(), stopped.get(0).get("policyId").asText());
    }

    /**
     * DOMAIN §4: a protracted default is claimed after the waiting period, counted from the overdue notification. A claim
     * of it by hand was submitted to the insurer before the buyer was even notified; now 409 claim.waiting-period naming
     * the day it becomes submittable (notified today, 90 days: today + 90), the claim stays a draft. An insolvency claim
     * of the same buyer is submitted at once; once the policy's waiting period has run (revised to 0 days from today,
     * the claim's day) the protracted default is submitted.
     */
    @Test
    void aProtractedDefaultIsSubmittedOnlyOnceTheWaitingPeriodRanFromTheNotification() {
        var s = InsolvencyClaimFlowTestAccess.insured(true);
        String cm = token(s.tenant(), "credit-manager");
        String pd = given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("policyId", s.policyId(),
                "buyerId", s.buyer(), "buyerName", "Zhejiang Trading", "cause", "PROTRACTED_DEFAULT", "invoices",
                List.of(Map.of("invoiceNumber", "INV-1", "unpaidAmount", Map.of("amount", "50000.00", "currency", "CNY")))))
                .post(CLAIMS).then().statusCode(201).extract().path("id");
        submit(cm, pd).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("claim.waiting-period"), "detail", containsString("not notified"),
                        "errors.field", contains("state"));
        String insolvency = given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("policyId", s.policyId(),
                "buyerId", s.buyer(), "buyerName", "Zhejiang Trading", "cause", "INSOLVENCY", "invoices",
                List.of(Map.of("invoiceNumber", "INV-2", "unpaidAmount", Map.of("amount", "30000.00", "currency", "CNY")))))
                .post(CLAIMS).then().statusCode(201).extract().path("id");
        submit(cm, insolvency).statusCode(200).body("state", equalTo("SUBMITTED"));

        given().auth().oauth2(cm).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(Map.of()).post(path(s.policyId(), s.buyer())).then().statusCode(201);
        String from = today().plusDays(90).toString();
        submit(cm, pd).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("claim.waiting-period"), "detail", containsString("submittable from " + from),
                        "errors.field", contains("state"), "errors[0].message", equalTo("submittable from " + from));
        given().auth().oauth2(token(s.tenant(), "viewer")).get(CLAIMS + "/" + pd).then().statusCode(200)
                .body("state", equalTo("DRAFT"), "log.to", contains("DRAFT"));

        String number = given().auth().oauth2(cm).get(POLICIES + "/" + s.policyId()).then().statusCode(200).extract()
                .path("policyNumber");
        Map<String, Object> revised = new java.util.HashMap<>(policy(number));
        revised.put("waitingPeriodDays", 0);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(revised).put(POLICIES + "/" + s.policyId()).then()
                .statusCode(200);
        submit(cm, pd).statusCode(200).body("state", equalTo("SUBMITTED"));
    }

    static final String CLAIMS = "/api/v1/insurance/claims";

    static io.restassured.response.ValidatableResponse submit(String token, String claim) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("state", "SUBMITTED"))
                .put(CLAIMS + "/" + claim + "/state").then();
    }

    @Test
    void aBuyerWithoutInsuredOverdueIs422AndNothingIsRecorded() {
        var s = InsolvencyClaimFlowTestAccess.insured(false);
        given().auth().oauth2(token(s.tenant(), "credit-manager")).contentType(ContentType.JSON).body(Map.of())
                .post(path(s.policyId(), s.buyer())).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("overdue.no-insured-overdue"));
        given().auth().oauth2(token(s.tenant(), "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("note", "x".repeat(2001))).post(path(s.policyId(), s.buyer())).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("note"));
        assertEquals(0, Database.count("select count(*) from overdue_notification where tenant_id = ?", s.tenant()));
    }

    @Test
    void aPolicyNotYetInForceIs409AndAnotherTenantsPolicyIs404() {
        String tenant = freshTenant();
        String cm = token(tenant, "credit-manager");
        Map<String, Object> later = new java.util.HashMap<>(policy("P-" + UUID.randomUUID()));
        later.put("effectiveFrom", today().plusDays(10).toString());
        String policyId = given().auth().oauth2(cm).contentType(ContentType.JSON).body(later).post(POLICIES).then()
                .statusCode(201).extract().path("id");
        String buyer = UUID.randomUUID().toString();
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of()).post(path(policyId, buyer)).then()
                .statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("overdue.policy-not-in-force"), "detail", containsString("not in force"));

        String other = token(freshTenant(), "credit-manager");
        given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of()).post(path(policyId, buyer)).then()
                .statusCode(404);
        given().auth().oauth2(other).get(path(policyId, buyer)).then().statusCode(404);
        given().auth().oauth2(token(tenant, "viewer")).contentType(ContentType.JSON).body(Map.of())
                .post(path(policyId, buyer)).then().statusCode(403);
    }
}
