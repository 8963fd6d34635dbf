package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.LedgerFixtures.freshTenant;
import static io.tradecredit.invoice.LedgerFixtures.issue;
import static io.tradecredit.invoice.LedgerFixtures.pay;
import static io.tradecredit.invoice.LedgerFixtures.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

@QuarkusTest
class LateChargeApiTest {
    static final LocalDate DUE = LocalDate.of(2026, 6, 1);
    static final LocalDate ISSUED = DUE.minusDays(30);

    static String charges(String invoiceId) {
        return "/api/v1/invoices/" + invoiceId + "/late-charges";
    }

    static String waivers(String invoiceId) {
        return charges(invoiceId) + "/waivers";
    }

    @Test
    void thirtyDaysPastDueOn10000ShowInterestFeeAndTotalDue() {
        String tenant = freshTenant();
        String id = issue(tenant, UUID.randomUUID(), ISSUED, DUE, "10000.00");
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", DUE.plusDays(30).toString()).get(charges(id))
                .then().statusCode(200)
                .body("daysPastDue", equalTo(30), "open.amount", equalTo("10000.00"),
                        "interest.amount", equalTo("150.00"), "fee.amount", equalTo("300.00"),
                        "waived.total.amount", equalTo("0.00"), "due.total.amount", equalTo("450.00"),
                        "totalDue.amount", equalTo("10450.00"), "totalDue.currency", equalTo("CNY"),
                        "terms.source", equalTo("TENANT"), "terms.dailyRate", equalTo("0.0005"),
                        "terms.feeAfterDays", equalTo(30), "terms.feeRate", equalTo("0.03"));
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", DUE.plusDays(10).toString()).get(charges(id))
                .then().body("interest.amount", equalTo("50.00"), "fee.amount", equalTo("0.00"));
    }

    @Test
    void partialPaymentLowersTheBaseFromItsEffectiveDate() {
        String tenant = freshTenant();
        String id = issue(tenant, UUID.randomUUID(), ISSUED, DUE, "10000.00");
        pay(tenant, id, "4000.00", DUE.plusDays(10));
        // 10,000 x 10 x 0.0005 + 6,000 x 10 x 0.0005 = 80.00
        given().auth().oauth2(token(tenant, "collector")).queryParam("asOf", DUE.plusDays(20).toString())
                .get(charges(id)).then().statusCode(200)
                .body("open.amount", equalTo("6000.00"), "interest.amount", equalTo("80.00"),
                        "totalDue.amount", equalTo("6080.00"));
        // as of the day before the payment, it had not happened yet
        given().auth().oauth2(token(tenant, "collector")).queryParam("asOf", DUE.plusDays(9).toString())
                .get(charges(id)).then().body("open.amount", equalTo("10000.00"), "interest.amount", equalTo("45.00"));
    }

    @Test
    void aReversedPaymentNeverLoweredTheBase() {
        String tenant = freshTenant();
        String id = issue(tenant, UUID.randomUUID(), ISSUED, DUE, "10000.00");
        String payment = pay(tenant, id, "4000.00", DUE.plusDays(1));
        given().auth().oauth2(token(tenant, "finance")).contentType(ContentType.JSON)
                .body(Map.of("reason", "cheque bounced")).post("/api/v1/payments/" + payment + "/reversal")
                .then().statusCode(200);
        // the bounced 4,000 never paid anything: 10,000 x 701 x 0.0005 = 3,505.00; fee 3% of 10,000 at +30
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", DUE.plusDays(701).toString())
                .get(charges(id)).then().statusCode(200)
                .body("open.amount", equalTo("10000.00"), "interest.amount", equalTo("3505.00"),
                        "fee.amount", equalTo("300.00"));
        // and the dated ledger says the same for a day the payment had seemed to count
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", DUE.plusDays(20).toString())
                .get(charges(id)).then().body("open.amount", equalTo("10000.00"), "interest.amount", equalTo("100.00"));
    }

    @Test
    void buyersOwnTermsApplyToItsInvoicesIssuedAfterThemOnlyAndStayWithThem() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String before = issue(tenant, buyer, ISSUED, DUE, "10000.00");
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("dailyRate", "0.0002", "feeAfterDays", 60, "feeRate", "0.01"))
                .put("/api/v1/buyers/" + buyer + "/late-charge-policy").then().statusCode(200);
        String after = issue(tenant, buyer, ISSUED, DUE, "10000.00");
        // the buyer's own terms: 10,000 x 60 x 0.0002 = 120.00; 1% fee = 100.00
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", DUE.plusDays(60).toString()).get(charges(after))
                .then().body("terms.source", equalTo("BUYER"), "interest.amount", equalTo("120.00"),
                        "fee.amount", equalTo("100.00"));
        // the invoice issued before them keeps the tenant's: 10,000 x 60 x 0.0005 = 300.00; 3% fee = 300.00
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", DUE.plusDays(60).toString()).get(charges(before))
                .then().body("terms.source", equalTo("TENANT"), "terms.dailyRate", equalTo("0.0005"),
                        "interest.amount", equalTo("300.00"), "fee.amount", equalTo("300.00"));
        // dropping the buyer's terms does not take them from the invoice issued under them
        given().auth().oauth2(token(tenant, "tenant-admin")).delete("/api/v1/buyers/" + buyer + "/late-charge-policy")
                .then().statusCode(204);
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", DUE.plusDays(60).toString()).get(charges(after))
                .then().body("terms.source", equalTo("BUYER"), "interest.amount", equalTo("120.00"),
                        "fee.amount", equalTo("100.00"));
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/invoices/" + after).then()
                .body("lateChargeTerms.source", equalTo("BUYER"), "lateChargeTerms.dailyRate", equalTo("0.0002"),
                        "lateChargeTerms.feeAfterDays", equalTo(60), "lateChargeTerms.feeRate", equalTo("0.01"));
    }

    /**
     * docs/invoice-service.md's worked example: 100,000 due 2026-03-01, unpaid; on 2026-04-30 (60 days past
     * due) 3,000 interest and a 3,000 fee under 0.05% a day and 3% at 30 days. The tenant then raises its terms
     * to 0.1% and 5%: the invoice still owes 3,000 + 3,000 that day and 0.05% a day after, while an invoice issued
     * after the change is charged 0.1% and 5%.
     */
    @Test
    void anInvoiceRecordedAfterATermsChangeGetsTheNewTermsWhateverItsIssueDate() {
        // no history of terms is kept: the terms are those in force when the invoice is recorded here
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate due = LocalDate.of(2026, 3, 1);
        LocalDate issued = due.minusDays(30); // 2026-01-30, long before the change below
        LocalDate day60 = LocalDate.of(2026, 4, 30);
        String viewer = token(tenant, "viewer");
        String recordedBefore = issue(tenant, buyer, issued, due, "100000.00");
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(PolicyApiTest.policy(48, "0.001", 30, "0.05", 90)).put("/api/v1/policies/invoicing")
                .then().statusCode(200);
        // the same issue date, recorded after the change (a paper invoice keyed in late)
        String recordedAfter = issue(tenant, buyer, issued, due, "100000.00");

        given().auth().oauth2(viewer).queryParam("asOf", day60.toString()).get(charges(recordedBefore)).then()
                .body("interest.amount", equalTo("3000.00"), "fee.amount", equalTo("3000.00"),
                        "terms.dailyRate", equalTo("0.0005"));
        // 100,000 x 60 x 0.1 % = 6,000.00 and 5 % = 5,000.00, though issued when 0.05 % and 3 % were in force
        given().auth().oauth2(viewer).queryParam("asOf", day60.toString()).get(charges(recordedAfter)).then()
                .body("interest.amount", equalTo("6000.00"), "fee.amount", equalTo("5000.00"),
                        "terms.source", equalTo("TENANT"), "terms.dailyRate", equalTo("0.001"),
                        "terms.feeRate", equalTo("0.05"));
    }

    @Test
    void aChangeOfTheTenantsTermsAppliesToInvoicesIssuedAfterItNotToEarlierOnes() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate due = LocalDate.of(2026, 3, 1);
        LocalDate day60 = LocalDate.of(2026, 4, 30);
        String viewer = token(tenant, "viewer");
        String before = issue(tenant, buyer, due.minusDays(30), due, "100000.00");
        given().auth().oauth2(viewer).queryParam("asOf", day60.toString()).get(charges(before)).then()
                .body("daysPastDue", equalTo(60), "interest.amount", equalTo("3000.00"), "fee.amount", equalTo("3000.00"));

        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(PolicyApiTest.policy(48, "0.001", 30, "0.05", 90)).put("/api/v1/policies/invoicing")
                .then().statusCode(200);
        LocalDate laterDue = LocalDate.of(2026, 6, 1);
        String after = issue(tenant, buyer, laterDue.minusDays(30), laterDue, "100000.00");

        given().auth().oauth2(viewer).queryParam("asOf", day60.toString()).get(charges(before)).then()
                .body("interest.amount", equalTo("3000.00"), "fee.amount", equalTo("3000.00"),
                        "terms.source", equalTo("TENANT"), "terms.dailyRate", equalTo("0.0005"),
                        "terms.feeRate", equalTo("0.03"));
        // ten more days at 0.05%: 3,500.00
        given().auth().oauth2(viewer).queryParam("asOf", day60.plusDays(10).toString()).get(charges(before)).then()
                .body("interest.amount", equalTo("3500.00"), "fee.amount", equalTo("3000.00"));
        // 60 days past due on 2026-07-31: 100,000 x 60 x 0.1% = 6,000.00; 5% = 5,000.00
        LocalDate laterDay60 = LocalDate.of(2026, 7, 31);
        given().auth().oauth2(viewer).queryParam("asOf", laterDay60.toString()).get(charges(after)).then()
                .body("interest.amount", equalTo("6000.00"), "fee.amount", equalTo("5000.00"),
                        "terms.dailyRate", equalTo("0.001"), "terms.feeRate", equalTo("0.05"));
        given().auth().oauth2(viewer).get("/api/v1/invoices/" + before).then()
                .body("lateChargeTerms.source", equalTo("TENANT"), "lateChargeTerms.dailyRate", equalTo("0.0005"),
                        "lateChargeTerms.feeAfterDays", equalTo(30), "lateChargeTerms.feeRate", equalTo("0.03"));
        given().auth().oauth2(viewer).get("/api/v1/invoices/" + after).then()
                .body("lateChargeTerms.dailyRate", equalTo("0.001"), "lateChargeTerms.feeRate", equalTo("0.05"));

        // the buyer's statement: each invoice under its own terms; 2026-03-01 to 2026-07-31 is 152 days at 0.05%
        given().auth().oauth2(viewer).queryParam("asOf", laterDay60.toString())
                .get("/api/v1/buyers/" + buyer + "/statement").then().statusCode(200)
                .body("lateChargeTerms.dailyRate", equalTo("0.001"),
                        "invoices.invoiceId", contains(before, after),
                        "invoices[0].lateCharges.interest.amount", equalTo("7600.00"),
                        "invoices[0].lateCharges.fee.amount", equalTo("3000.00"),
                        "invoices[0].lateChargeTerms.dailyRate", equalTo("0.0005"),
                        "invoices[1].lateCharges.interest.amount", equalTo("6000.00"),
                        "invoices[1].lateCharges.fee.amount", equalTo("5000.00"),
                        "invoices[1].lateChargeTerms.dailyRate", equalTo("0.001"),
                        "totals[0].lateCharges.amount", equalTo("21600.00"));
    }

    @Test
    void waiverIsAuditedAndShowsAsWaivedFromItsDateOn() {
        String tenant = freshTenant();
        LocalDate today = PlatformZone.today();
        String id = issue(tenant, UUID.randomUUID(), today.minusDays(70), today.minusDays(40), "10000.00");
        String finance = Tokens.tenant(tenant).roles("finance").subject("li.na").mint();

        given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body(Map.of("scope", "FEE", "reason", "key customer, first late payment in 5 years"))
                .post(waivers(id)).then().statusCode(201)
                .body("scope", equalTo("FEE"), "feeWaived.amount", equalTo("300.00"),
                        "interestWaived.amount", equalTo("0.00"), "waivedBy", equalTo("li.na"),
                        "waivedOn", equalTo(today.toString()), "reason", equalTo("key customer, first late payment in 5 years"),
                        "terms.feeRate", equalTo("0.03"));

        // 40 days on 10,000 = 200.00 interest stays due; the 300.00 fee is waived
        given().auth().oauth2(token(tenant, "viewer")).get(charges(id)).then().statusCode(200)
                .body("interest.amount", equalTo("200.00"), "fee.amount", equalTo("300.00"),
                        "waived.fee.amount", equalTo("300.00"), "due.total.amount", equalTo("200.00"),
                        "totalDue.amount", equalTo("10200.00"));
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", today.minusDays(1).toString()).get(charges(id))
                .then().body("waived.total.amount", equalTo("0.00"));
        given().auth().oauth2(token(tenant, "viewer")).get(waivers(id)).then().statusCode(200)
                .body("size()", equalTo(1), "[0].waivedBy", equalTo("li.na"), "[0].totalWaived.amount", equalTo("300.00"));

        // the fee is waived already: nothing left to waive in that scope
        given().auth().oauth2(finance).contentType(ContentType.JSON).body(Map.of("scope", "FEE", "reason", "again"))
                .post(waivers(id)).then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("scope", "ALL", "reason", "settlement")).post(waivers(id)).then().statusCode(201)
                .body("interestWaived.amount", equalTo("200.00"), "feeWaived.amount", equalTo("0.00"));
        assertEquals(2, Database.count("select count(*) from late_charge_waiver where invoice_id = ?", UUID.fromString(id)));
    }

    @Test
    void badWaiverNamesTheFieldAndRecordsNothing() {
        String tenant = freshTenant();
        LocalDate today = PlatformZone.today();
        String id = issue(tenant, UUID.randomUUID(), today.minusDays(70), today.minusDays(40), "10000.00");
        String manager = token(tenant, "credit-manager");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("scope", "SOME", "reason", "x"))
                .post(waivers(id)).then().statusCode(400).body("errors[0].field", equalTo("scope"));
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("scope", "ALL", "reason", " "))
                .post(waivers(id)).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post(waivers(id)).then().statusCode(400).body("errors[0].field", equalTo("scope"));
        given().auth().oauth2(manager).queryParam("asOf", "yesterday").get(charges(id)).then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        assertEquals(0, Database.count("select count(*) from late_charge_waiver where invoice_id = ?", UUID.fromString(id)));
    }

    @Test
    void onlyAdminsCreditManagersAndFinanceWaive() {
        String tenant = freshTenant();
        LocalDate today = PlatformZone.today();
        String id = issue(tenant, UUID.randomUUID(), today.minusDays(70), today.minusDays(40), "10000.00");
        for (String role : new String[] {"viewer", "collector"}) {
            given().auth().oauth2(token(tenant, role)).contentType(ContentType.JSON)
                    .body(Map.of("scope", "ALL", "reason", "x")).post(waivers(id)).then().statusCode(403);
        }
        given().auth().oauth2(Tokens.tenant(tenant).roles("agency").agency("swiftcollect").mint()).get(charges(id))
                .then().statusCode(403);
        given().get(charges(id)).then().statusCode(401);
    }

    @Test
    void otherTenantsInvoiceAnswers404() {
        String tenant = freshTenant();
        String id = issue(tenant, UUID.randomUUID(), ISSUED, DUE, "10000.00");
        String stranger = token(freshTenant(), "tenant-admin");
        given().auth().oauth2(stranger).get(charges(id)).then().statusCode(404);
        given().auth().oauth2(stranger).get(waivers(id)).then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("scope", "ALL", "reason", "x"))
                .post(waivers(id)).then().statusCode(404);
        given().auth().oauth2(stranger).get(charges(UUID.randomUUID().toString())).then().statusCode(404);
    }

    @Test
    void disputedPartIsFreeOfInterestWhileTheDisputeRuns() {
        String tenant = freshTenant();
        String id = issue(tenant, UUID.randomUUID(), ISSUED, DUE, "10000.00");
        given().auth().oauth2(token(tenant, "collector")).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("type", "QUALITY", "description", "two pallets damaged",
                        "disputedAmount", java.util.Map.of("amount", "2000.00", "currency", "CNY"),
                        "raisedOn", DUE.plusDays(10).toString()))
                .post("/api/v1/invoices/" + id + "/disputes").then().statusCode(201);
        // June 1-10 on 10,000 and June 11-20 on 8,000: (100,000 + 80,000) x 0.0005 = 90.00
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", DUE.plusDays(20).toString()).get(charges(id))
                .then().statusCode(200).body("interest.amount", equalTo("90.00"));
    }

}
