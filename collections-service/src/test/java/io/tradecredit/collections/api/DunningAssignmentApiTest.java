package io.tradecredit.collections.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.api.DunningFixtures.freshTenant;
import static io.tradecredit.collections.api.DunningFixtures.ladder;
import static io.tradecredit.collections.api.DunningFixtures.money;
import static io.tradecredit.collections.api.DunningFixtures.today;
import static io.tradecredit.collections.api.DunningFixtures.token;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Database;

@QuarkusTest
class DunningAssignmentApiTest {
    static final String ASSIGNMENTS = "/api/v1/dunning/assignments";

    static String buyerLadder(UUID buyer) {
        return "/api/v1/dunning/buyers/" + buyer + "/ladder";
    }

    static void putLadder(String tenant, String key) {
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON).body(ladder(null))
                .put("/api/v1/dunning/ladders/" + key).then().statusCode(200);
    }

    /** A buyer the read model knows from credit-events, graded (or not: null). */
    static UUID buyer(String tenant, Integer grade) {
        UUID buyer = UUID.randomUUID();
        Database.execute("insert into buyer (tenant_id, buyer_id, name, grade, updated_at) values (?, ?, 'Globex', ?, now())",
                tenant, buyer, grade);
        return buyer;
    }

    /** An open invoice of the buyer in the read model, as invoice-events left it. */
    static void owes(String tenant, UUID buyer, String amount, String currency, LocalDate due) {
        UUID invoice = UUID.randomUUID();
        Database.execute("insert into open_invoice (tenant_id, invoice_id, buyer_id, invoice_number, currency, total,"
                + " open_amount, collectible_amount, due_date, updated_at) values (?, ?, ?, ?, ?, ?::numeric, ?::numeric,"
                + " ?::numeric, ?, now())", tenant, invoice, buyer, "INV-" + invoice.toString().substring(0, 8), currency,
                amount, amount, amount, due);
    }

    /** Grades 7-10 on "risky"; 100,000 CNY and more overdue on "big-buyers"; one buyer of its own on "vip". */
    static Map<String, Object> assignments(UUID vip, Object effectiveFrom) {
        Map<String, Object> body = new HashMap<>();
        body.put("effectiveFrom", effectiveFrom);
        body.put("defaultLadderKey", "default");
        body.put("segmentRules", List.of(Map.of("name", "high risk", "ladderKey", "risky", "minGrade", 7, "maxGrade", 10),
                Map.of("name", "big debts", "ladderKey", "big-buyers", "minOverdue", money("100000.00", "CNY"))));
        body.put("buyerLadders", List.of(Map.of("buyerId", vip.toString(), "ladderKey", "vip")));
        return body;
    }

    @Test
    void aTenantWithoutAssignmentsPutsEveryBuyerOnTheDefaultLadder() {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "viewer")).get(ASSIGNMENTS).then().statusCode(200)
                .body("version", equalTo(0), "source", equalTo("PLATFORM"), "defaultLadderKey", equalTo("default"),
                        "segmentRules", empty(), "buyerLadders", empty());
        UUID buyer = buyer(tenant, null);
        given().auth().oauth2(token(tenant, "collector")).get(buyerLadder(buyer)).then().statusCode(200)
                .body("buyerId", equalTo(buyer.toString()), "asOf", equalTo(today().toString()),
                        "ladderKey", equalTo("default"), "ladderVersion", equalTo(0), "source", equalTo("TENANT_DEFAULT"),
                        "segmentRule", nullValue(), "policyVersion", equalTo(0));
    }

    @Test
    void aBuyerTheReadModelNeverSawAnswers404AndOneKnownOnlyFromItsInvoicesIsUngraded() {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "viewer")).get(buyerLadder(UUID.randomUUID())).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("buyer.not-found"));
        putLadder(tenant, "risky");
        putLadder(tenant, "big-buyers");
        putLadder(tenant, "vip");
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(assignments(UUID.randomUUID(), null)).put(ASSIGNMENTS).then().statusCode(200);
        UUID invoicedOnly = UUID.randomUUID();
        owes(tenant, invoicedOnly, "150000.00", "CNY", today().minusDays(3));
        given().auth().oauth2(token(tenant, "viewer")).get(buyerLadder(invoicedOnly)).then().statusCode(200)
                .body("ladderKey", equalTo("big-buyers"), "segmentRule", equalTo("big debts"));
    }

    @Test
    void buyerBeatsSegmentsAndTheFirstMatchingSegmentWinsWithTheLadderVersionInForce() {
        String tenant = freshTenant();
        putLadder(tenant, "risky");
        putLadder(tenant, "big-buyers");
        putLadder(tenant, "vip");
        UUID vip = UUID.randomUUID();
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON)
                .body(assignments(vip, null)).put(ASSIGNMENTS).then().statusCode(200)
                .body("version", equalTo(1), "source", equalTo("TENANT"), "effectiveFrom", equalTo(today().toString()),
                        "segmentRules[1].minOverdue.amount", equalTo("100000.00"),
                        "buyerLadders[0].buyerId", equalTo(vip.toString()));
        String viewer = token(tenant, "viewer");
        // the VIP is graded 9 and owes 200,000 (credit-events and invoice-events): its own ladder still wins
        UUID vipKnown = vip;
        Database.execute("insert into buyer (tenant_id, buyer_id, grade, updated_at) values (?, ?, 9, now())", tenant, vip);
        owes(tenant, vip, "200000.00", "CNY", today().minusDays(10));
        given().auth().oauth2(viewer).get(buyerLadder(vipKnown)).then().statusCode(200)
                .body("ladderKey", equalTo("vip"), "source", equalTo("BUYER"), "policyVersion", equalTo(1),
                        "ladderVersion", equalTo(1));
        // graded 9 and owing 200,000: both segments match, the first listed wins
        UUID risky = buyer(tenant, 9);
        owes(tenant, risky, "200000.00", "CNY", today().minusDays(10));
        given().auth().oauth2(viewer).get(buyerLadder(risky)).then()
                .body("ladderKey", equalTo("risky"), "source", equalTo("SEGMENT"), "segmentRule", equalTo("high risk"));
        // graded 3, 60,000 + 40,000 CNY overdue: 100,000 in all, in the band
        UUID big = buyer(tenant, 3);
        owes(tenant, big, "60000.00", "CNY", today().minusDays(10));
        owes(tenant, big, "40000.00", "CNY", today().minusDays(1));
        given().auth().oauth2(viewer).get(buyerLadder(big)).then()
                .body("ladderKey", equalTo("big-buyers"), "segmentRule", equalTo("big debts"));
        // the same amount in another currency is not in a CNY band
        UUID dollars = buyer(tenant, 3);
        owes(tenant, dollars, "100000.00", "USD", today().minusDays(10));
        given().auth().oauth2(viewer).get(buyerLadder(dollars)).then()
                .body("ladderKey", equalTo("default"), "source", equalTo("TENANT_DEFAULT"), "ladderVersion", equalTo(0));
        // 100,000 CNY due today is not overdue today, and is tomorrow
        UUID dueToday = buyer(tenant, 3);
        owes(tenant, dueToday, "100000.00", "CNY", today());
        given().auth().oauth2(viewer).get(buyerLadder(dueToday)).then().body("ladderKey", equalTo("default"));
        given().auth().oauth2(viewer).queryParam("asOf", today().plusDays(1).toString()).get(buyerLadder(dueToday))
                .then().body("ladderKey", equalTo("big-buyers"));
        // before the assignments were in force, every buyer was on the default ladder
        given().auth().oauth2(viewer).queryParam("asOf", today().minusDays(1).toString()).get(buyerLadder(vip)).then()
                .body("ladderKey", equalTo("default"), "policyVersion", equalTo(0));
    }

    @Test
    void leftOutInsuredIsWhatTheInsurersDecisionsSayAndTheCallerMayAskWhatIf() {
        String tenant = freshTenant();
        putLadder(tenant, "covered");
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("defaultLadderKey", "default", "segmentRules",
                        List.of(Map.of("name", "insured", "ladderKey", "covered", "insured", true))))
                .put(ASSIGNMENTS).then().statusCode(200);
        UUID buyer = buyer(tenant, 4);
        String viewer = token(tenant, "viewer");
        // no insurer's decision on the buyer: not insured
        given().auth().oauth2(viewer).get(buyerLadder(buyer)).then().body("ladderKey", equalTo("default"),
                "insured", equalTo(false));
        given().auth().oauth2(viewer).queryParam("insured", true).get(buyerLadder(buyer)).then()
                .body("ladderKey", equalTo("covered"), "segmentRule", equalTo("insured"), "insured", equalTo(true));
    }

    @Test
    void aNewVersionAppliesFromItsDateAndTheOldOneStaysReadable() {
        String tenant = freshTenant();
        putLadder(tenant, "risky");
        putLadder(tenant, "big-buyers");
        putLadder(tenant, "vip");
        String admin = token(tenant, "tenant-admin");
        UUID vip = buyer(tenant, null);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(assignments(vip, null)).put(ASSIGNMENTS)
                .then().statusCode(200);
        Map<String, Object> next = Map.of("effectiveFrom", today().plusDays(7).toString(), "defaultLadderKey", "big-buyers");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(next).put(ASSIGNMENTS).then().statusCode(200)
                .body("version", equalTo(2), "segmentRules", empty());
        String viewer = token(tenant, "viewer");
        given().auth().oauth2(viewer).get(ASSIGNMENTS).then().body("version", equalTo(1));
        given().auth().oauth2(viewer).queryParam("asOf", today().plusDays(7).toString()).get(ASSIGNMENTS).then()
                .body("version", equalTo(2), "defaultLadderKey", equalTo("big-buyers"));
        given().auth().oauth2(viewer).queryParam("version", 1).get(ASSIGNMENTS).then()
                .body("segmentRules[0].name", equalTo("high risk"));
        given().auth().oauth2(viewer).queryParam("version", 3).get(ASSIGNMENTS).then().statusCode(404);
        given().auth().oauth2(viewer).queryParam("asOf", today().plusDays(7).toString()).get(buyerLadder(vip)).then()
                .body("ladderKey", equalTo("big-buyers"), "source", equalTo("TENANT_DEFAULT"), "policyVersion", equalTo(2));
    }

    @Test
    void everyWrongFieldIsNamedIncludingLaddersTheTenantHasNotSetAndNothingIsSaved() {
        String tenant = freshTenant();
        putLadder(tenant, "risky");
        UUID buyer = UUID.randomUUID();
        Map<String, Object> wrong = new HashMap<>();
        wrong.put("effectiveFrom", today().minusDays(1).toString());
        wrong.put("defaultLadderKey", "nowhere");
        wrong.put("segmentRules", List.of(Map.of("name", "upside down", "ladderKey", "risky", "minGrade", 8, "maxGrade", 3),
                Map.of("ladderKey", "ghost", "minGrade", 11),
                Map.of("name", "bands", "ladderKey", "risky", "minOverdue", money("10.00", "CNY"), "maxOverdue", money("20.00", "USD"))));
        wrong.put("buyerLadders", List.of(Map.of("buyerId", buyer.toString(), "ladderKey", "risky"),
                Map.of("buyerId", buyer.toString(), "ladderKey", "risky"), Map.of("ladderKey", "risky"),
                Map.of("buyerId", UUID.randomUUID().toString(), "ladderKey", "ghost")));
        String admin = token(tenant, "tenant-admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(wrong).put(ASSIGNMENTS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("effectiveFrom", "defaultLadderKey", "segmentRules[0].maxGrade",
                        "segmentRules[1].name", "segmentRules[1].minGrade", "segmentRules[1].ladderKey",
                        "segmentRules[2].maxOverdue", "buyerLadders[1].buyerId", "buyerLadders[2].buyerId",
                        "buyerLadders[3].ladderKey"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of()).put(ASSIGNMENTS).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("defaultLadderKey"));
        given().auth().oauth2(admin).get(ASSIGNMENTS).then().body("version", equalTo(0));
        given().auth().oauth2(admin).queryParams("asOf", "someday").get(buyerLadder(buyer)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void onlyTenantAdminAndCreditManagerChangeAssignmentsAndATenantSeesOnlyItsOwn() {
        String owner = freshTenant();
        putLadder(owner, "risky");
        putLadder(owner, "big-buyers");
        putLadder(owner, "vip");
        UUID vip = buyer(owner, 9);
        for (String role : new String[] {"viewer", "collector", "finance"}) {
            given().auth().oauth2(token(owner, role)).contentType(ContentType.JSON).body(assignments(vip, null))
                    .put(ASSIGNMENTS).then().statusCode(403);
        }
        given().auth().oauth2(token(owner, "tenant-admin")).contentType(ContentType.JSON).body(assignments(vip, null))
                .put(ASSIGNMENTS).then().statusCode(200);
        String other = token(freshTenant(), "tenant-admin");
        given().auth().oauth2(other).queryParam("version", 1).get(ASSIGNMENTS).then().statusCode(404);
        // another tenant's read model never saw this buyer
        given().auth().oauth2(other).get(buyerLadder(vip)).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token(owner, "viewer")).get(buyerLadder(vip)).then().statusCode(200)
                .body("ladderKey", equalTo("vip"));
    }
}
