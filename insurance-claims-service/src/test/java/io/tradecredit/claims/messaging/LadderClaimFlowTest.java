package io.tradecredit.claims.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.claims.ClaimsFixtures.POLICIES;
import static io.tradecredit.claims.ClaimsFixtures.freshTenant;
import static io.tradecredit.claims.ClaimsFixtures.money;
import static io.tradecredit.claims.ClaimsFixtures.policy;
import static io.tradecredit.claims.ClaimsFixtures.today;
import static io.tradecredit.claims.ClaimsFixtures.token;
import static io.tradecredit.claims.messaging.DossierFlowTest.action;
import static io.tradecredit.claims.messaging.DossierFlowTest.group;
import static io.tradecredit.claims.messaging.DossierFlowTest.sendCounted;
import static io.tradecredit.claims.messaging.ExposureFlowTest.await;
import static io.tradecredit.claims.messaging.InsolvencyClaimFlowTest.insured;
import static io.tradecredit.claims.messaging.InsolvencyClaimFlowTest.opened;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.claims.messaging.InsolvencyClaimFlowTest.Insured;
import io.tradecredit.testing.Database;

/**
 * The dunning ladder's claim trigger (the default +90 "insurer claim if insured") as collections-service
 * announces it, a step-taken v2 event on the real {@code collection-cases} topic: a draft claim of the insured
 * parts of the buyer's overdue invoices, opened on the run date, once however often the run is announced. It
 * did nothing: the ladder's step was taken and no claim came of it.
 */
@QuarkusTest
class LadderClaimFlowTest {
    static final String CLAIMS = "/api/v1/insurance/claims";

    static List<Map<String, Object>> paymentOrder(String outcome, String skipReason) {
        return List.of(group("payment-order", outcome, skipReason, 3, List.of(action("COLLECTOR_TASK"),
                action("LEGAL_PREPARATION"), action("CLAIM_TRIGGER"))));
    }

    static void awaitRead(String eventId) {
        await("the step-taken event read", () -> Database.count("select count(*) from inbox where event_id = ?",
                eventId) == 1);
    }

    @Test
    void theLaddersClaimTriggerOpensOneDraftClaimOfTheOverdueInvoicesDeliveredUnderCover() {
        Insured s = insured(true);
        sendCounted(s.tenant(), s.buyer(), today(), paymentOrder("TAKEN", null));
        awaitRead(sendCounted(s.tenant(), s.buyer(), today(), paymentOrder("TAKEN", null)));

        // INV-0 was issued before cover; INV-1 50,000 and INV-2 40,000 were delivered under cover and are claimed whole
        // (30,000 of INV-2 within the 80,000 limit: the limit caps the loss at approval); all three overdue
        String viewer = token(s.tenant(), "viewer");
        String id = given().auth().oauth2(viewer).get(CLAIMS + "?state=DRAFT").then().statusCode(200)
                .body("total", equalTo(1), "items[0].buyerId", equalTo(s.buyer()),
                        "items[0].cause", equalTo("PROTRACTED_DEFAULT"))
                .extract().path("items[0].id");
        given().auth().oauth2(viewer).get(CLAIMS + "/" + id).then().statusCode(200)
                .body("state", equalTo("DRAFT"), "policyId", equalTo(s.policyId()), "buyerName", equalTo("Zhejiang Trading"),
                        "invoices.invoiceNumber", contains("INV-1", "INV-2"),
                        "invoices.unpaidAmount.amount", contains("50000.00", "40000.00"));
        List<JsonNode> events = opened(s.buyer(), Duration.ofSeconds(20), 1);
        assertEquals(1, events.size(), "one claim-opened for the run");
        assertEquals("DUNNING_LADDER", events.get(0).get("trigger").asText());
        assertEquals("90000.00", events.get(0).get("unpaidAmount").get("amount").asText());
        assertEquals(today().toString(), events.get(0).get("openedOn").asText());

        // the next day's run takes the trigger again (a catch-up): the buyer's open claim stands in the way
        awaitRead(sendCounted(s.tenant(), s.buyer(), today().plusDays(1), paymentOrder("SUPERSEDED", null)));
        assertEquals(1, Database.count("select count(*) from claim where tenant_id = ?", s.tenant()));
    }

    @Test
    void aSkippedTriggerAStepWithoutOneOrAnUninsuredBuyerOpensNothing() {
        Insured s = insured(true);
        sendCounted(s.tenant(), s.buyer(), today(), paymentOrder("SKIPPED", "BUYER_ON_HOLD"));
        awaitRead(sendCounted(s.tenant(), s.buyer(), today(), List.of(group("legal-60", "TAKEN", null, 3,
                List.of(action("LEGAL_PREPARATION"))))));
        Insured uninsured = insured(false);
        awaitRead(sendCounted(uninsured.tenant(), uninsured.buyer(), today(), paymentOrder("TAKEN", null)));
        assertEquals(0, Database.count("select count(*) from claim where tenant_id in (?, ?)", s.tenant(),
                uninsured.tenant()));
    }

    @Test
    void aClaimOpenedOnARunOfTheLastPolicyYearIsIndemnifiedUnderThatYearsTermsAndFirstLoss() {
        // the policy's second year began today, and with it 80 % instead of 90 %; a first loss of 20,000 a year
        LocalDate inception = today().minusYears(1);
        String tenant = freshTenant();
        String cm = token(tenant, "credit-manager");
        Map<String, Object> terms = new HashMap<>(policy("P-" + UUID.randomUUID()));
        terms.put("deductible", Map.of("kind", "ANNUAL_FIRST_LOSS", "amount", money("20000.00", "CNY")));
        terms.put("effectiveFrom", inception.toString());
        terms.put("waitingPeriodDays", 0); // the protracted defaults below are submittable from the notification's day
        String policyId = given().auth().oauth2(cm).contentType(ContentType.JSON).body(terms).post(POLICIES).then()
                .statusCode(201).extract().path("id");
        terms.put("insuredPercent", "80");
        terms.put("effectiveFrom", today().toString());
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(terms).put(POLICIES + "/" + policyId).then()
                .statusCode(200);
        String buyer = UUID.randomUUID().toString();
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("decisionId", "D-1", "buyerId", buyer,
                "outcome", "APPROVED", "amount", money("80000.00", "CNY"), "effectiveFrom", inception.toString()))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);
        InsolvencyClaimFlowTest.invoice(tenant, buyer, "INV-1", inception.plusDays(10), "50000.00");
        InsolvencyClaimFlowTest.invoice(tenant, buyer, "INV-2", inception.plusDays(20), "40000.00");
        await("the read model", () -> Database.count("select count(*) from open_invoice where tenant_id = ?", tenant) == 2);
        // yesterday's run, the last day of the first year, took the claim trigger (read today)
        awaitRead(sendCounted(tenant, buyer, today().minusDays(1), paymentOrder("TAKEN", null)));
        String viewer = token(tenant, "viewer");
        String ladder = given().auth().oauth2(viewer).get(CLAIMS + "?state=DRAFT").then().statusCode(200)
                .body("total", equalTo(1), "items[0].openedOn", equalTo(today().minusDays(1).toString()))
                .extract().path("items[0].id");
        // a loss of this year, filed by hand today
        String byHand = given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("policyId", policyId, "buyerId", buyer, "buyerName", "Zhejiang Trading", "cause",
                        "PROTRACTED_DEFAULT", "invoices", List.of(Map.of("invoiceNumber", "INV-9", "unpaidAmount",
                                money("30000.00", "CNY")))))
                .post(CLAIMS).then().statusCode(201).extract().path("id");
        // a protracted default is submitted once the waiting period ran from the overdue notification (0 days here)
        given().auth().oauth2(cm).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(Map.of()).post(POLICIES + "/" + policyId + "/buyers/" + buyer + "/overdue-notifications").then()
                .statusCode(201);
        for (String claim : List.of(ladder, byHand)) {
            for (String state : List.of("SUBMITTED", "UNDER_REVIEW", "APPROVED")) {
                given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("state", state))
                        .put(CLAIMS + "/" + claim + "/state").then().statusCode(200);
            }
        }
        // yesterday's loss under the first year's 90 % and its own first loss: (80,000 − 20,000) × 90 % = 54,000
        // (it was (80,000 − 20,000) × 80 % = 48,000, the 20,000 taken from this year)
        given().auth().oauth2(viewer).get(CLAIMS + "/" + ladder).then().statusCode(200)
                .body("indemnity.insuredPercent", equalTo(90), "indemnity.deductible.amount", equalTo("20000.00"),
                        "indemnity.indemnity.amount", equalTo("54000.00"));
        // today's loss keeps this year's first loss: (30,000 − 20,000) × 80 % = 8,000 (it was 30,000 × 80 % = 24,000)
        given().auth().oauth2(viewer).get(CLAIMS + "/" + byHand).then().statusCode(200)
                .body("indemnity.insuredPercent", equalTo(80), "indemnity.deductible.amount", equalTo("20000.00"),
                        "indemnity.indemnity.amount", equalTo("8000.00"));
    }
}
