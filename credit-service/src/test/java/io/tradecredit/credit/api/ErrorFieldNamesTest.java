package io.tradecredit.credit.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.credit.CreditFixtures.FINANCE_ACME;
import static io.tradecredit.credit.CreditFixtures.MANAGER_ACME;
import static io.tradecredit.credit.CreditFixtures.buyer;
import static io.tradecredit.credit.CreditFixtures.healthyStatement;
import static io.tradecredit.credit.CreditFixtures.money;
import static io.tradecredit.credit.CreditFixtures.register;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/** Every refusal names the wrong fields by their path in the request's JSON, so a client can point at them. */
@QuarkusTest
class ErrorFieldNamesTest {

    @Test
    void anImpossiblePolicyNamesEachSettingByItsPathAndChangesNothing() {
        String admin = Tokens.tenant("fieldnames").roles("tenant-admin").mint();
        Map<String, Object> policy = given().auth().oauth2(admin).get("/api/v1/policies/credit").then()
                .statusCode(200).extract().as(Map.class);

        Map<String, Object> wrong = copy(policy);
        wrong.put("reviewIntervalDays", 0);
        nested(wrong, "scoring").put("gradeFloors", List.of(90, 80, 70, 60, 50, 50, 30, 20, 10, 5));
        nested(wrong, "checks").remove("overLimitTolerance");
        List<Map<String, Object>> rates = new java.util.ArrayList<>((List<Map<String, Object>>) nested(wrong, "limits")
                .get("byGrade"));
        rates.set(2, Map.of("ofNetWorth", -0.15, "ofRevenue", 0.10));
        nested(wrong, "limits").put("byGrade", rates);
        put(admin, wrong).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("policy.invalid"), "errors.field", contains("scoring.gradeFloors[5]",
                        "scoring.gradeFloors[9]", "limits.byGrade[2].ofNetWorth", "checks.overLimitTolerance",
                        "reviewIntervalDays"));

        // a part left out is named, not a body that "cannot be read"
        Map<String, Object> noScoring = copy(policy);
        noScoring.remove("scoring");
        noScoring.remove("gradeDropThreshold");
        put(admin, noScoring).statusCode(400).body("errors.field", contains("scoring", "gradeDropThreshold"));

        // weights adding up to 1.15: each of the five is named
        Map<String, Object> heavy = copy(policy);
        nested(heavy, "scoring").put("financialWeight", 0.50);
        put(admin, heavy).statusCode(400).body("errors.field", contains("scoring.financialWeight",
                "scoring.paymentWeight", "scoring.disputeWeight", "scoring.ageWeight", "scoring.signalWeight"));

        given().auth().oauth2(admin).get("/api/v1/policies/credit").then().body("reviewIntervalDays", equalTo(365),
                "checks.overLimitTolerance", equalTo(0.1f), "scoring.gradeFloors[9]", equalTo(0));

        // numbers left out are named, not stored as 0 (every new buyer on prepayment, a decline at 1 day overdue)
        Map<String, Object> leftOut = copy(policy);
        leftOut.remove("firstOrderTermDays");
        nested(leftOut, "checks").remove("declineOverdueDays");
        put(admin, leftOut).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("checks.declineOverdueDays", "firstOrderTermDays"));
        given().auth().oauth2(admin).get("/api/v1/policies/credit").then().body("firstOrderTermDays", equalTo(15),
                "checks.declineOverdueDays", equalTo(90));
    }

    @Test
    void anInconsistentStatementNamesEachFigureAtFault() {
        String id = register(MANAGER_ACME, buyer());
        Map<String, Object> s = healthyStatement();
        s.put("revenue", "-1");
        s.put("currentLiabilities", "-1");
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(s)
                .post("/api/v1/buyers/" + id + "/financial-statements").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", contains("currentLiabilities", "revenue"),
                        "errors.message", contains("currentLiabilities cannot be negative", "revenue cannot be negative"));
        assertEquals(0, Database.count("select count(*) from financial_statement where buyer_id = ?::uuid", id));
    }

    @Test
    void creditCheckAndLimitRefusalsNameTheMoneysPart() {
        String id = register(MANAGER_ACME, buyer());
        check(Map.of()).statusCode(400).body("errors.field", contains("buyerId", "orderAmount"));
        check(Map.of("buyerId", id, "orderAmount", money("0.00"))).statusCode(400)
                .body("errors.field", contains("orderAmount.amount"));
        check(Map.of("buyerId", id, "orderAmount", Map.of("amount", "10.00", "currency", "USD"))).statusCode(400)
                .body("errors.field", contains("orderAmount.currency"));
        // nothing of CNY 0 in dollars: both parts named at once (only the amount was), nothing recorded
        check(Map.of("buyerId", id, "orderAmount", Map.of("amount", "0.00", "currency", "USD"))).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("orderAmount.amount", "orderAmount.currency"));
        assertEquals(0, io.tradecredit.testing.Database.count(
                "select count(*) from credit_check where buyer_id = ?::uuid", id));
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON)
                .body(Map.of("limit", money("-5.00"), "reason", "x")).put("/api/v1/buyers/" + id + "/credit-limit")
                .then().statusCode(400).body("errors.field", contains("limit.amount"));
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON)
                .body(Map.of("buyerId", id, "limit", Map.of("amount", "5.00", "currency", "USD"), "reason", "x"))
                .post("/api/v1/limit-requests").then().statusCode(400).body("errors.field", contains("limit.currency"));
        // -5.00 USD for a buyer in CNY: both parts named at once (only the currency was), nothing changed
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON)
                .body(Map.of("limit", Map.of("amount", "-5.00", "currency", "USD"), "reason", "x"))
                .put("/api/v1/buyers/" + id + "/credit-limit").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("limit.currency", "limit.amount"));
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON)
                .body(Map.of("buyerId", id, "limit", Map.of("amount", "-5.00", "currency", "USD"), "reason", "x"))
                .post("/api/v1/limit-requests").then().statusCode(400)
                .body("errors.field", contains("limit.currency", "limit.amount"));
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then().statusCode(200)
                .body("limit", equalTo(null));
        assertEquals(0, io.tradecredit.testing.Database.count(
                "select count(*) from limit_request where buyer_id = ?::uuid", id));
    }

    @Test
    void approvingARequestInACurrencyTheBuyerLeftIsAConflictNotAFieldOfTheApproval() {
        Map<String, Object> b = buyer();
        String id = register(MANAGER_ACME, b);
        String request = given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON)
                .body(Map.of("buyerId", id, "limit", money("80000.00"), "reason", "growing orders"))
                .post("/api/v1/limit-requests").then().statusCode(201).extract().path("id");
        b.put("currency", "USD");
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(b).put("/api/v1/buyers/" + id)
                .then().statusCode(200).body("currency", equalTo("USD"));
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/limit-requests/" + request + "/approval").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("limit-request.currency-changed"),
                        "errors", equalTo(null));
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/buyers/" + id).then().body("creditLimit", equalTo(null));
    }

    static ValidatableResponse check(Map<String, Object> body) {
        return given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON).body(body)
                .post("/api/v1/credit-checks").then().contentType("application/problem+json");
    }

    static ValidatableResponse put(String token, Map<String, Object> policy) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(policy).put("/api/v1/policies/credit")
                .then();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> nested(Map<String, Object> policy, String part) {
        return (Map<String, Object>) policy.get(part);
    }

    /** A deep copy of a policy document, so that each case starts from the stored one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Map<String, Object> policy) {
        Map<String, Object> c = new HashMap<>(policy);
        for (String part : List.of("scoring", "limits", "checks")) {
            c.put(part, new HashMap<>((Map<String, Object>) policy.get(part)));
        }
        return c;
    }
}
