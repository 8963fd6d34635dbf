package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.InvoiceFixtures.FINANCE_ACME;
import static io.tradecredit.invoice.InvoiceFixtures.FINANCE_GLOBEX;
import static io.tradecredit.invoice.InvoiceFixtures.VIEWER_ACME;
import static io.tradecredit.invoice.InvoiceFixtures.invoice;
import static io.tradecredit.invoice.InvoiceFixtures.issue;
import static io.tradecredit.invoice.InvoiceFixtures.money;
import static io.tradecredit.invoice.api.InvoiceApiTest.eventFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
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
import io.restassured.response.ValidatableResponse;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/** Disputes on an invoice of 1,243.00 CNY: frozen amount, five steps, resolution and its credit. */
@QuarkusTest
class DisputeApiTest {
    static final String COLLECTOR = Tokens.tenant("acme").roles("collector").subject("li.collector").mint();
    static final String FINANCE = Tokens.tenant("acme").roles("finance").subject("wang.finance").mint();
    static final LocalDate TODAY = PlatformZone.today();
    static final LocalDate ISSUED = TODAY.minusDays(20);

    static Map<String, Object> dispute(String amount) {
        Map<String, Object> d = new HashMap<>();
        d.put("type", "QUALITY");
        d.put("disputedAmount", money(amount));
        d.put("description", "2 pumps arrived damaged");
        d.put("evidence", List.of("photos DOC-17", "delivery note DN-5"));
        return d;
    }

    static ValidatableResponse post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    static String disputes(String invoiceId) {
        return "/api/v1/invoices/" + invoiceId + "/disputes";
    }

    static String openDispute(String invoiceId, String amount) {
        return post(COLLECTOR, disputes(invoiceId), dispute(amount)).statusCode(201).extract().path("id");
    }

    static void assess(String invoiceId, String disputeId) {
        post(COLLECTOR, disputes(invoiceId) + "/" + disputeId + "/assessment",
                Map.of("responsibleParty", "SELLER", "findings", "packing was insufficient")).statusCode(200);
    }

    static ValidatableResponse amounts(String invoiceId) {
        return given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + invoiceId).then().statusCode(200);
    }

    @Test
    void openingADisputeFreezesItsAmountAndTheUndisputedPartStaysCollectible() {
        UUID buyer = UUID.randomUUID();
        String id = issue(invoice(buyer, ISSUED, ISSUED.plusDays(30)));
        String disputeId = post(COLLECTOR, disputes(id), dispute("200.00")).statusCode(201)
                .header("Location", containsString(disputes(id) + "/"))
                .body("status", equalTo("REGISTERED"), "type", equalTo("QUALITY"),
                        "disputedAmount.amount", equalTo("200.00"), "raisedOn", equalTo(TODAY.toString()),
                        "evidence[1]", equalTo("delivery note DN-5"), "timeline[0].step", equalTo("REGISTERED"),
                        "timeline[0].by", equalTo("li.collector"))
                .extract().path("id");

        amounts(id).body("amounts.open.amount", equalTo("1243.00"), "amounts.disputed.amount", equalTo("200.00"),
                "amounts.collectible.amount", equalTo("1043.00"));
        JsonNode event = Contracts.assertValid(eventFor(buyer, "io.tradecredit.invoice.dispute-opened.v1"));
        assertEquals(disputeId, event.get("disputeId").asText());
        assertEquals("1043.00", event.get("collectibleAmount").get("amount").asText());
        assertEquals("1243.00", event.get("openAmount").get("amount").asText());
    }

    @Test
    void theFiveStepsAreKeptAndAPartialResolutionCreditsThroughACreditNote() {
        UUID buyer = UUID.randomUUID();
        String id = issue(invoice(buyer, ISSUED, ISSUED.plusDays(30)));
        Map<String, Object> d = dispute("200.00");
        d.put("raisedOn", TODAY.minusDays(2).toString());
        String disputeId = post(COLLECTOR, disputes(id), d).statusCode(201).extract().path("id");
        String base = disputes(id) + "/" + disputeId;

        post(COLLECTOR, base + "/assessment", Map.of("responsibleParty", "CARRIER", "findings", "crushed in transit"))
                .statusCode(200).body("status", equalTo("ASSESSED"), "assessment.responsibleParty", equalTo("CARRIER"));
        post(COLLECTOR, base + "/notes", Map.of("stage", "EARLY", "text", "called Li Wei; they keep ordering"))
                .statusCode(200).body("status", equalTo("NEGOTIATING"), "negotiationStage", equalTo("EARLY"));
        post(COLLECTOR, base + "/notes", Map.of("stage", "MIDDLE", "text", "offered 40% credit or replacement"))
                .statusCode(200);
        post(COLLECTOR, base + "/notes", Map.of("stage", "EARLY", "text", "start again")).statusCode(409);
        post(FINANCE, base + "/resolution", Map.of("outcome", "PARTIALLY_UPHELD", "creditedAmount", money("80.00"),
                "rootCause", "1 of 2 pumps damaged: packing", "creditPolicyAdjustment", "none; good payer"))
                .statusCode(200)
                .body("status", equalTo("RESOLVED"), "resolution.outcome", equalTo("PARTIALLY_UPHELD"),
                        "resolution.creditedAmount.amount", equalTo("80.00"),
                        "resolution.creditNoteId", notNullValue(), "resolution.resolvedOn", equalTo(TODAY.toString()));

        given().auth().oauth2(VIEWER_ACME).get(base).then().statusCode(200)
                .body("timeline.step", equalTo(List.of("REGISTERED", "ASSESSED", "NOTE", "NOTE", "RESOLVED")),
                        "timeline.by", equalTo(List.of("li.collector", "li.collector", "li.collector",
                                "li.collector", "wang.finance")),
                        "timeline[3].stage", equalTo("MIDDLE"), "raisedOn", equalTo(TODAY.minusDays(2).toString()),
                        "timeline[4].summary", containsString("80.00 CNY credited, 120.00 CNY collectible again"));
        given().auth().oauth2(VIEWER_ACME).get(disputes(id)).then().statusCode(200)
                .body("size()", equalTo(1), "[0].id", equalTo(disputeId));
        amounts(id).body("amounts.open.amount", equalTo("1163.00"), "amounts.credited.amount", equalTo("80.00"),
                "amounts.disputed.amount", equalTo("0.00"), "amounts.collectible.amount", equalTo("1163.00"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + id + "/credit-notes").then().statusCode(200)
                .body("size()", equalTo(1), "[0].disputeId", equalTo(disputeId), "[0].amount.amount", equalTo("80.00"),
                        "[0].number", containsString("CN-"));
        assertEquals(1, Database.count("select count(*) from ledger_entry where invoice_id = ? and kind = 'CREDIT_NOTE'"
                + " and amount = 80", UUID.fromString(id)));

        JsonNode resolved = Contracts.assertValid(eventFor(buyer, "io.tradecredit.invoice.dispute-resolved.v1"));
        assertEquals("80.00", resolved.get("creditedAmount").get("amount").asText());
        assertEquals("1163.00", resolved.get("collectibleAmount").get("amount").asText());
        // step 4 travels with the event, for credit-service's credit manager
        assertEquals("none; good payer", resolved.get("creditPolicyAdjustment").asText());
        JsonNode credit = Contracts.assertValid(eventFor(buyer, "io.tradecredit.invoice.credit-note-issued.v1"));
        assertEquals(disputeId, credit.get("disputeId").asText());
        assertEquals("1163.00", credit.get("openAmount").get("amount").asText());
    }

    @Test
    void upheldDisputeCreditsTheWholeDisputedAmount() {
        String id = issue(invoice(UUID.randomUUID(), ISSUED, ISSUED.plusDays(30)));
        String disputeId = openDispute(id, "200.00");
        assess(id, disputeId);
        post(FINANCE, disputes(id) + "/" + disputeId + "/resolution", Map.of("outcome", "UPHELD", "rootCause", "packing"))
                .statusCode(200).body("resolution.creditedAmount.amount", equalTo("200.00"));
        amounts(id).body("amounts.open.amount", equalTo("1043.00"), "amounts.collectible.amount", equalTo("1043.00"));
    }

    @Test
    void anUnallocatedPaymentLeavesTheDisputedPartFrozenAndItsRestBecomesCredit() {
        UUID buyer = UUID.randomUUID();
        String id = issue(invoice(buyer, ISSUED, ISSUED.plusDays(30))); // 1,243.00
        String disputeId = openDispute(id, "243.00");
        post(FINANCE, "/api/v1/payments", Map.of("buyerId", buyer.toString(), "amount", money("1243.00"),
                "receivedOn", TODAY.toString(), "reference", "BANK-1")).statusCode(201)
                .body("creditRemaining.amount", equalTo("243.00"));
        amounts(id).body("status", equalTo("OPEN"), "amounts.open.amount", equalTo("243.00"),
                "amounts.disputed.amount", equalTo("243.00"), "amounts.collectible.amount", equalTo("0.00"));
        assess(id, disputeId);
        post(FINANCE, disputes(id) + "/" + disputeId + "/resolution", Map.of("outcome", "UPHELD", "rootCause", "packing"))
                .statusCode(200).body("resolution.creditedAmount.amount", equalTo("243.00"));
        amounts(id).body("status", equalTo("PAID"), "amounts.open.amount", equalTo("0.00"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + buyer + "/credit").then()
                .body("balances[0].amount", equalTo("243.00"));
    }

    @Test
    void anUpheldDisputeOnAnInvoicePaidByExplicitAllocationCreditsTheBuyer() {
        UUID buyer = UUID.randomUUID();
        String id = issue(invoice(buyer, ISSUED, ISSUED.plusDays(30))); // 1,243.00
        String disputeId = openDispute(id, "243.00");
        post(FINANCE, "/api/v1/payments", Map.of("buyerId", buyer.toString(), "amount", money("1243.00"),
                "receivedOn", TODAY.toString(), "reference", "BANK-2",
                "allocations", List.of(Map.of("invoiceId", id, "amount", money("1243.00"))))).statusCode(201);
        amounts(id).body("status", equalTo("PAID"));
        assess(id, disputeId);
        post(FINANCE, disputes(id) + "/" + disputeId + "/resolution", Map.of("outcome", "PARTIALLY_UPHELD",
                "creditedAmount", money("100.00"), "rootCause", "packing")).statusCode(200)
                .body("resolution.creditedAmount.amount", equalTo("100.00"), "resolution.creditNoteId", notNullValue());
        amounts(id).body("status", equalTo("PAID"), "amounts.credited.amount", equalTo("0.00"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + buyer + "/credit").then()
                .body("balances[0].amount", equalTo("100.00"), "movements.items[0].kind", equalTo("CREDIT_NOTE"));
    }

    @Test
    void theBuyerCreditAnUpheldDisputeLeftIsSpentOnTheBuyersNextInvoice() {
        UUID buyer = UUID.randomUUID();
        String id = issue(invoice(buyer, ISSUED, ISSUED.plusDays(30))); // 1,243.00
        String disputeId = openDispute(id, "243.00");
        post(FINANCE, "/api/v1/payments", Map.of("buyerId", buyer.toString(), "amount", money("1243.00"),
                "receivedOn", TODAY.toString(), "reference", "BANK-3",
                "allocations", List.of(Map.of("invoiceId", id, "amount", money("1243.00"))))).statusCode(201);
        assess(id, disputeId);
        post(FINANCE, disputes(id) + "/" + disputeId + "/resolution", Map.of("outcome", "PARTIALLY_UPHELD",
                "creditedAmount", money("100.00"), "rootCause", "packing")).statusCode(200);
        String next = issue(invoice(buyer, TODAY, TODAY.plusDays(30)));

        post(FINANCE, "/api/v1/buyers/" + buyer + "/credit/applications", Map.of("currency", "CNY")).statusCode(201)
                .body("amount.amount", equalTo("100.00"), "buyerCreditBalance.amount", equalTo("0.00"));
        amounts(next).body("amounts.open.amount", equalTo("1143.00"), "amounts.paid.amount", equalTo("100.00"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + buyer + "/credit").then()
                .body("balances[0].amount", equalTo("0.00"), "movements.items[0].kind", equalTo("APPLIED"));
        assertEquals(0, Database.count("select count(*) from credit_note where buyer_id = ? and credit_remaining <> 0",
                buyer));
    }

    @Test
    void rejectedDisputeMakesItsAmountCollectibleAgainAndCannotBeResolvedTwice() {
        UUID buyer = UUID.randomUUID();
        String id = issue(invoice(buyer, ISSUED, ISSUED.plusDays(30)));
        String disputeId = openDispute(id, "200.00");
        String base = disputes(id) + "/" + disputeId;
        post(FINANCE, base + "/resolution", Map.of("outcome", "REJECTED", "rootCause", "x")).statusCode(409)
                .body("detail", containsString("assessed"));
        assess(id, disputeId);
        post(FINANCE, base + "/resolution", Map.of("outcome", "REJECTED", "rootCause", "goods fine on inspection"))
                .statusCode(200).body("resolution.creditedAmount.amount", equalTo("0.00"),
                        "resolution.creditNoteId", nullValue());
        post(FINANCE, base + "/resolution", Map.of("outcome", "UPHELD", "rootCause", "second thoughts"))
                .statusCode(409).contentType("application/problem+json");
        amounts(id).body("amounts.collectible.amount", equalTo("1243.00"), "amounts.credited.amount", equalTo("0.00"));
        assertEquals(0, Database.count("select count(*) from credit_note where invoice_id = ?", UUID.fromString(id)));
        JsonNode event = Contracts.assertValid(eventFor(buyer, "io.tradecredit.invoice.dispute-resolved.v1"));
        assertEquals("REJECTED", event.get("outcome").asText());
        assertEquals("1243.00", event.get("collectibleAmount").get("amount").asText());
    }

    @Test
    void badDisputeInputsNameTheFieldAndChangeNothing() {
        String id = issue(invoice(UUID.randomUUID(), ISSUED, ISSUED.plusDays(30)));
        Map<String, Map<String, Object>> cases = new HashMap<>();
        Map<String, Object> noType = dispute("10.00");
        noType.remove("type");
        cases.put("type", noType);
        Map<String, Object> badType = dispute("10.00");
        badType.put("type", "BROKEN");
        cases.put("type ", badType);
        cases.put("disputedAmount", dispute("0.00"));
        cases.put("disputedAmount ", dispute("1243.01"));
        cases.put("disputedAmount  ", dispute("1.001"));
        Map<String, Object> noDescription = dispute("10.00");
        noDescription.put("description", " ");
        cases.put("description", noDescription);
        Map<String, Object> future = dispute("10.00");
        future.put("raisedOn", TODAY.plusDays(1).toString());
        cases.put("raisedOn", future);
        cases.forEach((field, body) -> post(COLLECTOR, disputes(id), body).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field.strip())));
        // more than is open, raised tomorrow: both named at once (only the amount was, then the day on the next try)
        Map<String, Object> overAndFuture = dispute("1243.01");
        overAndFuture.put("raisedOn", TODAY.plusDays(1).toString());
        post(COLLECTOR, disputes(id), overAndFuture).statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("disputedAmount", "raisedOn"));
        assertEquals(0, Database.count("select count(*) from dispute where invoice_id = ?", UUID.fromString(id)));
        amounts(id).body("amounts.disputed.amount", equalTo("0.00"));

        String disputeId = openDispute(id, "200.00");
        String base = disputes(id) + "/" + disputeId;
        post(COLLECTOR, base + "/assessment", Map.of("responsibleParty", "NOBODY", "findings", "x")).statusCode(400)
                .body("errors[0].field", equalTo("responsibleParty"));
        post(COLLECTOR, base + "/notes", Map.of("text", "x")).statusCode(400).body("errors[0].field", equalTo("stage"));
        assess(id, disputeId);
        post(FINANCE, base + "/resolution", Map.of("outcome", "PARTIALLY_UPHELD", "rootCause", "x")).statusCode(400)
                .body("errors[0].field", equalTo("creditedAmount"));
        post(FINANCE, base + "/resolution", Map.of("outcome", "PARTIALLY_UPHELD", "creditedAmount", money("200.00"),
                "rootCause", "x")).statusCode(400).body("errors[0].field", equalTo("creditedAmount"));
        post(FINANCE, base + "/resolution", Map.of("outcome", "UPHELD")).statusCode(400)
                .body("errors[0].field", equalTo("rootCause"));
        given().auth().oauth2(VIEWER_ACME).get(base).then().body("status", equalTo("ASSESSED"), "timeline.size()",
                equalTo(2));
        amounts(id).body("amounts.disputed.amount", equalTo("200.00"), "amounts.credited.amount", equalTo("0.00"));
    }

    @Test
    void otherTenantsInvoiceOrDisputeAnswers404() {
        String id = issue(invoice(UUID.randomUUID(), ISSUED, ISSUED.plusDays(30)));
        String disputeId = openDispute(id, "100.00");
        given().auth().oauth2(FINANCE_GLOBEX).get(disputes(id)).then().statusCode(404);
        given().auth().oauth2(FINANCE_GLOBEX).get(disputes(id) + "/" + disputeId).then().statusCode(404);
        post(FINANCE_GLOBEX, disputes(id), dispute("10.00")).statusCode(404);
        post(FINANCE_GLOBEX, disputes(id) + "/" + disputeId + "/notes", Map.of("stage", "EARLY", "text", "x"))
                .statusCode(404);
        // a dispute is found only under its own invoice
        String other = issue(invoice(UUID.randomUUID(), ISSUED, ISSUED.plusDays(30)));
        given().auth().oauth2(FINANCE_ACME).get(disputes(other) + "/" + disputeId).then().statusCode(404);
        amounts(id).body("amounts.disputed.amount", equalTo("100.00"));
    }

    @Test
    void rolesDecideWhoMayDisputeAndWhoMayResolve() {
        String id = issue(invoice(UUID.randomUUID(), ISSUED, ISSUED.plusDays(30)));
        post(VIEWER_ACME, disputes(id), dispute("10.00")).statusCode(403);
        post(Tokens.tenant("acme").roles("credit-manager").mint(), disputes(id), dispute("10.00")).statusCode(403);
        String disputeId = openDispute(id, "10.00");
        assess(id, disputeId);
        post(COLLECTOR, disputes(id) + "/" + disputeId + "/resolution", Map.of("outcome", "UPHELD", "rootCause", "x"))
                .statusCode(403);
        given().auth().oauth2(VIEWER_ACME).get(disputes(id)).then().statusCode(200).body("size()", equalTo(1));
        post(Tokens.tenant("acme").roles("tenant-admin").mint(), disputes(id), dispute("10.00")).statusCode(201);
    }
}
