package io.tradecredit.credit.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.credit.CreditFixtures.FINANCE_ACME;
import static io.tradecredit.credit.CreditFixtures.MANAGER_ACME;
import static io.tradecredit.credit.CreditFixtures.MANAGER_GLOBEX;
import static io.tradecredit.credit.CreditFixtures.VIEWER_ACME;
import static io.tradecredit.credit.CreditFixtures.buyer;
import static io.tradecredit.credit.CreditFixtures.healthyStatement;
import static io.tradecredit.credit.CreditFixtures.money;
import static io.tradecredit.credit.CreditFixtures.register;
import static io.tradecredit.credit.CreditFixtures.setLimit;
import static io.tradecredit.credit.CreditFixtures.today;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/** A credit check read back where its Location points, and a check retried with an Idempotency-Key. */
@QuarkusTest
class CreditCheckApiTest {

    @Test
    void theCheckIsReadBackWhereItsLocationPointsExactlyAsThePostAnsweredIt() {
        String id = register(MANAGER_ACME, buyer());
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(healthyStatement())
                .post("/api/v1/buyers/" + id + "/financial-statements").then().statusCode(201);
        setLimit(id, "100000.00");
        Response posted = post(FINANCE_ACME, Map.of("buyerId", id, "orderAmount", money("40000.00")), null);
        posted.then().statusCode(201).body("outcome", equalTo("APPROVED"), "paymentTerms.firstOrder", equalTo(true),
                "paymentTerms.days", equalTo(15), "exposure.amount", equalTo("0.00"),
                "exposureAfter.amount", equalTo("40000.00"), "limit.amount", equalTo("100000.00"));
        String location = posted.header("Location");
        assertTrue(location.endsWith("/api/v1/credit-checks/" + posted.path("id")), location);

        Map<String, Object> asPosted = posted.as(Map.class);
        for (String reader : List.of(VIEWER_ACME, Tokens.tenant("acme").roles("collector").mint(), FINANCE_ACME)) {
            Map<String, Object> read = given().auth().oauth2(reader).get(location).then().statusCode(200)
                    .contentType(ContentType.JSON).extract().as(Map.class);
            assertEquals(asPosted, read);
        }
    }

    @Test
    void aDeclinedCheckIsReadBackWithEveryReasonEvenOneWithALineBreak() {
        String id = register(MANAGER_ACME, buyer());
        // the block reason quotes the signal's source, line break and all
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON)
                .body(Map.of("type", "INSOLVENCY_FILING", "source", "Shenzhen Intermediate Court\nCase 7",
                        "observedOn", today().toString()))
                .post("/api/v1/buyers/" + id + "/warning-signals").then().statusCode(201);
        Response posted = post(FINANCE_ACME, Map.of("buyerId", id, "orderAmount", money("10.00")), null);
        posted.then().statusCode(201).body("outcome", equalTo("DECLINED"),
                "reasons[0]", equalTo("buyer is blocked: insolvency filing reported by Shenzhen Intermediate Court\n"
                        + "Case 7 on " + today()));
        List<String> reasons = posted.path("reasons");
        given().auth().oauth2(VIEWER_ACME).get(posted.header("Location")).then().statusCode(200)
                .body("reasons", equalTo(reasons), "outcome", equalTo("DECLINED"), "grade", equalTo(10),
                        "paymentTerms.firstOrder", equalTo(true), "checkedAt", equalTo(posted.path("checkedAt")));
    }

    @Test
    void aCheckRecordedBeforeTheLogKeptItsAnswerIsReadFromWhatItHas() {
        // as V1 recorded it: reasons joined by line breaks, no exposure before the order, no first-order flag
        String buyer = UUID.randomUUID().toString();
        String firstOrder = UUID.randomUUID().toString();
        Database.execute("insert into credit_check (id, tenant_id, buyer_id, currency, order_amount, outcome, reasons,"
                + " exposure_after, credit_limit, grade, term_days, checked_by, checked_at) values (?::uuid, 'acme',"
                + " ?::uuid, 'CNY', 4000.0000, 'REFER', ?, 4000.0000, null, 4, 15, 'fin-1', '2026-11-02T09:30:00Z')",
                firstOrder, buyer, "no credit limit approved: a new buyer's first order goes on prepayment or a short"
                        + " term\nfirst order: payment within 15 days");
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/credit-checks/" + firstOrder).then().statusCode(200)
                .body("buyerId", equalTo(buyer), "outcome", equalTo("REFER"), "reasons", contains(
                        "no credit limit approved: a new buyer's first order goes on prepayment or a short term",
                        "first order: payment within 15 days"), "orderAmount.amount", equalTo("4000.00"),
                        "exposure.amount", equalTo("0.00"), "exposureAfter.amount", equalTo("4000.00"),
                        "limit", equalTo(null), "grade", equalTo(4), "paymentTerms.days", equalTo(15),
                        "paymentTerms.prepayment", equalTo(false), "paymentTerms.firstOrder", equalTo(true),
                        "checkedAt", equalTo("2026-11-02T09:30:00Z"));
        String later = UUID.randomUUID().toString();
        Database.execute("insert into credit_check (id, tenant_id, buyer_id, currency, order_amount, outcome, reasons,"
                + " exposure_after, credit_limit, grade, term_days, checked_by, checked_at) values (?::uuid, 'acme',"
                + " ?::uuid, 'CNY', 1000.0000, 'APPROVED', 'exposure 6000.00 CNY within the limit 50000.00 CNY',"
                + " 6000.0000, 50000.0000, 3, 0, 'fin-1', '2026-11-03T09:30:00Z')", later, buyer);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/credit-checks/" + later).then().statusCode(200)
                .body("reasons", contains("exposure 6000.00 CNY within the limit 50000.00 CNY"),
                        "exposure.amount", equalTo("5000.00"), "limit.amount", equalTo("50000.00"),
                        "paymentTerms.prepayment", equalTo(true), "paymentTerms.firstOrder", equalTo(false));
    }

    @Test
    void anotherTenantsOrAnUnknownCheckIs404AndAMalformedId400() {
        String id = register(MANAGER_ACME, buyer());
        String check = post(FINANCE_ACME, Map.of("buyerId", id, "orderAmount", money("10.00")), null).then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(MANAGER_GLOBEX).get("/api/v1/credit-checks/" + check).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/credit-checks/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/credit-checks/not-a-check").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("id"));
    }

    @Test
    void aRetriedCheckAnswersTheFirstDecisionAndIsRecordedOnce() {
        String id = register(MANAGER_ACME, buyer());
        setLimit(id, "100000.00");
        Map<String, Object> order = Map.of("buyerId", id, "orderAmount", money("30000.00"));
        String key = UUID.randomUUID().toString();
        Response first = post(FINANCE_ACME, order, key);
        first.then().statusCode(201);
        String checkId = first.path("id");
        post(FINANCE_ACME, order, key).then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/api/v1/credit-checks/" + checkId))
                .body("id", equalTo(checkId), "exposureAfter.amount", equalTo("30000.00"),
                        "checkedAt", equalTo(first.path("checkedAt")));
        assertEquals(1, Database.count("select count(*) from credit_check where buyer_id = ?::uuid", id));

        // the same key for another order is the caller's mistake: refused, nothing recorded
        post(FINANCE_ACME, Map.of("buyerId", id, "orderAmount", money("90000.00")), key).then().statusCode(422)
                .contentType("application/problem+json");
        assertEquals(1, Database.count("select count(*) from credit_check where buyer_id = ?::uuid", id));
        // another key is another check
        post(FINANCE_ACME, order, UUID.randomUUID().toString()).then().statusCode(201)
                .body("id", org.hamcrest.Matchers.not(equalTo(checkId)));
        assertEquals(2, Database.count("select count(*) from credit_check where buyer_id = ?::uuid", id));
    }

    @Test
    void theApiDescriptionOffersTheIdempotencyKeyOnTheCheck() {
        given().auth().oauth2(VIEWER_ACME).get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/credit-checks'.post.parameters.findAll { it.in == 'header' }.name",
                        hasItem("Idempotency-Key"))
                .body("paths.'/api/v1/credit-checks/{id}'.get.responses.keySet()", hasItem("404"));
    }

    /** A limit request is read where its POST's Location says, and its statuses include WITHDRAWN. */
    @Test
    void theApiDescriptionOffersALimitRequestAndItsStatuses() {
        given().auth().oauth2(VIEWER_ACME).get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/limit-requests/{requestId}'.get.responses.keySet()", hasItem("404"))
                .body("components.schemas.LimitRequestView.properties.status.enum", hasItem("WITHDRAWN"));
    }

    static Response post(String token, Map<String, Object> body, String key) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/credit-checks");
    }
}
