package io.tradecredit.claims.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.claims.ClaimsFixtures.POLICIES;
import static io.tradecredit.claims.ClaimsFixtures.freshTenant;
import static io.tradecredit.claims.ClaimsFixtures.money;
import static io.tradecredit.claims.ClaimsFixtures.policy;
import static io.tradecredit.claims.ClaimsFixtures.token;
import static io.tradecredit.claims.messaging.ExposureFlowTest.issued;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
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
 * An insolvency of a buyer with 501 insured unpaid invoices on the real topics: two draft claims, the oldest 500
 * and the last one, opened once however often the signal arrives, each approved with its own indemnity, the
 * per-claim deductible kept once across them and the insured limit capping them once together
 * (docs/insurance-claims-service.md, "Claims of more than 500 invoices").
 */
@QuarkusTest
class SplitClaimFlowTest {
    static final String CLAIMS = "/api/v1/insurance/claims";

    static void await(String what, BooleanSupplier done) {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not in time: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static void move(String cm, String id, String state) {
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("state", state)).put(CLAIMS + "/" + id + "/state")
                .then().statusCode(200);
    }

    @Test
    void anInsolvencyOf501InsuredInvoicesOpensTwoClaimsWithOneDeductibleAndOneLimit() {
        String tenant = freshTenant();
        String cm = token(tenant, "credit-manager");
        Map<String, Object> terms = new HashMap<>(policy("P-" + UUID.randomUUID()));
        terms.put("deductible", Map.of("kind", "PER_CLAIM", "amount", money("5000.00", "CNY")));
        terms.put("effectiveFrom", "2026-01-01");
        String policyId = given().auth().oauth2(cm).contentType(ContentType.JSON).body(terms).post(POLICIES).then()
                .statusCode(201).extract().path("id");
        String buyer = UUID.randomUUID().toString();
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("decisionId", "D-1", "buyerId", buyer,
                "outcome", "APPROVED", "amount", money("100100.00", "CNY"), "effectiveFrom", "2026-03-01"))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);
        for (int i = 1; i <= 501; i++) {
            Topics.sendEvent("invoice-events", tenant, "invoice", "issued", buyer, UUID.randomUUID().toString(),
                    issued(buyer, UUID.randomUUID().toString(), String.format("INV-%04d", i), LocalDate.of(2026, 3, 2),
                            "200.00"));
        }
        await("the read model", () -> Database.count("select count(*) from open_invoice where tenant_id = ?", tenant) == 501);

        String signal = UUID.randomUUID().toString();
        Map<String, Object> blocked = InsolvencyClaimFlowTest.blocked(buyer, "INSOLVENCY", signal);
        Topics.sendEvent("credit-events", tenant, "credit", "buyer-blocked", buyer, UUID.randomUUID().toString(), blocked);
        Topics.sendEvent("credit-events", tenant, "credit", "buyer-blocked", buyer, UUID.randomUUID().toString(), blocked);
        await("both deliveries read", () -> Database.count("select count(*) from inbox where tenant_id = ?"
                + " and event_type = 'io.tradecredit.credit.buyer-blocked.v1'", tenant) == 2);

        assertEquals(2, Database.count("select count(*) from claim where tenant_id = ?", tenant), "the redelivery opens nothing");
        String viewer = token(tenant, "viewer");
        List<Map<String, Object>> items = given().auth().oauth2(viewer).get(CLAIMS + "?state=DRAFT").then().statusCode(200)
                .body("total", equalTo(2)).extract().path("items");
        List<String> ids = items.stream().sorted(Comparator.comparing(m -> ((Map<?, ?>) m.get("part")).get("number")
                .toString())).map(m -> m.get("id").toString()).toList();
        String first = ids.get(0);
        String second = ids.get(1);
        given().auth().oauth2(viewer).get(CLAIMS + "/" + first).then().statusCode(200)
                .body("invoices", hasSize(500), "invoices[0].invoiceNumber", equalTo("INV-0001"),
                        "invoices[499].invoiceNumber", equalTo("INV-0500"), "unpaid.amount", equalTo("100000.00"),
                        "part.number", equalTo(1), "part.of", equalTo(2), "cause", equalTo("INSOLVENCY"));
        String splitId = given().auth().oauth2(viewer).get(CLAIMS + "/" + second).then().statusCode(200)
                .body("invoices", hasSize(1), "invoices[0].invoiceNumber", equalTo("INV-0501"), "unpaid.amount",
                        equalTo("200.00"), "part.number", equalTo(2), "part.of", equalTo(2))
                .extract().path("part.splitId");

        List<JsonNode> opened = InsolvencyClaimFlowTest.opened(buyer, Duration.ofSeconds(30), 2);
        assertEquals(2, opened.size(), "one claim-opened per part");
        for (JsonNode e : opened) {
            assertEquals(signal, e.get("signalId").asText());
            assertEquals(splitId, e.get("part").get("splitId").asText());
            assertEquals(e.get("claimId").asText().equals(first) ? 500 : 1, e.get("invoices").size());
        }

        // one loss, one deductible and one limit of 100,100: part 1 keeps the 5,000 and takes 100,000 of the limit,
        // part 2 keeps nothing more and has 100 of the limit left for its 200: 100 × 90 % = 90 (each part capped by the
        // whole limit paid 180: 100,200 insured under a limit of 100,100)
        for (String id : ids) {
            move(cm, id, "SUBMITTED");
            move(cm, id, "UNDER_REVIEW");
        }
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("state", "APPROVED"))
                .put(CLAIMS + "/" + first + "/state").then().statusCode(200)
                .body("indemnity.deductible.amount", equalTo("5000.00"), "indemnity.indemnity.amount", equalTo("85500.00"));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("state", "APPROVED"))
                .put(CLAIMS + "/" + second + "/state").then().statusCode(200)
                .body("indemnity.deductible.amount", equalTo("0.00"), "indemnity.cappedLoss.amount", equalTo("100.00"),
                        "indemnity.indemnity.amount", equalTo("90.00"), "indemnity.tenantBears.amount", equalTo("110.00"));
    }
}
