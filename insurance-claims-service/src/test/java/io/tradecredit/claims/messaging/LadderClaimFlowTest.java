package io.tradecredit.claims.messaging;

import static io.restassured.RestAssured.given;
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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
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
}
