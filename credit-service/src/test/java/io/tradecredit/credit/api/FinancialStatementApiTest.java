package io.tradecredit.credit.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.credit.CreditFixtures.MANAGER_ACME;
import static io.tradecredit.credit.CreditFixtures.MANAGER_GLOBEX;
import static io.tradecredit.credit.CreditFixtures.VIEWER_ACME;
import static io.tradecredit.credit.CreditFixtures.buyer;
import static io.tradecredit.credit.CreditFixtures.healthyStatement;
import static io.tradecredit.credit.CreditFixtures.register;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tradecredit.testing.Database;

/** A second statement for the same fiscal year is kept as its next version, and the latest one counts. */
@QuarkusTest
class FinancialStatementApiTest {

    /** 2025 restated: TA 10m = TL 6m + equity 4m; Z'' 0.656 + 0.326 + 0.336 + 0.70 = 2.02 (grey). */
    static Map<String, Object> restatedStatement() {
        Map<String, Object> s = healthyStatement();
        s.put("currentAssets", "3000000");
        s.put("totalLiabilities", "6000000");
        s.put("retainedEarnings", "1000000");
        s.put("ebit", "500000");
        s.put("equity", "4000000");
        s.put("revenue", "12000000");
        s.put("netWorth", "4000000");
        return s;
    }

    @Test
    void aSecondStatementForTheSameYearIsVersion2AndTheAssessmentUsesIt() {
        String id = register(MANAGER_ACME, buyer());
        post(id, healthyStatement(), null).then().statusCode(201).body("fiscalYear", equalTo(2025),
                "version", equalTo(1), "zScore", equalTo(4.87f), "recordedBy", equalTo("cm-1"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/assessment").then()
                .body("score", equalTo(82), "grade", equalTo(2));

        Response second = post(id, restatedStatement(), null);
        second.then().statusCode(201).header("Location", endsWith("/api/v1/buyers/" + id
                + "/financial-statements/2025/versions/2")).body("fiscalYear", equalTo(2025), "version", equalTo(2),
                        "zScore", equalTo(2.02f), "zone", equalTo("GREY"), "recordedBy", equalTo("cm-1"),
                        "recordedAt", notNullValue());

        // both are kept, the latest version first
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/financial-statements").then()
                .statusCode(200).body("version", contains(2, 1), "fiscalYear", contains(2025, 2025),
                        "totalLiabilities", contains(6000000.0f, 4000000.0f), "zScore", contains(2.02f, 4.87f),
                        "recordedBy", everyItem(equalTo("cm-1")), "recordedAt", everyItem(notNullValue()));
        // Z'' 2.02: 40 + (2.02 - 1.10) / 1.50 x 30 = 58.4 -> 58; 58 x .35 = 20.30 + 17.50 + 10 + 10 + 10 = 67.80 -> 68, grade 4
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/assessment").then()
                .body("score", equalTo(68), "grade", equalTo(4), "cause", equalTo("financial statement 2025 (version 2)"));
        // grade 4 on version 2: min(12% of net worth 4,000,000 = 480,000; 8% of revenue 12,000,000 = 960,000)
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then()
                .body("recommended.amount", equalTo("480000.00"));
        // the Location answers the version, the first one stays readable
        given().auth().oauth2(VIEWER_ACME).get(second.header("Location")).then().statusCode(200)
                .body("version", equalTo(2), "equity", equalTo(4000000.0f));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/financial-statements/2025/versions/1")
                .then().statusCode(200).body("version", equalTo(1), "equity", equalTo(6000000.0f));
    }

    @Test
    void aVersionThatDoesNotExistOrAnotherTenantsIs404() {
        String id = register(MANAGER_ACME, buyer());
        post(id, healthyStatement(), null).then().statusCode(201);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/financial-statements/2025/versions/2")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(MANAGER_GLOBEX).get("/api/v1/buyers/" + id + "/financial-statements/2025/versions/1")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(MANAGER_GLOBEX).get("/api/v1/buyers/" + id + "/financial-statements")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRetriedStatementWithTheSameIdempotencyKeyAddsNoSecondVersion() {
        String id = register(MANAGER_ACME, buyer());
        String key = UUID.randomUUID().toString();
        post(id, healthyStatement(), key).then().statusCode(201).body("version", equalTo(1));
        post(id, healthyStatement(), key).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("version", equalTo(1));
        assertEquals(1, Database.count("select count(*) from financial_statement where buyer_id = ?::uuid", id));
        post(id, restatedStatement(), key).then().statusCode(422).contentType("application/problem+json");
        // the same key and figures for another buyer are another request
        post(register(MANAGER_ACME, buyer()), healthyStatement(), key).then().statusCode(422);
        assertEquals(1, Database.count("select count(*) from financial_statement where buyer_id = ?::uuid", id));
    }

    static Response post(String buyerId, Map<String, Object> statement, String key) {
        var request = given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(statement);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/buyers/" + buyerId + "/financial-statements");
    }
}
