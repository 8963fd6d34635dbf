package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.BuyerFixtures.registerAndAwait;
import static io.tradecredit.invoice.BuyerFixtures.sendBuyerRegistered;
import static io.tradecredit.invoice.LedgerFixtures.freshTenant;
import static io.tradecredit.invoice.LedgerFixtures.invoice;
import static io.tradecredit.invoice.LedgerFixtures.token;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tradecredit.invoice.LedgerFixtures;
import io.tradecredit.testing.Database;

/**
 * The buyers a tenant has: those credit-service registered (learned from its buyer-registered
 * events) and those the tenant invoiced. An invoicing policy may refuse invoices to the others,
 * and the buyer endpoints answer 404 for a buyer that is neither.
 */
@QuarkusTest
class BuyerApiTest {
    static final LocalDate ISSUED = LocalDate.of(2026, 11, 2);
    static final LocalDate DUE = ISSUED.plusDays(30);
    static final String TERMS = "{\"dailyRate\": \"0.0002\", \"feeAfterDays\": 60, \"feeRate\": \"0.01\"}";

    static void setUnknownBuyers(String tenant, String setting) {
        Map<String, Object> policy = new HashMap<>(PolicyApiTest.policy(48, "0.0005", 30, "0.03", 90));
        policy.put("unknownBuyers", setting);
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON).body(policy)
                .put("/api/v1/policies/invoicing").then().statusCode(200).body("unknownBuyers", equalTo(setting));
    }

    static ValidatableResponse post(String tenant, Map<String, Object> invoice) {
        return given().auth().oauth2(token(tenant, "finance")).contentType(ContentType.JSON).body(invoice)
                .post("/api/v1/invoices").then();
    }

    @Test
    void refusingTenantInvoicesOnlyBuyersCreditServiceRegistered() {
        String tenant = freshTenant();
        UUID registered = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        setUnknownBuyers(tenant, "REFUSE");
        registerAndAwait(tenant, registered);

        post(tenant, invoice(registered, ISSUED, DUE, "1000.00", "CNY")).statusCode(201);
        Map<String, Object> toUnknown = invoice(unknown, ISSUED, DUE, "1000.00", "CNY");
        post(tenant, toUnknown).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("invoice.buyer-unknown"), "errors.size()", equalTo(1),
                        "errors[0].field", equalTo("buyer.id"));
        assertEquals(0, Database.count("select count(*) from invoice where buyer_id = ?", unknown));

        // in a batch, only the item to the unknown buyer is refused
        given().auth().oauth2(token(tenant, "finance")).contentType(ContentType.JSON)
                .body(Map.of("invoices", List.of(invoice(registered, ISSUED, DUE, "500.00", "CNY"), toUnknown)))
                .post("/api/v1/invoices/batch").then().statusCode(200)
                .body("created", equalTo(1), "results[0].status", equalTo(201), "results[1].status", equalTo(422),
                        "results[1].problem.errors[0].field", equalTo("buyer.id"));

        // the tenant goes back to accepting any buyer
        setUnknownBuyers(tenant, "ACCEPT");
        post(tenant, toUnknown).statusCode(201);
    }

    @Test
    void byDefaultAnyBuyerMayBeInvoiced() {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/policies/invoicing").then()
                .body("unknownBuyers", equalTo("ACCEPT"));
        post(tenant, invoice(UUID.randomUUID(), ISSUED, DUE, "1000.00", "CNY")).statusCode(201);
    }

    @Test
    void aBuyerRegisteredForOneTenantIsUnknownToAnother() {
        String tenant = freshTenant();
        String other = freshTenant();
        UUID buyer = UUID.randomUUID();
        registerAndAwait(tenant, buyer);
        setUnknownBuyers(other, "REFUSE");
        post(other, invoice(buyer, ISSUED, DUE, "1000.00", "CNY")).statusCode(422)
                .body("errors[0].field", equalTo("buyer.id"));
        given().auth().oauth2(token(other, "viewer")).get("/api/v1/buyers/" + buyer + "/balance").then()
                .statusCode(404);
    }

    @Test
    void aRegistrationDeliveredTwiceIsAppliedOnce() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        sendBuyerRegistered(tenant, buyer, eventId);
        sendBuyerRegistered(tenant, buyer, eventId);
        registerAndAwait(tenant, buyer); // a third event, another id: all three are read by then
        assertEquals(1, Database.count("select count(*) from inbox where consumer = 'invoice-service' and event_id = ?",
                eventId));
        assertEquals(1, Database.count("select count(*) from known_buyer where tenant_id = ? and buyer_id = ?",
                tenant, buyer));
    }

    @Test
    void buyerNeitherInvoicedNorRegisteredAnswers404OnEveryBuyerEndpoint() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String viewer = token(tenant, "viewer");
        for (String path : List.of("balance", "statement", "late-charge-policy")) {
            given().auth().oauth2(viewer).get("/api/v1/buyers/" + buyer + "/" + path).then().statusCode(404)
                    .contentType("application/problem+json").body("code", equalTo("buyer.not-found"));
        }
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(TERMS)
                .put("/api/v1/buyers/" + buyer + "/late-charge-policy").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("buyer.not-found"));
        assertEquals(0, Database.count("select count(*) from buyer_late_charge_policy where buyer_id = ?", buyer));

        // once invoiced, the buyer is the tenant's: every endpoint answers
        LedgerFixtures.issue(tenant, buyer, ISSUED, DUE, "1000.00");
        for (String path : List.of("balance", "statement", "late-charge-policy")) {
            given().auth().oauth2(viewer).get("/api/v1/buyers/" + buyer + "/" + path).then().statusCode(200);
        }
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(TERMS)
                .put("/api/v1/buyers/" + buyer + "/late-charge-policy").then().statusCode(200);
    }

    @Test
    void buyerRegisteredButNeverInvoicedHasAnEmptyAccountAndTermsOfItsOwn() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        registerAndAwait(tenant, buyer);
        String viewer = token(tenant, "viewer");
        given().auth().oauth2(viewer).get("/api/v1/buyers/" + buyer + "/balance").then().statusCode(200)
                .body("currencies.size()", equalTo(0));
        given().auth().oauth2(viewer).get("/api/v1/buyers/" + buyer + "/statement").then().statusCode(200)
                .body("invoices.size()", equalTo(0));
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(TERMS)
                .put("/api/v1/buyers/" + buyer + "/late-charge-policy").then().statusCode(200)
                .body("lateCharges.source", equalTo("BUYER"));
    }
}
