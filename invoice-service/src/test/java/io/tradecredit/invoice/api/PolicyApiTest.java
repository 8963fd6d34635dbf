package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.LedgerFixtures.freshTenant;
import static io.tradecredit.invoice.LedgerFixtures.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.invoice.LedgerFixtures;
import io.tradecredit.testing.Tokens;

@QuarkusTest
class PolicyApiTest {
    static final String POLICY = "/api/v1/policies/invoicing";

    static Map<String, Object> policy(Object hours, Object dailyRate, Object feeAfterDays, Object feeRate, Object dso) {
        return Map.of("issueDeadlineHours", hours,
                "lateCharges", Map.of("dailyRate", dailyRate, "feeAfterDays", feeAfterDays, "feeRate", feeRate),
                "dsoPeriodDays", dso);
    }

    /** The same with the legal basis of the late charges, the text a +30 demand letter quotes. */
    static Map<String, Object> policy(Object hours, Object dailyRate, Object feeAfterDays, Object feeRate, Object dso,
            String legalBasis) {
        return Map.of("issueDeadlineHours", hours, "lateCharges", Map.of("dailyRate", dailyRate,
                "feeAfterDays", feeAfterDays, "feeRate", feeRate, "legalBasis", legalBasis), "dsoPeriodDays", dso);
    }

    static String buyerPolicy(UUID buyer) {
        return "/api/v1/buyers/" + buyer + "/late-charge-policy";
    }

    @Test
    void newTenantHasTheDefaultsUntilItsAdminChangesThem() {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "viewer")).get(POLICY).then().statusCode(200)
                .body("issueDeadlineHours", equalTo(48), "lateCharges.dailyRate", equalTo("0.0005"),
                        "lateCharges.feeAfterDays", equalTo(30), "lateCharges.feeRate", equalTo("0.03"),
                        "dsoPeriodDays", equalTo(90));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(policy(24, "0.0003", 45, 0.02, 60)).put(POLICY).then().statusCode(200)
                .body("lateCharges.dailyRate", equalTo("0.0003"), "lateCharges.feeRate", equalTo("0.02"));
        given().auth().oauth2(token(tenant, "collector")).get(POLICY).then().statusCode(200)
                .body("issueDeadlineHours", equalTo(24), "lateCharges.feeAfterDays", equalTo(45),
                        "dsoPeriodDays", equalTo(60));
    }

    @Test
    void lateChargeStatementDaysAreTheTenantsToSetAWeekByDefaultAndAtLeastOneDay() {
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        given().auth().oauth2(token(tenant, "viewer")).get(POLICY).then().statusCode(200)
                .body("lateChargeStatementDays", equalTo(7));
        Map<String, Object> often = new HashMap<>(policy(48, "0.0005", 30, "0.03", 90));
        often.put("lateChargeStatementDays", 3);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(often).put(POLICY).then().statusCode(200)
                .body("lateChargeStatementDays", equalTo(3));
        given().auth().oauth2(token(tenant, "viewer")).get(POLICY).then().body("lateChargeStatementDays", equalTo(3));

        often.put("lateChargeStatementDays", 0);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(often).put(POLICY).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("lateChargeStatementDays"));
        given().auth().oauth2(token(tenant, "viewer")).get(POLICY).then().body("lateChargeStatementDays", equalTo(3));
    }

    @Test
    void issueDateToleranceAndUnknownBuyersAreTheTenantsToSetAndDefaultWhenLeftOut() {
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        given().auth().oauth2(token(tenant, "viewer")).get(POLICY).then().statusCode(200)
                .body("issueDateToleranceDays", equalTo(1), "unknownBuyers", equalTo("ACCEPT"));
        Map<String, Object> strict = new HashMap<>(policy(48, "0.0005", 30, "0.03", 90));
        strict.put("issueDateToleranceDays", 0);
        strict.put("unknownBuyers", "REFUSE");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(strict).put(POLICY).then().statusCode(200);
        given().auth().oauth2(token(tenant, "viewer")).get(POLICY).then()
                .body("issueDateToleranceDays", equalTo(0), "unknownBuyers", equalTo("REFUSE"));

        Map<String, Object> wrong = new HashMap<>(strict);
        wrong.put("issueDateToleranceDays", -1);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(wrong).put(POLICY).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("issueDateToleranceDays"));
        wrong.put("issueDateToleranceDays", 1);
        wrong.put("unknownBuyers", "SOMETIMES");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(wrong).put(POLICY).then().statusCode(400)
                .body("errors[0].field", equalTo("unknownBuyers"));
        given().auth().oauth2(token(tenant, "viewer")).get(POLICY).then()
                .body("issueDateToleranceDays", equalTo(0), "unknownBuyers", equalTo("REFUSE"));

        // a PUT written before these settings existed sets them back to their defaults
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(policy(48, "0.0005", 30, "0.03", 90)).put(POLICY)
                .then().statusCode(200).body("issueDateToleranceDays", equalTo(1), "unknownBuyers", equalTo("ACCEPT"));
    }

    @Test
    void invalidPolicyIsRefusedNamingEveryFieldAndNothingChanges() {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("issueDeadlineHours", -1, "lateCharges", Map.of("dailyRate", 5, "feeAfterDays", 0),
                        "dsoPeriodDays", 0))
                .put(POLICY).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("dsoPeriodDays", "issueDeadlineHours", "lateCharges.dailyRate",
                        "lateCharges.feeAfterDays", "lateCharges.feeRate"));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(policy(48, "0.000000001", 30, "0.03", 90)).put(POLICY).then().statusCode(400)
                .body("errors[0].field", equalTo("lateCharges.dailyRate"));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(policy(48, "lots", 30, "0.03", 90)).put(POLICY).then().statusCode(400)
                .body("errors[0].field", equalTo("lateCharges.dailyRate"));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("issueDeadlineHours", 48, "dsoPeriodDays", 90)).put(POLICY).then().statusCode(400)
                .body("errors[0].field", equalTo("lateCharges"));
        given().auth().oauth2(token(tenant, "viewer")).get(POLICY).then()
                .body("issueDeadlineHours", equalTo(48), "lateCharges.dailyRate", equalTo("0.0005"));
    }

    @Test
    void onlyTheTenantAdminChangesThePolicy() {
        String tenant = freshTenant();
        for (String role : new String[] {"finance", "credit-manager", "viewer"}) {
            given().auth().oauth2(token(tenant, role)).contentType(ContentType.JSON)
                    .body(policy(48, "0.001", 30, "0.03", 90)).put(POLICY).then().statusCode(403);
        }
        given().auth().oauth2(Tokens.tenant(tenant).roles("agency").agency("swiftcollect").mint()).get(POLICY)
                .then().statusCode(403);
        given().get(POLICY).then().statusCode(401);
    }

    /** A buyer the tenant has invoiced, so the buyer endpoints know it. */
    static UUID invoicedBuyer(String tenant) {
        UUID buyer = UUID.randomUUID();
        LedgerFixtures.issue(tenant, buyer, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "1000.00");
        return buyer;
    }

    @Test
    void buyerTermsOverrideTheTenantsUntilDeleted() {
        String tenant = freshTenant();
        UUID buyer = invoicedBuyer(tenant);
        String manager = token(tenant, "credit-manager");
        given().auth().oauth2(token(tenant, "viewer")).get(buyerPolicy(buyer)).then().statusCode(200)
                .body("buyerId", equalTo(buyer.toString()), "lateCharges.source", equalTo("TENANT"),
                        "lateCharges.dailyRate", equalTo("0.0005"));
        given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("dailyRate", "0.0002", "feeAfterDays", 60, "feeRate", "0.01")).put(buyerPolicy(buyer))
                .then().statusCode(200).body("lateCharges.source", equalTo("BUYER"));
        given().auth().oauth2(token(tenant, "viewer")).get(buyerPolicy(buyer)).then()
                .body("lateCharges.source", equalTo("BUYER"), "lateCharges.dailyRate", equalTo("0.0002"),
                        "lateCharges.feeAfterDays", equalTo(60), "lateCharges.feeRate", equalTo("0.01"));
        given().auth().oauth2(token(tenant, "tenant-admin")).delete(buyerPolicy(buyer)).then().statusCode(204);
        given().auth().oauth2(token(tenant, "viewer")).get(buyerPolicy(buyer)).then()
                .body("lateCharges.source", equalTo("TENANT"));
        given().auth().oauth2(manager).delete(buyerPolicy(buyer)).then().statusCode(404);
    }

    @Test
    void invalidBuyerTermsNameTheFieldAndOnlyAdminsAndCreditManagersSetThem() {
        String tenant = freshTenant();
        UUID buyer = invoicedBuyer(tenant);
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("dailyRate", "0.0002", "feeAfterDays", 60, "feeRate", "3")).put(buyerPolicy(buyer))
                .then().statusCode(400).body("errors.field", contains("feeRate"));
        given().auth().oauth2(token(tenant, "finance")).contentType(ContentType.JSON)
                .body(Map.of("dailyRate", "0.0002", "feeAfterDays", 60, "feeRate", "0.01")).put(buyerPolicy(buyer))
                .then().statusCode(403);
        given().auth().oauth2(token(tenant, "collector")).delete(buyerPolicy(buyer)).then().statusCode(403);
        given().auth().oauth2(token(tenant, "viewer")).get(buyerPolicy(buyer)).then()
                .body("lateCharges.source", equalTo("TENANT"));
    }

    @Test
    void buyerTermsOfOneTenantAreInvisibleToAnother() {
        String tenant = freshTenant();
        UUID buyer = invoicedBuyer(tenant);
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("dailyRate", "0.0002", "feeAfterDays", 60, "feeRate", "0.01")).put(buyerPolicy(buyer))
                .then().statusCode(200);
        given().auth().oauth2(token(freshTenant(), "viewer")).get(buyerPolicy(buyer)).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token(freshTenant(), "tenant-admin")).delete(buyerPolicy(buyer)).then().statusCode(404);
    }

    /**
     * The legal basis of the late charges (quoted by the +30 demand letter) is the tenant's and each buyer's to
     * state, read back as saved; blank is none; longer than 2,000 characters is refused naming it, nothing changed.
     */
    @Test
    void legalBasisOfTheLateChargesIsStatedAndReadBackForTenantAndBuyer() {
        String tenant = freshTenant();
        String admin = token(tenant, "tenant-admin");
        String basis = "Contract §7.2; PRC Civil Code arts. 577, 579";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(policy(48, "0.0005", 30, "0.03", 90, basis))
                .put(POLICY).then().statusCode(200).body("lateCharges.legalBasis", equalTo(basis));
        given().auth().oauth2(token(tenant, "viewer")).get(POLICY).then().body("lateCharges.legalBasis", equalTo(basis));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(policy(48, "0.001", 30, "0.03", 90, "x".repeat(2001))).put(POLICY).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("lateCharges.legalBasis"));
        given().auth().oauth2(token(tenant, "viewer")).get(POLICY).then()
                .body("lateCharges.legalBasis", equalTo(basis), "lateCharges.dailyRate", equalTo("0.0005"));

        UUID buyer = invoicedBuyer(tenant);
        // the buyer answers the tenant's text until it has terms of its own
        given().auth().oauth2(token(tenant, "viewer")).get(buyerPolicy(buyer)).then()
                .body("lateCharges.source", equalTo("TENANT"), "lateCharges.legalBasis", equalTo(basis));
        String own = "Key account agreement 2026-KA-17 §4; PRC Civil Code art. 585";
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("dailyRate", "0.0002", "feeAfterDays", 60, "feeRate", "0.01", "legalBasis", own))
                .put(buyerPolicy(buyer)).then().statusCode(200).body("lateCharges.legalBasis", equalTo(own));
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("dailyRate", "0.0003", "feeAfterDays", 60, "feeRate", "0.01", "legalBasis", "x".repeat(2001)))
                .put(buyerPolicy(buyer)).then().statusCode(400).body("errors.field", contains("legalBasis"));
        given().auth().oauth2(token(tenant, "viewer")).get(buyerPolicy(buyer)).then()
                .body("lateCharges.source", equalTo("BUYER"), "lateCharges.legalBasis", equalTo(own),
                        "lateCharges.dailyRate", equalTo("0.0002"));

        // blank states none
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(policy(48, "0.0005", 30, "0.03", 90, "  "))
                .put(POLICY).then().statusCode(200).body("lateCharges.legalBasis", nullValue());
    }
}
