package io.tradecredit.claims.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.claims.ClaimsFixtures.POLICIES;
import static io.tradecredit.claims.ClaimsFixtures.freshTenant;
import static io.tradecredit.claims.ClaimsFixtures.money;
import static io.tradecredit.claims.ClaimsFixtures.policy;
import static io.tradecredit.claims.ClaimsFixtures.today;
import static io.tradecredit.claims.ClaimsFixtures.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.PostgresTestResource;
import io.tradecredit.testing.Topics;

@QuarkusTest
class InsuredLimitApiTest {
    static final String SECRET = "the-insurers-callback-secret-0123456789";

    static String newPolicy(String tenant) {
        return given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON)
                .body(policy("P-" + UUID.randomUUID())).post(POLICIES).then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> decision(String id, String buyer, String outcome, String amount, String from, String expires) {
        Map<String, Object> body = new HashMap<>();
        body.put("decisionId", id);
        body.put("buyerId", buyer);
        body.put("outcome", outcome);
        if (amount != null) {
            body.put("amount", money(amount, "CNY"));
        }
        body.put("effectiveFrom", from);
        if (expires != null) {
            body.put("expiresOn", expires);
        }
        return body;
    }

    /** The signature as the insurer's system makes it, with the JDK's own HMAC. */
    static String sign(String secret, long t, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    static String callback(String policyId) {
        return "/api/v1/insurance/callbacks/policies/" + policyId + "/limit-decisions";
    }

    @Test
    void theTenantRequestsAndEntersDecisionsAndTheLimitInForceFollowsThem() {
        String tenant = freshTenant();
        String policyId = newPolicy(tenant);
        String buyer = UUID.randomUUID().toString();
        String cm = token(tenant, "credit-manager");
        String requestId = given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyer, "kind", "NEW", "amount", money("100000.00", "CNY"), "note", "first order"))
                .post(POLICIES + "/" + policyId + "/limit-requests").then().statusCode(201)
                .body("kind", equalTo("NEW"), "amount.amount", equalTo("100000.00"), "requestedBy", equalTo("tester"))
                .extract().path("id");
        Map<String, Object> partly = decision("SIN-D-1", buyer, "PARTLY_APPROVED", "80000.00", "2026-03-01", "2026-12-31");
        partly.put("requestId", requestId);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(partly)
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201)
                .body("source", equalTo("TENANT"), "outcome", equalTo("PARTLY_APPROVED"), "requestId", equalTo(requestId));
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(decision("SIN-D-2", buyer, "REFUSED", null, "2026-05-01", null))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(decision("SIN-D-3", buyer, "CANCELLED", null, "2026-09-01", null))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);

        String viewer = token(tenant, "viewer");
        String limit = POLICIES + "/" + policyId + "/buyers/" + buyer + "/insured-limit";
        given().auth().oauth2(viewer).get(limit + "?asOf=2026-02-28").then().statusCode(200)
                .body("insuredLimit.amount", equalTo("0.00"), "insured", equalTo(false), "decision", nullValue());
        given().auth().oauth2(viewer).get(limit + "?asOf=2026-06-15").then().statusCode(200)
                .body("insuredLimit.amount", equalTo("80000.00"), "insured", equalTo(true),
                        "decision.decisionId", equalTo("SIN-D-1"), "asOf", equalTo("2026-06-15"));
        given().auth().oauth2(viewer).get(limit + "?asOf=2026-09-01").then().statusCode(200)
                .body("insuredLimit.amount", equalTo("0.00"), "decision.decisionId", equalTo("SIN-D-3"));
        given().auth().oauth2(viewer).get(POLICIES + "/" + policyId + "/buyers/" + buyer + "/limit-decisions").then()
                .statusCode(200).body("decisionId", contains("SIN-D-1", "SIN-D-2", "SIN-D-3"));
        given().auth().oauth2(viewer).get(POLICIES + "/" + policyId + "/limit-requests?buyerId=" + buyer).then()
                .statusCode(200).body("id", contains(requestId));

        JsonNode event = event(buyer, "SIN-D-1");
        assertEquals(policyId, event.get("policyId").asText());
        assertEquals("80000.00", event.get("decidedAmount").get("amount").asText());
        assertEquals("2026-12-31", event.get("expiresOn").asText());
        assertEquals(today().toString(), event.get("recordedOn").asText());
        assertEquals("0.00", event(buyer, "SIN-D-3").get("insuredLimit").get("amount").asText());
    }

    /**
     * The other delivery of the same decision is this test's own transaction, holding its row uncommitted:
     * the request passes the "seen before?" check, its insert waits on the row, and once the other commits
     * it steps aside and answers the repeat (before, the unique key failed it with 500).
     */
    @Test
    void theSameDecisionArrivingTwiceAtTheSameInstantIsRecordedOnceAndBothAreAnswered() throws Exception {
        String tenant = freshTenant();
        String policyId = newPolicy(tenant);
        String buyer = UUID.randomUUID().toString();
        String cm = token(tenant, "credit-manager");
        try (Connection other = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres")) {
            other.setAutoCommit(false);
            try (PreparedStatement st = other.prepareStatement("insert into limit_decision (tenant_id, policy_id,"
                    + " buyer_id, decision_ref, outcome, amount, currency, effective_from, source, recorded_at,"
                    + " recorded_by) values (?, ?::uuid, ?::uuid, 'RACE-1', 'APPROVED', 50000, 'CNY', date '2026-03-01',"
                    + " 'INSURER', now(), 'insurer')")) {
                st.setString(1, tenant);
                st.setString(2, policyId);
                st.setString(3, buyer);
                st.executeUpdate();
            }
            CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> given().auth().oauth2(cm)
                    .contentType(ContentType.JSON).body(decision("RACE-1", buyer, "APPROVED", "50000.00", "2026-03-01", null))
                    .post(POLICIES + "/" + policyId + "/limit-decisions"));
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (Database.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and query ilike 'insert into limit_decision%'") == 0) {
                assertTrue(System.nanoTime() < until, "the request's insert never waited on the other delivery");
                Thread.sleep(50);
            }
            other.commit();
            second.get(20, TimeUnit.SECONDS).then().statusCode(200)
                    .body("decisionId", equalTo("RACE-1"), "source", equalTo("INSURER"), "recordedBy", equalTo("insurer"));
        }
        assertEquals(1, Database.count("select count(*) from limit_decision where policy_id = ?::uuid", policyId));
    }

    @Test
    void everyWrongFieldIsNamedAndNothingIsRecorded() {
        String tenant = freshTenant();
        String policyId = newPolicy(tenant);
        String cm = token(tenant, "credit-manager");
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("outcome", "APPROVED", "amount", money("10.00", "USD"), "effectiveFrom", "2026-03-01",
                        "expiresOn", "2026-02-01", "requestId", UUID.randomUUID().toString()))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("decisionId", "buyerId", "amount.currency", "expiresOn"));
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(decision("D-1", UUID.randomUUID().toString(), "APPROVED", "10.00", "2026-03-01", null))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);
        Map<String, Object> unknownRequest = decision("D-2", UUID.randomUUID().toString(), "APPROVED", "10.00", "2026-03-01", null);
        unknownRequest.put("requestId", UUID.randomUUID().toString());
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(unknownRequest)
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(400)
                .body("errors.field", contains("requestId"));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("kind", "CANCEL", "amount", money("1.00", "CNY")))
                .post(POLICIES + "/" + policyId + "/limit-requests").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("buyerId", "amount"));
        assertEquals(1, Database.count("select count(*) from limit_decision where tenant_id = ?", tenant));
        assertEquals(0, Database.count("select count(*) from limit_request where tenant_id = ?", tenant));
    }

    /**
     * A buyer insured for 80,000 today: an INCREASE to 60,000 and a REDUCE to 120,000 are 400 naming amount, and an
     * INCREASE of a buyer with nothing insured names kind, nothing recorded (they were recorded as asked); an INCREASE to
     * 100,000 is recorded.
     */
    @Test
    void aRequestThatContradictsTheLimitInForceIsRefusedNamingWhat() {
        String tenant = freshTenant();
        String policyId = newPolicy(tenant);
        String buyer = UUID.randomUUID().toString();
        String cm = token(tenant, "credit-manager");
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(decision("SIN-80", buyer, "APPROVED", "80000.00", today().minusDays(30).toString(), null))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);
        String requests = POLICIES + "/" + policyId + "/limit-requests";
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyer, "kind", "INCREASE", "amount", money("60000.00", "CNY"))).post(requests)
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("limit-request.invalid"), "errors.field", contains("amount"));
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyer, "kind", "REDUCE", "amount", money("120000.00", "CNY"))).post(requests)
                .then().statusCode(400).body("errors.field", contains("amount"));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("buyerId", UUID.randomUUID().toString(),
                "kind", "INCREASE", "amount", money("60000.00", "CNY"))).post(requests)
                .then().statusCode(400).body("errors.field", contains("kind"));
        assertEquals(0, Database.count("select count(*) from limit_request where tenant_id = ?", tenant));
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyer, "kind", "INCREASE", "amount", money("100000.00", "CNY"))).post(requests)
                .then().statusCode(201).body("kind", equalTo("INCREASE"), "amount.amount", equalTo("100000.00"));
        assertEquals(1, Database.count("select count(*) from limit_request where tenant_id = ?", tenant));
    }

    @Test
    void aDecisionOnARequestIsForItsBuyerAndAPartialApprovalIsBelowTheAmountAsked() throws Exception {
        String tenant = freshTenant();
        String policyId = newPolicy(tenant);
        String buyer = UUID.randomUUID().toString();
        String cm = token(tenant, "credit-manager");
        String requestId = given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyer, "kind", "NEW", "amount", money("100000.00", "CNY")))
                .post(POLICIES + "/" + policyId + "/limit-requests").then().statusCode(201).extract().path("id");
        Map<String, Object> above = decision("SIN-D-1", buyer, "PARTLY_APPROVED", "120000.00", "2026-03-01", null);
        above.put("requestId", requestId);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(above)
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(400)
                .body("errors.field", contains("amount"));
        Map<String, Object> approvedLess = decision("SIN-D-3", buyer, "APPROVED", "60000.00", "2026-03-01", null);
        approvedLess.put("requestId", requestId);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(approvedLess)
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(400)
                .body("code", equalTo("limit-decision.invalid"), "errors.field", contains("outcome"));
        Map<String, Object> otherBuyer = decision("SIN-D-2", UUID.randomUUID().toString(), "APPROVED", "100000.00",
                "2026-03-01", null);
        otherBuyer.put("requestId", requestId);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(otherBuyer)
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(400)
                .body("errors.field", contains("buyerId"));
        // the insurer's system is held to the same: its signed answer is refused and changes nothing
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON).body(Map.of("secret", SECRET))
                .put(POLICIES + "/" + policyId + "/callback-secret").then().statusCode(204);
        Map<String, Object> signedAbove = decision("ATR-1", buyer, "PARTLY_APPROVED", "120000.00", "2026-03-01", null);
        signedAbove.put("requestId", requestId);
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(signedAbove);
        given().header("Insurer-Signature", sign(SECRET, Instant.now().getEpochSecond(), body)).contentType(ContentType.JSON)
                .body(body).post(callback(policyId)).then().statusCode(400).body("errors.field", contains("amount"));
        assertEquals(0, Database.count("select count(*) from limit_decision where tenant_id = ?", tenant));
        given().auth().oauth2(token(tenant, "viewer")).get(POLICIES + "/" + policyId + "/buyers/" + buyer
                + "/insured-limit?asOf=2026-06-01").then().statusCode(200).body("insuredLimit.amount", equalTo("0.00"));
    }

    /**
     * The tenant asked the insurer to cancel a buyer's 80,000 cover; an APPROVED 80,000 (or PARTLY_APPROVED 50,000) naming
     * that request was recorded as its answer and kept the cover the tenant asked to end. A grant does not answer a
     * cancellation: 400 naming outcome, from the tenant or the insurer's signed callback, nothing recorded; CANCELLED does.
     */
    @Test
    void aRequestToCancelTheCoverIsNotAnsweredByAGrant() throws Exception {
        String tenant = freshTenant();
        String policyId = newPolicy(tenant);
        String buyer = UUID.randomUUID().toString();
        String cm = token(tenant, "credit-manager");
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(decision("SIN-C-1", buyer, "APPROVED", "80000.00", "2026-03-01", null))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);
        String requestId = given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyer, "kind", "CANCEL")).post(POLICIES + "/" + policyId + "/limit-requests")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> granted = decision("SIN-C-2", buyer, "APPROVED", "80000.00", "2026-09-01", null);
        granted.put("requestId", requestId);
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(granted)
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("limit-decision.invalid"), "errors.field", contains("outcome"));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON).body(Map.of("secret", SECRET))
                .put(POLICIES + "/" + policyId + "/callback-secret").then().statusCode(204);
        Map<String, Object> partly = decision("ATR-C-3", buyer, "PARTLY_APPROVED", "50000.00", "2026-09-01", null);
        partly.put("requestId", requestId);
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(partly);
        given().header("Insurer-Signature", sign(SECRET, Instant.now().getEpochSecond(), body)).contentType(ContentType.JSON)
                .body(body).post(callback(policyId)).then().statusCode(400).body("errors.field", contains("outcome"));
        assertEquals(1, Database.count("select count(*) from limit_decision where tenant_id = ?", tenant));
        String viewer = token(tenant, "viewer");
        given().auth().oauth2(viewer).get(POLICIES + "/" + policyId + "/buyers/" + buyer
                + "/insured-limit?asOf=2026-09-01").then().statusCode(200).body("insuredLimit.amount", equalTo("80000.00"));
        Map<String, Object> cancelled = decision("ATR-C-4", buyer, "CANCELLED", null, "2026-09-01", null);
        cancelled.put("requestId", requestId);
        String answer = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(cancelled);
        given().header("Insurer-Signature", sign(SECRET, Instant.now().getEpochSecond(), answer))
                .contentType(ContentType.JSON).body(answer).post(callback(policyId)).then().statusCode(201);
        given().auth().oauth2(viewer).get(POLICIES + "/" + policyId + "/buyers/" + buyer
                + "/insured-limit?asOf=2026-09-01").then().statusCode(200).body("insuredLimit.amount", equalTo("0.00"));
        given().auth().oauth2(viewer).get(POLICIES + "/" + policyId + "/buyers/" + buyer
                + "/insured-limit?asOf=2026-08-31").then().statusCode(200).body("insuredLimit.amount", equalTo("80000.00"));
    }

    @Test
    void onlyManagersWriteAndAnotherTenantsPolicyIsNotFound() {
        String tenant = freshTenant();
        String policyId = newPolicy(tenant);
        String buyer = UUID.randomUUID().toString();
        for (String role : List.of("viewer", "finance", "collector")) {
            given().auth().oauth2(token(tenant, role)).contentType(ContentType.JSON)
                    .body(decision("D-1", buyer, "APPROVED", "10.00", "2026-03-01", null))
                    .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(403);
        }
        String stranger = token(freshTenant(), "tenant-admin");
        given().auth().oauth2(stranger).contentType(ContentType.JSON)
                .body(decision("D-1", buyer, "APPROVED", "10.00", "2026-03-01", null))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(404);
        given().auth().oauth2(stranger).get(POLICIES + "/" + policyId + "/buyers/" + buyer + "/insured-limit").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(stranger).get(POLICIES + "/" + policyId + "/buyers/" + buyer + "/limit-decisions").then()
                .statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("secret", SECRET))
                .put(POLICIES + "/" + policyId + "/callback-secret").then().statusCode(404);
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(Map.of("secret", SECRET))
                .put(POLICIES + "/" + policyId + "/callback-secret").then().statusCode(403);
    }

    @Test
    void theInsurersSignedDecisionIsRecordedOnceAndAForgedOrStaleOneChangesNothing() throws Exception {
        String tenant = freshTenant();
        String policyId = newPolicy(tenant);
        String buyer = UUID.randomUUID().toString();
        String admin = token(tenant, "tenant-admin");
        String body = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(decision("ATR-778", buyer, "APPROVED", "50000.00", today().toString(), null));
        long now = Instant.now().getEpochSecond();

        // no secret set yet: nothing can be signed for this policy
        given().header("Insurer-Signature", sign(SECRET, now, body)).contentType(ContentType.JSON).body(body)
                .post(callback(policyId)).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("secret", "too-short"))
                .put(POLICIES + "/" + policyId + "/callback-secret").then().statusCode(400)
                .body("errors.field", contains("secret"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("secret", SECRET))
                .put(POLICIES + "/" + policyId + "/callback-secret").then().statusCode(204);

        for (String forged : List.of(sign("another-secret-of-enough-length-xxxxxxx", now, body), sign(SECRET, now - 301, body),
                sign(SECRET, now, body.replace("50000.00", "90000.00")), "t=" + now + ",v1=00", "")) {
            given().header("Insurer-Signature", forged).contentType(ContentType.JSON).body(body).post(callback(policyId))
                    .then().statusCode(401).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(body).post(callback(policyId)).then().statusCode(401);
        given().header("Insurer-Signature", sign(SECRET, now, body)).contentType(ContentType.JSON).body(body)
                .post(callback(UUID.randomUUID().toString())).then().statusCode(401);
        assertEquals(0, Database.count("select count(*) from limit_decision where tenant_id = ?", tenant));

        given().header("Insurer-Signature", sign(SECRET, now, body)).contentType(ContentType.JSON).body(body)
                .post(callback(policyId)).then().statusCode(201)
                .body("decisionId", equalTo("ATR-778"), "source", equalTo("INSURER"), "recordedBy", equalTo("insurer"));
        // the same decision again (a retry of the insurer's system): recorded once, published once
        given().header("Insurer-Signature", sign(SECRET, now + 5, body)).contentType(ContentType.JSON).body(body)
                .post(callback(policyId)).then().statusCode(200).body("decisionId", equalTo("ATR-778"));
        // another decision under the same reference is not a retry: refused, the 50,000 stands
        String other = body.replace("50000.00", "60000.00");
        given().header("Insurer-Signature", sign(SECRET, now + 6, other)).contentType(ContentType.JSON).body(other)
                .post(callback(policyId)).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("limit-decision.id-taken"), "errors.field", contains("decisionId", "amount"));
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(other)
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(409)
                .body("errors.field", contains("decisionId", "amount"));
        assertEquals(1, Database.count("select count(*) from limit_decision where tenant_id = ?", tenant));
        given().auth().oauth2(token(tenant, "viewer")).get(POLICIES + "/" + policyId + "/buyers/" + buyer + "/insured-limit")
                .then().statusCode(200).body("insuredLimit.amount", equalTo("50000.00"));
        assertEquals("50000.00", event(buyer, "ATR-778").get("insuredLimit").get("amount").asText());
        // every call above has committed: what they published is in the outbox now (the topic read for 2 s below
        // could end before a second event the relay had not sent yet)
        assertEquals(1, Database.count("select count(*) from outbox where tenant_id = ? and aggregate_id = ?"
                + " and event_type = 'io.tradecredit.claims.insured-limit-changed.v1'", tenant, buyer),
                "one event written for one decision");
        List<ConsumerRecord<String, String>> all = Topics.readFor("claim-events", Duration.ofSeconds(2));
        assertEquals(1, all.stream().filter(r -> r.key().equals(buyer)
                && "io.tradecredit.claims.insured-limit-changed.v1".equals(Topics.header(r, "ce_type"))).count(),
                "one event for one decision");

        // signed, but not a decision: named like any wrong field
        String wrong = "{\"decisionId\":\"ATR-779\",\"buyerId\":\"" + buyer + "\",\"outcome\":\"MAYBE\",\"effectiveFrom\":\"2026-01-01\"}";
        given().header("Insurer-Signature", sign(SECRET, now, wrong)).contentType(ContentType.JSON).body(wrong)
                .post(callback(policyId)).then().statusCode(400).body("errors.field", contains("outcome"));
        // several values unreadable and one missing: one 400 names them all (it named buyerId alone, hiding the other
        // four until the insurer's next try), as the tenant's own entry of the same body does; nothing recorded
        String unreadable = "{\"buyerId\":\"not-a-uuid\",\"outcome\":\"MAYBE\",\"amount\":{\"amount\":\"ten\","
                + "\"currency\":\"CNY\"},\"effectiveFrom\":\"next monday\"}";
        given().header("Insurer-Signature", sign(SECRET, now, unreadable)).contentType(ContentType.JSON).body(unreadable)
                .post(callback(policyId)).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("amount", "buyerId", "decisionId", "effectiveFrom", "outcome"));
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(unreadable)
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(400)
                .body("errors.field", contains("amount", "buyerId", "decisionId", "effectiveFrom", "outcome"));
        assertEquals(1, Database.count("select count(*) from limit_decision where tenant_id = ?", tenant));
    }

    /**
     * Tenant A's buyers (one registered by credit-service, one known from an invoice to it) named by tenant B: by the
     * insurer's callback signed for B's policy, by B's own decision, request and claim by hand. Each answers 400 naming
     * buyerId (as an unknown requestId: nothing of B's names it) and records nothing; A's own decision on them is
     * recorded. A's request named by B's decisions is no request of B's (400 naming requestId).
     */
    @Test
    void anotherTenantsBuyerIsNoBuyerOfThisTenantToTheCallbackOrTheTenantsRequestsDecisionsAndClaims() throws Exception {
        String a = freshTenant();
        String b = freshTenant();
        String policyA = newPolicy(a);
        String policyB = newPolicy(b);
        String registered = UUID.randomUUID().toString();
        String invoiced = UUID.randomUUID().toString();
        knownToTenant(a, registered, invoiced, "Ningbo Export", "1");
        String requestA = given().auth().oauth2(token(a, "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("buyerId", registered, "kind", "NEW", "amount", money("80000.00", "CNY")))
                .post(POLICIES + "/" + policyA + "/limit-requests").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token(b, "tenant-admin")).contentType(ContentType.JSON).body(Map.of("secret", SECRET))
                .put(POLICIES + "/" + policyB + "/callback-secret").then().statusCode(204);
        String cmB = token(b, "credit-manager");
        long now = Instant.now().getEpochSecond();
        for (String buyer : List.of(registered, invoiced)) {
            String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                    decision("X-" + buyer, buyer, "APPROVED", "999999.00", "2026-01-01", null));
            given().header("Insurer-Signature", sign(SECRET, now, body)).contentType(ContentType.JSON).body(body)
                    .post(callback(policyB)).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("limit-decision.invalid"), "errors.field", contains("buyerId"));
            given().auth().oauth2(cmB).contentType(ContentType.JSON).body(body)
                    .post(POLICIES + "/" + policyB + "/limit-decisions").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains("buyerId"));
            given().auth().oauth2(cmB).contentType(ContentType.JSON)
                    .body(Map.of("buyerId", buyer, "kind", "NEW", "amount", money("80000.00", "CNY")))
                    .post(POLICIES + "/" + policyB + "/limit-requests").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("limit-request.invalid"),
                            "errors.field", contains("buyerId"));
            given().auth().oauth2(cmB).contentType(ContentType.JSON)
                    .body(Map.of("policyId", policyB, "buyerId", buyer, "buyerName", "Zhejiang Trading", "cause",
                            "INSOLVENCY", "invoices", List.of(Map.of("invoiceNumber", "INV-1", "unpaidAmount",
                                    money("40000.00", "CNY")))))
                    .post("/api/v1/insurance/claims").then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("claim.invalid"), "errors.field", contains("buyerId"));
        }
        // A's request named in a decision signed for B's policy: no request of B's
        Map<String, Object> answering = decision("X-R", UUID.randomUUID().toString(), "APPROVED", "80000.00",
                "2026-01-01", null);
        answering.put("requestId", requestA);
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(answering);
        given().header("Insurer-Signature", sign(SECRET, now, body)).contentType(ContentType.JSON).body(body)
                .post(callback(policyB)).then().statusCode(400).body("errors.field", contains("requestId"));
        for (String table : List.of("limit_decision", "limit_request", "claim")) {
            assertEquals(0, Database.count("select count(*) from " + table + " where tenant_id = ?", b), table);
        }
        // the buyers are A's: A's own decisions on them are recorded
        for (String buyer : List.of(registered, invoiced)) {
            given().auth().oauth2(token(a, "credit-manager")).contentType(ContentType.JSON)
                    .body(decision("A-" + buyer, buyer, "APPROVED", "80000.00", "2026-01-01", null))
                    .post(POLICIES + "/" + policyA + "/limit-decisions").then().statusCode(201);
        }
    }

    @Test
    void anotherTenantsBuyerIsNotFoundOnEveryReadNamingIt() throws Exception {
        String a = freshTenant();
        String b = freshTenant();
        String policyA = newPolicy(a);
        String policyB = newPolicy(b);
        String buyer = UUID.randomUUID().toString();
        knownToTenant(a, buyer, buyer, "Zhejiang Trading", "R1");
        String cmA = token(a, "credit-manager");
        given().auth().oauth2(cmA).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyer, "kind", "NEW", "amount", money("80000.00", "CNY")))
                .post(POLICIES + "/" + policyA + "/limit-requests").then().statusCode(201);
        given().auth().oauth2(cmA).contentType(ContentType.JSON)
                .body(decision("R-" + buyer, buyer, "APPROVED", "80000.00", "2026-01-01", null))
                .post(POLICIES + "/" + policyA + "/limit-decisions").then().statusCode(201);
        // A reads its buyer: its limit of 80,000, the decision, the request, the 40,000 insured
        given().auth().oauth2(cmA).get(POLICIES + "/" + policyA + "/buyers/" + buyer + "/insured-limit?asOf=2026-06-01")
                .then().statusCode(200).body("insuredLimit.amount", equalTo("80000.00"));
        given().auth().oauth2(cmA).get(POLICIES + "/" + policyA + "/buyers/" + buyer + "/exposure?asOf=2026-06-01")
                .then().statusCode(200).body("insured.amount", equalTo("40000.00"));
        // B, with a policy of its own, asks about A's buyer: no buyer of B's, not an empty answer (no limit, nothing
        // decided, nothing overdue) that looks like B's own uninsured buyer and tells B the id exists elsewhere
        String reader = token(b, "viewer");
        String base = POLICIES + "/" + policyB;
        for (String path : List.of(base + "/buyers/" + buyer + "/insured-limit", base + "/buyers/" + buyer
                + "/insured-limit?asOf=2026-06-01", base + "/buyers/" + buyer + "/limit-decisions",
                base + "/limit-requests?buyerId=" + buyer, base + "/buyers/" + buyer + "/exposure?asOf=2026-06-01",
                base + "/buyers/" + buyer + "/overdue-notifications", base + "/buyers/" + buyer + "/deadlines",
                base + "/deadlines?buyerId=" + buyer)) {
            given().auth().oauth2(reader).get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("code", equalTo("buyer.not-found"));
        }
        // nor may B notify A's buyer's overdue account under its own policy
        given().auth().oauth2(token(b, "credit-manager")).contentType(ContentType.JSON).body(Map.of())
                .post(base + "/buyers/" + buyer + "/overdue-notifications").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("buyer.not-found"));
        assertEquals(0, Database.count("select count(*) from overdue_notification where tenant_id = ?", b));
        // a buyer nobody has heard of yet may be B's: its limit is none, its history empty
        String unknown = UUID.randomUUID().toString();
        given().auth().oauth2(reader).get(base + "/buyers/" + unknown + "/insured-limit").then().statusCode(200)
                .body("insured", equalTo(false));
        given().auth().oauth2(reader).get(base + "/buyers/" + unknown + "/limit-decisions").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    static JsonNode event(String buyer, String decisionId) {
        List<ConsumerRecord<String, String>> read = Topics.read("claim-events", Duration.ofSeconds(20),
                records -> records.stream().anyMatch(r -> matches(r, buyer, decisionId)));
        return Contracts.assertValid(read.stream().filter(r -> matches(r, buyer, decisionId)).findFirst()
                .orElseThrow(() -> new AssertionError("no insured-limit-changed for " + decisionId)));
    }

    static boolean matches(ConsumerRecord<String, String> r, String buyer, String decisionId) {
        return buyer.equals(r.key()) && "io.tradecredit.claims.insured-limit-changed.v1".equals(Topics.header(r, "ce_type"))
                && r.value().contains("\"decisionId\":\"" + decisionId + "\"");
    }

    /**
     * Makes {@code registered} the tenant's buyer by credit-service's buyer-registered and {@code invoiced} by an invoice
     * of 40,000 CNY issued to it (INV-{suffix}, PO-{suffix}), and waits until this service has read both.
     */
    private static void knownToTenant(String tenant, String registered, String invoiced, String invoicedName,
            String suffix) throws InterruptedException {
        Topics.sendEvent("credit-events", tenant, "credit", "buyer-registered", registered, UUID.randomUUID().toString(),
                Map.of("buyerId", registered, "name", "Zhejiang Trading", "country", "CN", "registrationNumber",
                        "91330100MA27XYZ", "taxId", "91330100MA27XYZ", "currency", "CNY", "paymentTermDays", 60));
        Map<String, Object> issued = new HashMap<>();
        issued.put("invoiceId", UUID.randomUUID().toString());
        issued.put("invoiceNumber", "INV-" + suffix);
        issued.put("buyerId", invoiced);
        issued.put("buyerName", invoicedName);
        issued.put("issueDate", "2026-03-05");
        issued.put("dueDate", "2026-05-04");
        issued.put("total", money("40000.00", "CNY"));
        issued.put("tax", money("0.00", "CNY"));
        issued.put("openAmount", money("40000.00", "CNY"));
        issued.put("issuedLate", false);
        issued.put("purchaseOrderNumber", "PO-" + suffix);
        Topics.sendEvent("invoice-events", tenant, "invoice", "issued", invoiced, UUID.randomUUID().toString(), issued);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((Database.count("select count(*) from buyer_tenant where buyer_id = ?::uuid", registered) == 0
                || Database.count("select count(*) from open_invoice where buyer_id = ?::uuid", invoiced) == 0)
                && System.nanoTime() < until) {
            Thread.sleep(100);
        }
    }
}
