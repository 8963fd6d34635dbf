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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PolicyApiTest {

    static String create(String tenant, Map<String, Object> body) {
        return given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(body)
                .post(POLICIES).then().statusCode(201).extract().path("id");
    }

    @Test
    void aPolicyIsCreatedWithItsTermsAndReadByTheTenantsStaff() {
        String tenant = freshTenant();
        Map<String, Object> body = new java.util.HashMap<>(policy("SIN-2026-001"));
        body.put("deductible", Map.of("kind", "ANNUAL_FIRST_LOSS", "amount", money("20000.00", "CNY")));
        body.put("collectorAgencyCode", "huaxin-recovery");
        String id = given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON).body(body)
                .post(POLICIES).then().statusCode(201).header("Location", containsString(POLICIES + "/"))
                .body("version", equalTo(1), "effectiveFrom", equalTo(today().toString()),
                        "insuredPercent", equalTo(90), "deductible.kind", equalTo("ANNUAL_FIRST_LOSS"),
                        "deductible.amount.amount", equalTo("20000.00"), "warningLeadDays", equalTo(5),
                        "maximumExtensionDays", equalTo(60), "collectorName", equalTo("Huaxin Recovery"),
                        "collectorAgencyCode", equalTo("huaxin-recovery"), "recordedBy", equalTo("tester"))
                .extract().path("id");
        for (String role : List.of("viewer", "finance", "collector")) {
            given().auth().oauth2(token(tenant, role)).get(POLICIES + "/" + id).then().statusCode(200)
                    .body("policyNumber", equalTo("SIN-2026-001"), "insurer", equalTo("China Export & Credit Insurance"),
                            "claimFilingDays", equalTo(120), "transferDays", equalTo(30), "waitingPeriodDays", equalTo(90));
        }
        given().auth().oauth2(token(tenant, "viewer")).get(POLICIES).then().statusCode(200)
                .body("total", equalTo(1), "items.policyNumber", contains("SIN-2026-001"));
    }

    @Test
    void aPolicyThatStatesNoInsuredPercentageIndemnifiesNinety() {
        Map<String, Object> body = new java.util.HashMap<>(policy("SIN-90"));
        body.remove("insuredPercent");
        given().auth().oauth2(token(freshTenant(), "tenant-admin")).contentType(ContentType.JSON).body(body)
                .post(POLICIES).then().statusCode(201).body("insuredPercent", equalTo(90));
    }

    @Test
    void aRevisionIsANewVersionAndEachDayReadsItsOwnTerms() {
        String tenant = freshTenant();
        Map<String, Object> first = new java.util.HashMap<>(policy("SIN-7"));
        first.put("effectiveFrom", "2026-01-01");
        String id = create(tenant, first);
        Map<String, Object> second = new java.util.HashMap<>(policy("SIN-7"));
        second.put("insuredPercent", "85");
        second.put("warningLeadDays", 10);
        second.put("effectiveFrom", "2026-07-01");
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(second)
                .put(POLICIES + "/" + id).then().statusCode(200).body("version", equalTo(2), "insuredPercent", equalTo(85));
        String viewer = token(tenant, "viewer");
        given().auth().oauth2(viewer).get(POLICIES + "/" + id + "?asOf=2026-06-30").then().statusCode(200)
                .body("version", equalTo(1), "insuredPercent", equalTo(90), "warningLeadDays", equalTo(5));
        given().auth().oauth2(viewer).get(POLICIES + "/" + id + "?asOf=2026-07-01").then().statusCode(200)
                .body("version", equalTo(2), "insuredPercent", equalTo(85), "warningLeadDays", equalTo(10));
        given().auth().oauth2(viewer).get(POLICIES + "/" + id + "?asOf=2025-12-31").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(viewer).get(POLICIES + "/" + id + "/versions").then().statusCode(200)
                .body("version", contains(1, 2), "effectiveFrom", contains("2026-01-01", "2026-07-01"));
        given().auth().oauth2(viewer).get(POLICIES + "?asOf=2026-03-01").then().statusCode(200)
                .body("items.version", contains(1));
    }

    @Test
    void everyWrongFieldIsNamedAndNothingIsSaved() {
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("insurer", "", "currency", "XYZ", "insuredPercent",
                "120", "deductible", Map.of("kind", "PER_CLAIM"), "maximumExtensionDays", 0, "notificationDays", -1,
                "claimFilingDays", 5000, "waitingPeriodDays", 90, "transferDays", 30, "warningLeadDays", 400));
        body.put("collectorAgencyCode", "Huaxin Recovery");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post(POLICIES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("insurer", "policyNumber", "currency", "insuredPercent",
                        "deductible.amount", "maximumExtensionDays", "notificationDays", "claimFilingDays",
                        "collectorName", "collectorAgencyCode", "warningLeadDays"));
        given().auth().oauth2(admin).get(POLICIES).then().statusCode(200).body("total", equalTo(0));
        String id = create(tenant, policy("SIN-1"));
        Map<String, Object> wrong = new java.util.HashMap<>(policy("SIN-1"));
        wrong.put("insuredPercent", "0");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(wrong).put(POLICIES + "/" + id).then()
                .statusCode(400).body("errors.field", contains("insuredPercent"));
        // DOMAIN §4: indemnity up to 90 %; a revision to 100 % (the whole loss, no retention) was recorded as version 2
        wrong.put("insuredPercent", "100");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(wrong).put(POLICIES + "/" + id).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("insuredPercent"));
        Map<String, Object> ninetyFive = new java.util.HashMap<>(policy("SIN-2"));
        ninetyFive.put("insuredPercent", "95");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(ninetyFive).post(POLICIES).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("insuredPercent"));
        given().auth().oauth2(admin).get(POLICIES).then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(admin).get(POLICIES + "/" + id + "/versions").then().statusCode(200)
                .body("version", contains(1));
    }

    @Test
    void aClaimFilingDeadlineEndingBeforeAProtractedDefaultCanBeClaimedIsRefusedNamingTheFields() {
        String tenant = freshTenant();
        String admin = token(tenant, "credit-manager");
        // notify within 30 days of the MEP's end, wait 90 days: the claim is submittable 120 days after the MEP's end,
        // a claim filing deadline of 100 days ends twenty days before
        Map<String, Object> tooShort = new java.util.HashMap<>(policy("SIN-1"));
        tooShort.put("notificationDays", 30);
        tooShort.put("claimFilingDays", 100);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(tooShort).post(POLICIES).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("policy.invalid"),
                        "errors.field", contains("notificationDays", "claimFilingDays", "waitingPeriodDays"),
                        "errors[1].message", containsString("30 + 90 = 120"));
        given().auth().oauth2(admin).get(POLICIES).then().statusCode(200).body("total", equalTo(0));
        // on the day is in time; a revision shortening the claim filing deadline is refused too, nothing recorded
        Map<String, Object> onTheDay = new java.util.HashMap<>(tooShort);
        onTheDay.put("claimFilingDays", 120);
        String id = create(tenant, onTheDay);
        Map<String, Object> revised = new java.util.HashMap<>(onTheDay);
        revised.put("waitingPeriodDays", 91);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(revised).put(POLICIES + "/" + id).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("notificationDays", "claimFilingDays", "waitingPeriodDays"));
        given().auth().oauth2(admin).get(POLICIES + "/" + id + "/versions").then().statusCode(200)
                .body("version", contains(1), "claimFilingDays", contains(120));
    }

    /**
     * A CNY policy with an 80,000 CNY limit revised to USD was recorded as version 2, the limit and claims left in a
     * currency the policy no longer had. Now 400 naming currency, nothing recorded: the policy reads as before.
     */
    @Test
    void aRevisionToAnotherCurrencyIsRefusedNamingIt() {
        String tenant = freshTenant();
        String cm = token(tenant, "credit-manager");
        String id = create(tenant, policy("SIN-1"));
        String buyer = java.util.UUID.randomUUID().toString();
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("decisionId", "D-1", "buyerId", buyer,
                "outcome", "APPROVED", "amount", money("80000.00", "CNY"), "effectiveFrom", "2026-03-01"))
                .post(POLICIES + "/" + id + "/limit-decisions").then().statusCode(201);
        Map<String, Object> dollars = new java.util.HashMap<>(policy("SIN-1"));
        dollars.put("currency", "USD");
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(dollars).put(POLICIES + "/" + id).then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("policy.invalid"), "errors.field", contains("currency"));
        given().auth().oauth2(cm).get(POLICIES + "/" + id + "/versions").then().statusCode(200)
                .body("version", contains(1), "currency", contains("CNY"));
        given().auth().oauth2(cm).get(POLICIES + "/" + id + "/buyers/" + buyer + "/insured-limit").then().statusCode(200)
                .body("insuredLimit.amount", equalTo("80000.00"), "insuredLimit.currency", equalTo("CNY"));
        Map<String, Object> revised = new java.util.HashMap<>(policy("SIN-1"));
        revised.put("insuredPercent", "80");
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(revised).put(POLICIES + "/" + id).then()
                .statusCode(200);
    }

    /**
     * A policy from 1 July 2026 revised from 1 January 2026 was recorded as version 2 and read as in force on 1 March 2026
     * (200, version 2, where it had answered 404): cover before the policy began. Now 400 naming effectiveFrom, nothing
     * recorded; a revision of version 1's own day is a correction.
     */
    @Test
    void aRevisionDatedBeforeThePolicyBeganIsRefusedNamingIt() {
        String tenant = freshTenant();
        String cm = token(tenant, "credit-manager");
        Map<String, Object> first = new java.util.HashMap<>(policy("SIN-8"));
        first.put("effectiveFrom", "2026-07-01");
        String id = create(tenant, first);
        Map<String, Object> earlier = new java.util.HashMap<>(policy("SIN-8"));
        earlier.put("insuredPercent", "80");
        earlier.put("effectiveFrom", "2026-01-01");
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(earlier).put(POLICIES + "/" + id).then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("policy.invalid"), "errors.field", contains("effectiveFrom"));
        given().auth().oauth2(cm).get(POLICIES + "/" + id + "/versions").then().statusCode(200)
                .body("version", contains(1), "effectiveFrom", contains("2026-07-01"));
        given().auth().oauth2(cm).get(POLICIES + "/" + id + "?asOf=2026-03-01").then().statusCode(404)
                .contentType("application/problem+json");
        earlier.put("effectiveFrom", "2026-07-01");
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(earlier).put(POLICIES + "/" + id).then()
                .statusCode(200).body("version", equalTo(2), "insuredPercent", equalTo(80));
        given().auth().oauth2(cm).get(POLICIES + "/" + id + "?asOf=2026-07-01").then().statusCode(200)
                .body("version", equalTo(2));
    }

    @Test
    void aPolicyNumberIsTheTenantsOnce() {
        String tenant = freshTenant();
        create(tenant, policy("SIN-1"));
        String other = create(tenant, policy("SIN-2"));
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(policy("SIN-1"))
                .post(POLICIES).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("policy.number-taken"));
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(policy("SIN-1"))
                .put(POLICIES + "/" + other).then().statusCode(409);
        create(freshTenant(), policy("SIN-1"));
    }

    @Test
    void onlyManagersWriteAndAnotherTenantsPolicyIsNotFound() {
        String tenant = freshTenant();
        for (String role : List.of("collector", "finance", "viewer", "agency")) {
            given().auth().oauth2(token(tenant, role)).contentType(ContentType.JSON).body(policy("SIN-1"))
                    .post(POLICIES).then().statusCode(403);
        }
        String id = create(tenant, policy("SIN-1"));
        given().auth().oauth2(token(tenant, "viewer")).contentType(ContentType.JSON).body(policy("SIN-1"))
                .put(POLICIES + "/" + id).then().statusCode(403);
        given().auth().oauth2(token(tenant, "agency")).get(POLICIES + "/" + id).then().statusCode(403);
        String stranger = token(freshTenant(), "tenant-admin");
        given().auth().oauth2(stranger).get(POLICIES + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(stranger).get(POLICIES + "/" + id + "/versions").then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(policy("SIN-1")).put(POLICIES + "/" + id)
                .then().statusCode(404);
        given().auth().oauth2(stranger).get(POLICIES).then().statusCode(200).body("total", equalTo(0));
        given().get(POLICIES).then().statusCode(401);
        given().auth().oauth2(token(tenant, "viewer")).get(POLICIES + "/" + id).then().statusCode(200)
                .body("deductible.amount", nullValue());
    }
}
