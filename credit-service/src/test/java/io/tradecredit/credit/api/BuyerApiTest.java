package io.tradecredit.credit.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;
import static io.tradecredit.credit.CreditFixtures.FINANCE_ACME;
import static io.tradecredit.credit.CreditFixtures.MANAGER_ACME;
import static io.tradecredit.credit.CreditFixtures.MANAGER_GLOBEX;
import static io.tradecredit.credit.CreditFixtures.VIEWER_ACME;
import static io.tradecredit.credit.CreditFixtures.buyer;
import static io.tradecredit.credit.CreditFixtures.creditEvents;
import static io.tradecredit.credit.CreditFixtures.healthyStatement;
import static io.tradecredit.credit.CreditFixtures.money;
import static io.tradecredit.credit.CreditFixtures.register;
import static io.tradecredit.credit.CreditFixtures.today;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

@QuarkusTest
class BuyerApiTest {

    @Test
    void registeredBuyerIsAssessedAtOnceAndAnnounced() {
        Map<String, Object> b = buyer();
        String id = register(MANAGER_ACME, b);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id).then().statusCode(200)
                .body("registrationNumber", equalTo(b.get("registrationNumber")), "currency", equalTo("CNY"),
                        "paymentTermDays", equalTo(30), "grade", equalTo(4), "creditLimit", equalTo(null));
        // no statement 50 x .35 + no payments 50 x .35 + disputes 100 x .1 + 26 years 100 x .1 + no signals 100 x .1 = 65
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/assessment").then().statusCode(200)
                .body("score", equalTo(65), "grade", equalTo(4), "factors.name", hasItems("financial-strength",
                        "payment-behaviour", "disputes", "age-of-business", "warning-signals"));
        JsonNode registered = Contracts.assertValid(creditEvents(id, "buyer-registered", 1).get(0));
        assertEquals(b.get("registrationNumber"), registered.get("registrationNumber").asText());
        // the terms invoice-service holds its invoices to: the buyer's, and a first order's under the tenant's policy
        assertEquals(30, registered.get("paymentTermDays").asInt());
        assertEquals(15, registered.get("firstOrderTermDays").asInt());
        JsonNode assessed = Contracts.assertValid(creditEvents(id, "buyer-assessed", 1).get(0));
        assertEquals(4, assessed.get("grade").asInt());
    }

    @Test
    void invalidCreditCodeIsRefusedNamingTheFieldAndNothingIsStored() {
        Map<String, Object> b = buyer();
        String code = (String) b.get("registrationNumber");
        String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        b.put("registrationNumber", wrong);
        b.remove("taxId");
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(b).post("/api/v1/buyers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("taxId", "registrationNumber")),
                        "errors[1].message", startsWith("is not a valid unified social credit code"));
        assertEquals(0, Database.count("select count(*) from buyer where registration_number = ?", wrong));
    }

    @Test
    void duplicateRegistrationNumberIs409ButFreeForAnotherTenant() {
        Map<String, Object> b = buyer();
        register(MANAGER_ACME, b);
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(b).post("/api/v1/buyers")
                .then().statusCode(409).contentType("application/problem+json");
        register(MANAGER_GLOBEX, b);
    }

    @Test
    void updateChangesTheIdentityAndSearchFindsIt() {
        Map<String, Object> b = buyer();
        String id = register(MANAGER_ACME, b);
        b.put("name", "Globex Holdings Shenzhen");
        b.put("paymentTermDays", 45);
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(b).put("/api/v1/buyers/" + id)
                .then().statusCode(200).body("name", equalTo("Globex Holdings Shenzhen"), "paymentTermDays", equalTo(45));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers?registrationNumber=" + b.get("registrationNumber"))
                .then().statusCode(200).body("total", equalTo(1), "items[0].id", equalTo(id));
    }

    /**
     * A credit manager sets the terms (docs/domain.md §1): a term cut from 30 to 15 days through the buyer's PUT is
     * announced on credit-events ({@code payment-term-changed}), so invoice-service holds the next invoices to 15
     * days; before, nothing was published and only the buyer's row changed. A tenant admin may still correct the
     * identity, sending the term as it stands, but not change the term (403, nothing changed, nothing announced).
     */
    @Test
    void aPaymentTermChangedThroughTheBuyerIsAnnouncedAndOnlyACreditManagerChangesIt() {
        Map<String, Object> b = buyer();
        b.put("paymentTermDays", 30);
        String id = register(MANAGER_ACME, b);
        String admin = Tokens.tenant("acme").roles("tenant-admin").subject("admin-1").mint();
        b.put("address", "9 Harbour Rd, Shenzhen");
        b.put("paymentTermDays", 15);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(b).put("/api/v1/buyers/" + id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("buyer.terms-by-credit-manager"), "errors.field", contains("paymentTermDays"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id).then()
                .body("paymentTermDays", equalTo(30), "address", equalTo("8 Market St, Shenzhen"));
        b.put("paymentTermDays", 30);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(b).put("/api/v1/buyers/" + id)
                .then().statusCode(200).body("address", equalTo("9 Harbour Rd, Shenzhen"), "paymentTermDays", equalTo(30));
        b.remove("paymentTermDays");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(b).put("/api/v1/buyers/" + id)
                .then().statusCode(200).body("paymentTermDays", equalTo(30));
        assertEquals(0, Database.count("select count(*) from outbox where aggregate_id = ?"
                + " and event_type = 'io.tradecredit.credit.payment-term-changed.v1'", id));

        b.put("paymentTermDays", 15);
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(b).put("/api/v1/buyers/" + id)
                .then().statusCode(200).body("paymentTermDays", equalTo(15));
        JsonNode changed = Contracts.assertValid(creditEvents(id, "payment-term-changed", 1).get(0));
        assertEquals(15, changed.get("paymentTermDays").asInt());
        assertEquals(30, changed.get("oldPaymentTermDays").asInt());
        assertEquals("cm-1", changed.get("changedBy").asText());
        // the same term again changes nothing and announces nothing
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(b).put("/api/v1/buyers/" + id)
                .then().statusCode(200).body("paymentTermDays", equalTo(15));
        assertEquals(1, Database.count("select count(*) from outbox where aggregate_id = ?"
                + " and event_type = 'io.tradecredit.credit.payment-term-changed.v1'", id));
    }

    @Test
    void statementReassessesTheBuyerAndTheFormulaRecommendsALimit() {
        String id = register(MANAGER_ACME, buyer());
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(healthyStatement())
                .post("/api/v1/buyers/" + id + "/financial-statements").then().statusCode(201)
                .body("zScore", equalTo(4.87f), "zone", equalTo("SAFE"));
        // financial 98 x .35 = 34.30 + 17.50 + 10 + 10 + 10 = 81.80 -> 82, grade 2
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/assessment").then()
                .body("score", equalTo(82), "grade", equalTo(2), "cause", equalTo("financial statement 2025"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/assessments").then()
                .body("total", equalTo(2), "items[0].previousGrade", equalTo(4));
        // grade 2: min(18% of net worth 6,000,000 = 1,080,000; 12% of revenue 15,000,000 = 1,800,000)
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then().statusCode(200)
                .body("recommended.amount", equalTo("1080000.00"), "limit", equalTo(null));
    }

    @Test
    void inconsistentStatementIsRefusedWithTheReasonsAndNothingChanges() {
        String id = register(MANAGER_ACME, buyer());
        Map<String, Object> s = healthyStatement();
        s.put("currentAssets", "12000000");
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(s)
                .post("/api/v1/buyers/" + id + "/financial-statements").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("currentAssets"),
                        "errors[0].message", equalTo("currentAssets exceed totalAssets"));
        s = healthyStatement();
        s.remove("totalAssets");
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(s)
                .post("/api/v1/buyers/" + id + "/financial-statements").then().statusCode(400)
                .body("errors.field", equalTo(List.of("totalAssets")));
        assertEquals(0, Database.count("select count(*) from financial_statement where buyer_id = ?::uuid", id));
        assertEquals(1, Database.count("select count(*) from assessment where buyer_id = ?::uuid", id));
    }

    @Test
    void otherTenantsBuyerAnswers404() {
        String id = register(MANAGER_ACME, buyer());
        given().auth().oauth2(MANAGER_GLOBEX).get("/api/v1/buyers/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(MANAGER_GLOBEX).get("/api/v1/buyers/" + id + "/assessment").then().statusCode(404);
        given().auth().oauth2(MANAGER_GLOBEX).contentType(ContentType.JSON)
                .body(Map.of("buyerId", id, "orderAmount", money("10.00"))).post("/api/v1/credit-checks")
                .then().statusCode(404);
    }

    @Test
    void rolesDecideWhoMayChangeWhat() {
        String id = register(MANAGER_ACME, buyer());
        given().auth().oauth2(VIEWER_ACME).contentType(ContentType.JSON).body(buyer()).post("/api/v1/buyers")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON)
                .body(Map.of("limit", money("1000.00"), "reason", "x")).put("/api/v1/buyers/" + id + "/credit-limit")
                .then().statusCode(403);
        given().auth().oauth2(FINANCE_ACME).get("/api/v1/policies/credit").then().statusCode(403);
        given().auth().oauth2(Tokens.tenant("acme").roles("collector").mint()).contentType(ContentType.JSON)
                .body(Map.of("buyerId", id, "orderAmount", money("10.00"))).post("/api/v1/credit-checks")
                .then().statusCode(403);
    }

    @Test
    void tenantChangesItsPolicyAndAnImpossibleOneIsRefused() {
        String admin = Tokens.tenant("initech").roles("tenant-admin").mint();
        Map<String, Object> policy = given().auth().oauth2(admin).get("/api/v1/policies/credit").then().statusCode(200)
                .body("gradeDropThreshold", equalTo(2), "reviewIntervalDays", equalTo(365),
                        "firstOrderTermDays", equalTo(15), "scoring.financialWeight", equalTo(0.35f))
                .extract().as(Map.class);
        policy.put("gradeDropThreshold", 3);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(policy).put("/api/v1/policies/credit")
                .then().statusCode(200).body("gradeDropThreshold", equalTo(3));
        policy.put("reviewIntervalDays", 0);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(policy).put("/api/v1/policies/credit")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).get("/api/v1/policies/credit").then()
                .body("gradeDropThreshold", equalTo(3), "reviewIntervalDays", equalTo(365));
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/policies/credit").then().body("gradeDropThreshold", equalTo(2));
    }

    /**
     * A tenant selling in US dollars on 60 days net says so once, in its credit policy: a buyer registered without
     * a currency or terms gets them (the buyer, buyer-registered), where it got CNY and 30 days whatever the tenant
     * sold in. A policy document without the two settings keeps CNY and 30 days; impossible ones are named.
     */
    @Test
    void aBuyerRegisteredWithoutCurrencyOrTermsGetsThoseOfTheTenantsPolicy() {
        String admin = Tokens.tenant("umbrella").roles("tenant-admin").mint();
        String manager = Tokens.tenant("umbrella").roles("credit-manager").mint();
        Map<String, Object> policy = given().auth().oauth2(admin).get("/api/v1/policies/credit").then().statusCode(200)
                .body("defaultCurrency", equalTo("CNY"), "defaultTermDays", equalTo(30)).extract().as(Map.class);
        policy.put("defaultCurrency", "DOLLARS");
        policy.put("defaultTermDays", 400);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(policy).put("/api/v1/policies/credit")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("defaultCurrency", "defaultTermDays"));
        policy.put("defaultCurrency", "USD");
        policy.put("defaultTermDays", 60);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(policy).put("/api/v1/policies/credit")
                .then().statusCode(200).body("defaultCurrency", equalTo("USD"), "defaultTermDays", equalTo(60));

        String id = register(manager, buyer());
        given().auth().oauth2(manager).get("/api/v1/buyers/" + id).then().statusCode(200)
                .body("currency", equalTo("USD"), "paymentTermDays", equalTo(60));
        JsonNode registered = Contracts.assertValid(creditEvents(id, "buyer-registered", 1).get(0));
        assertEquals("USD", registered.get("currency").asText());
        assertEquals(60, registered.get("paymentTermDays").asInt());
        Map<String, Object> ownTerms = buyer();
        ownTerms.put("currency", "EUR");
        ownTerms.put("paymentTermDays", 45);
        given().auth().oauth2(manager).get("/api/v1/buyers/" + register(manager, ownTerms)).then()
                .body("currency", equalTo("EUR"), "paymentTermDays", equalTo(45));

        policy.remove("defaultCurrency");
        policy.remove("defaultTermDays");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(policy).put("/api/v1/policies/credit")
                .then().statusCode(200).body("defaultCurrency", equalTo("CNY"), "defaultTermDays", equalTo(30));
        given().auth().oauth2(manager).get("/api/v1/buyers/" + register(manager, buyer())).then()
                .body("currency", equalTo("CNY"), "paymentTermDays", equalTo(30));
    }

    @Test
    void reviewDueIsListedAndAnnouncedOncePerDueDate() {
        String id = register(MANAGER_ACME, buyer());
        io.tradecredit.credit.CreditFixtures.setLimit(id, "50000.00");
        String due = today().plusDays(365).toString();
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id).then().body("reviewDueOn", equalTo(due));
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/credit-reviews?size=500&asOf=" + due).then().statusCode(200)
                .body("items.id", hasItems(id));
        given().auth().oauth2(io.tradecredit.credit.CreditFixtures.OPS).post("/api/v1/admin/jobs/credit-reviews?asOf=" + due)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
        given().auth().oauth2(io.tradecredit.credit.CreditFixtures.OPS).post("/api/v1/admin/jobs/credit-reviews?asOf="
                + today().plusDays(366)).then().statusCode(200);
        assertEquals(1, Database.count("select count(*) from outbox where aggregate_id = ?"
                + " and event_type = 'io.tradecredit.credit.review-due.v1'", id));
        var events = creditEvents(id, "review-due", 1);
        assertEquals(1, events.size());
        assertEquals(due, Contracts.assertValid(events.get(0)).get("reviewDueOn").asText());
    }

    @Test
    void retriedRegistrationWithTheSameIdempotencyKeyAnswersTheSameBuyer() {
        Map<String, Object> newBuyer = buyer();
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(newBuyer).post("/api/v1/buyers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(newBuyer).post("/api/v1/buyers").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
    }

    @Test
    void aPercentSignInTheNameSearchIsThatSignNotAWildcard() {
        Map<String, Object> percent = buyer();
        percent.put("name", "Hundred% Supplies " + UUID.randomUUID());
        register(MANAGER_ACME, percent);
        register(MANAGER_ACME, buyer());
        given().auth().oauth2(VIEWER_ACME).queryParam("name", "%").queryParam("size", 500).get("/api/v1/buyers")
                .then().statusCode(200).body("total", greaterThanOrEqualTo(1), "items.name", everyItem(containsString("%")));
        given().auth().oauth2(VIEWER_ACME).queryParam("name", "_").queryParam("size", 500).get("/api/v1/buyers")
                .then().statusCode(200).body("items.name", everyItem(containsString("_")));
    }

    @Test
    void unreadableQueryValuesAnswer400NamingEachParameter() {
        given().auth().oauth2(VIEWER_ACME).urlEncodingEnabled(false)
                .get("/api/v1/buyers?page=abc&blocked=maybe&gradeFrom=x").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("page", "blocked", "gradeFrom"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers?size=2147483648").then().statusCode(400)
                .body("errors.field", contains("size"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers?blocked=false").then().statusCode(200);
    }
}
