package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.LedgerFixtures.cny;
import static io.tradecredit.invoice.LedgerFixtures.freshTenant;
import static io.tradecredit.invoice.LedgerFixtures.invoice;
import static io.tradecredit.invoice.LedgerFixtures.issue;
import static io.tradecredit.invoice.LedgerFixtures.pay;
import static io.tradecredit.invoice.LedgerFixtures.post;
import static io.tradecredit.invoice.LedgerFixtures.raiseDispute;
import static io.tradecredit.invoice.LedgerFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.invoice.LedgerFixtures;
import io.tradecredit.testing.Tokens;

@QuarkusTest
class ReportApiTest {
    static final LocalDate A = LocalDate.of(2026, 9, 30);

    @Test
    void agingPutsEachOpenInvoiceInItsBucketAsOfTheDate() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        issue(tenant, buyer, A.minusDays(10), A.plusDays(20), "1000.00");               // current
        issue(tenant, buyer, A.minusDays(45), A.minusDays(15), "2000.00");              // 15 DPD
        pay(tenant, issue(tenant, buyer, A.minusDays(75), A.minusDays(45), "3000.00"), "500.00", A.minusDays(5)); // 45 DPD
        pay(tenant, issue(tenant, buyer, A.minusDays(100), A.minusDays(70), "4000.00"), "4000.00", A.plusDays(1)); // paid later
        issue(tenant, other, A.minusDays(150), A.minusDays(120), "5000.00");            // 120 DPD
        pay(tenant, issue(tenant, buyer, A.minusDays(150), A.minusDays(120), "600.00"), "600.00", A.minusDays(1)); // paid
        issue(tenant, buyer, A.plusDays(1), A.plusDays(31), "1100.00");                 // not yet issued

        String viewer = token(tenant, "viewer");
        given().auth().oauth2(viewer).queryParam("asOf", A.toString()).get("/api/v1/reports/aging").then()
                .statusCode(200).body("asOf", equalTo(A.toString()), "currencies.size()", equalTo(1),
                        "currencies[0].currency", equalTo("CNY"),
                        "currencies[0].current.amount.amount", equalTo("1000.00"),
                        "currencies[0].current.invoices", equalTo(1),
                        "currencies[0].days1to30.amount.amount", equalTo("2000.00"),
                        "currencies[0].days31to60.amount.amount", equalTo("2500.00"),
                        "currencies[0].days61to90.amount.amount", equalTo("4000.00"),
                        "currencies[0].over90.amount.amount", equalTo("5000.00"),
                        "currencies[0].total.amount.amount", equalTo("14500.00"),
                        "currencies[0].total.invoices", equalTo(5));
        // a day later the 4,000.00 is paid and the 1,100.00 issued
        given().auth().oauth2(viewer).queryParam("asOf", A.plusDays(1).toString()).get("/api/v1/reports/aging").then()
                .body("currencies[0].current.amount.amount", equalTo("2100.00"),
                        "currencies[0].current.invoices", equalTo(2),
                        "currencies[0].days61to90.invoices", equalTo(0),
                        "currencies[0].total.amount.amount", equalTo("11600.00"));
        given().auth().oauth2(viewer).queryParam("asOf", A.toString()).queryParam("buyerId", other.toString())
                .get("/api/v1/reports/aging").then().statusCode(200)
                .body("buyerId", equalTo(other.toString()), "currencies[0].over90.amount.amount", equalTo("5000.00"),
                        "currencies[0].total.invoices", equalTo(1));
    }

    @Test
    void agingAndDsoCountWhatCreditNotesPaymentsAndWriteOffsLeftOpenDisputesIncludedEachCurrencyApart() {
        String tenant = freshTenant();
        String finance = token(tenant, "finance");
        UUID buyer = UUID.randomUUID();
        LocalDate today = PlatformZone.today();
        String credited = issue(tenant, buyer, today.minusDays(50), today.minusDays(20), "10000.00");
        post(finance, "/api/v1/invoices/" + credited + "/credit-notes", Map.of("amount", cny("2000.00"),
                "reason", "price difference")).statusCode(201);                          // 8,000.00 at 20 DPD
        String disputed = issue(tenant, buyer, today.minusDays(80), today.minusDays(45), "6000.00");
        raiseDispute(token(tenant, "collector"), disputed, "QUALITY", "1000.00", "cracked housings",
                "photo-1.jpg", today.minusDays(5));                                         // still owed: 6,000.00 at 45 DPD
        pay(tenant, issue(tenant, buyer, today.minusDays(100), today.minusDays(70), "4000.00"), "1500.00",
                today.minusDays(10));                                                        // 2,500.00 at 70 DPD
        String bad = issue(tenant, buyer, today.minusDays(130), today.minusDays(100), "3000.00");
        post(finance, "/api/v1/invoices/" + bad + "/write-off", Map.of("reason", "buyer insolvent")).statusCode(200);
        issue(tenant, buyer, today.minusDays(200), today.minusDays(170), "2000.00");         // 2,000.00 at 170 DPD
        issue(tenant, buyer, today.minusDays(10), today.plusDays(20), "1000.00");            // current
        issue(tenant, invoice(buyer, today.minusDays(5), today.plusDays(25), "700.00", "USD"));

        String viewer = token(tenant, "viewer");
        given().auth().oauth2(viewer).queryParam("asOf", today.toString()).get("/api/v1/reports/aging").then()
                .statusCode(200).body("currencies.currency", contains("CNY", "USD"),
                        "currencies[0].current.amount.amount", equalTo("1000.00"),
                        "currencies[0].days1to30.amount.amount", equalTo("8000.00"),
                        "currencies[0].days31to60.amount.amount", equalTo("6000.00"),
                        "currencies[0].days61to90.amount.amount", equalTo("2500.00"),
                        "currencies[0].over90.amount.amount", equalTo("2000.00"),
                        "currencies[0].over90.invoices", equalTo(1),
                        "currencies[0].total.amount.amount", equalTo("19500.00"),
                        "currencies[0].total.invoices", equalTo(5),
                        "currencies[1].current.amount.amount", equalTo("700.00"),
                        "currencies[1].total.amount.amount", equalTo("700.00"));
        // yesterday the credit note and the write-off were not there yet: 10,000.00 at 19 DPD, 3,000.00 at 99 DPD
        given().auth().oauth2(viewer).queryParam("asOf", today.minusDays(1).toString()).get("/api/v1/reports/aging")
                .then().body("currencies[0].days1to30.amount.amount", equalTo("10000.00"),
                        "currencies[0].over90.amount.amount", equalTo("5000.00"),
                        "currencies[0].over90.invoices", equalTo(2),
                        "currencies[0].total.amount.amount", equalTo("24500.00"));
        // sold in the 90 days: 10,000.00 + 6,000.00 + 1,000.00 = 17,000.00, less the 2,000.00 credited = 15,000.00;
        // 19,500.00 / 15,000.00 x 90 = 117.0 days; USD 700.00 / 700.00 x 90 = 90.0
        given().auth().oauth2(viewer).queryParam("asOf", today.toString()).get("/api/v1/reports/dso").then()
                .statusCode(200).body("currencies.currency", contains("CNY", "USD"),
                        "currencies[0].receivables.amount", equalTo("19500.00"),
                        "currencies[0].creditSales.amount", equalTo("17000.00"),
                        "currencies[0].creditNotesOnSales.amount", equalTo("2000.00"),
                        "currencies[0].dso", equalTo(117.0f),
                        "currencies[1].dso", equalTo(90.0f));
    }

    @Test
    void cancelledInvoiceLeavesTheReportsFromItsCancellation() {
        String tenant = freshTenant();
        LocalDate today = PlatformZone.today();
        String id = issue(tenant, UUID.randomUUID(), today.minusDays(10), today.plusDays(20), "1000.00");
        given().auth().oauth2(token(tenant, "finance")).contentType(ContentType.JSON).body(Map.of("reason", "duplicate"))
                .post("/api/v1/invoices/" + id + "/cancellation").then().statusCode(200);
        String viewer = token(tenant, "viewer");
        given().auth().oauth2(viewer).queryParam("asOf", today.toString()).get("/api/v1/reports/aging").then()
                .body("currencies.size()", equalTo(0));
        given().auth().oauth2(viewer).queryParam("asOf", today.minusDays(1).toString()).get("/api/v1/reports/aging")
                .then().body("currencies[0].current.amount.amount", equalTo("1000.00"));
    }

    @Test
    void dsoIsReceivablesOverTheSalesOfThePeriodTimesItsDays() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        pay(tenant, issue(tenant, buyer, A.minusDays(80), A.minusDays(50), "300000.00"), "300000.00", A.minusDays(40));
        pay(tenant, issue(tenant, buyer, A.minusDays(50), A.minusDays(20), "300000.00"), "300000.00", A.minusDays(10));
        issue(tenant, buyer, A.minusDays(20), A.plusDays(10), "300000.00");
        // issued 90 days before: outside the 90 days up to A, and paid
        pay(tenant, issue(tenant, buyer, A.minusDays(90), A.minusDays(60), "50000.00"), "50000.00", A.minusDays(60));
        issue(tenant, buyer, A.plusDays(5), A.plusDays(35), "70000.00");
        issue(tenant, invoice(buyer, A.minusDays(200), A.minusDays(170), "1000.00", "USD"));

        // CNY: 300,000 open / 900,000 sales x 90 days = 30.0
        given().auth().oauth2(token(tenant, "finance")).queryParam("asOf", A.toString()).get("/api/v1/reports/dso")
                .then().statusCode(200)
                .body("periodDays", equalTo(90), "currencies.currency", contains("CNY", "USD"),
                        "currencies[0].receivables.amount", equalTo("300000.00"),
                        "currencies[0].creditSales.amount", equalTo("900000.00"),
                        "currencies[0].dso", equalTo(30.0f), "currencies[0].reason", nullValue(),
                        "currencies[1].receivables.amount", equalTo("1000.00"),
                        "currencies[1].dso", nullValue(),
                        "currencies[1].reason", equalTo("no credit sales in the 90 days up to the date"));

        // the tenant's DSO period: 45 days -> only the last 300,000 was sold in it: 300,000 / 300,000 x 45
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(PolicyApiTest.policy(48, "0.0005", 30, "0.03", 45)).put("/api/v1/policies/invoicing")
                .then().statusCode(200);
        given().auth().oauth2(token(tenant, "finance")).queryParam("asOf", A.toString()).get("/api/v1/reports/dso")
                .then().body("periodDays", equalTo(45), "currencies[0].dso", equalTo(45.0f));
    }

    @Test
    void dsoOfOneBuyerTakesOnlyThatBuyersReceivablesAndSales() {
        String tenant = freshTenant();
        UUID steady = UUID.randomUUID();
        UUID slow = UUID.randomUUID();
        issue(tenant, steady, A.minusDays(60), A.minusDays(30), "100000.00");
        pay(tenant, issue(tenant, steady, A.minusDays(30), A, "200000.00"), "200000.00", A.minusDays(10));
        issue(tenant, slow, A.minusDays(20), A.plusDays(10), "50000.00");
        String finance = token(tenant, "finance");

        // steady: 100,000 open / 300,000 sold x 90 days = 30.0
        given().auth().oauth2(finance).queryParam("asOf", A.toString()).queryParam("buyerId", steady.toString())
                .get("/api/v1/reports/dso").then().statusCode(200)
                .body("buyerId", equalTo(steady.toString()), "periodDays", equalTo(90),
                        "currencies[0].receivables.amount", equalTo("100000.00"),
                        "currencies[0].creditSales.amount", equalTo("300000.00"), "currencies[0].dso", equalTo(30.0f));
        // slow: 50,000 open / 50,000 sold x 90 = 90.0
        given().auth().oauth2(finance).queryParam("asOf", A.toString()).queryParam("buyerId", slow.toString())
                .get("/api/v1/reports/dso").then().statusCode(200)
                .body("buyerId", equalTo(slow.toString()), "currencies[0].receivables.amount", equalTo("50000.00"),
                        "currencies[0].creditSales.amount", equalTo("50000.00"), "currencies[0].dso", equalTo(90.0f));
        // the tenant: 150,000 / 350,000 x 90 = 38.57... -> 38.6
        given().auth().oauth2(finance).queryParam("asOf", A.toString()).get("/api/v1/reports/dso").then()
                .statusCode(200).body("buyerId", nullValue(), "currencies[0].receivables.amount", equalTo("150000.00"),
                        "currencies[0].dso", equalTo(38.6f));
        given().auth().oauth2(finance).queryParam("buyerId", "steady").get("/api/v1/reports/dso").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("buyerId"));
    }

    /**
     * DSO over net credit sales: 100,000 invoiced 30 days ago, 50,000 of it credited for returned goods (today), the
     * other 50,000 open; a second buyer's 20,000 invoiced 10 days ago, open. The first buyer: 50,000 / (100,000 -
     * 50,000) x 90 = 90.0 days (it read 50,000 / 100,000 x 90 = 45.0, the returned goods counting as sold); the
     * tenant: 70,000 / 70,000 x 90 = 90.0 (it read 70,000 / 120,000 x 90 = 52.5).
     */
    @Test
    void dsoIsTakenOverWhatWasSoldLessWhatWasCredited() {
        String tenant = freshTenant();
        String finance = token(tenant, "finance");
        LocalDate t = PlatformZone.today();
        UUID buyer = UUID.randomUUID();
        String returned = issue(tenant, buyer, t.minusDays(30), t.plusDays(30), "100000.00");
        postJson(finance, "/api/v1/invoices/" + returned + "/credit-notes",
                Map.of("amount", cny("50000.00"), "reason", "half the goods returned")).statusCode(201);
        issue(tenant, UUID.randomUUID(), t.minusDays(10), t.plusDays(20), "20000.00");
        given().auth().oauth2(finance).queryParam("buyerId", buyer.toString()).get("/api/v1/reports/dso").then()
                .statusCode(200).body("currencies[0].receivables.amount", equalTo("50000.00"),
                        "currencies[0].creditSales.amount", equalTo("100000.00"),
                        "currencies[0].creditNotesOnSales.amount", equalTo("50000.00"),
                        "currencies[0].creditNotes", org.hamcrest.Matchers.nullValue(), "currencies[0].dso", equalTo(90.0f));
        given().auth().oauth2(finance).get("/api/v1/reports/dso").then().statusCode(200)
                .body("currencies[0].receivables.amount", equalTo("70000.00"),
                        "currencies[0].creditSales.amount", equalTo("120000.00"),
                        "currencies[0].creditNotesOnSales.amount", equalTo("50000.00"),
                        "currencies[0].creditNotes", org.hamcrest.Matchers.nullValue(), "currencies[0].dso", equalTo(90.0f));
        // another tenant's buyer is none of this tenant's: 404 (it read 200 with no currencies)
        given().auth().oauth2(token(freshTenant(), "finance")).queryParam("buyerId", buyer.toString())
                .get("/api/v1/reports/dso").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("buyer.not-found"));
    }

    /**
     * Tenant A invoiced a buyer 10,000.00 (open, 5 days past due); tenant B names that buyer on each read filtered by
     * a buyer: 404 {@code buyer.not-found}, as any other tenant's data (they answered 200 with no currencies, no
     * invoices, no payments). A buyer nobody knows reads as empty.
     */
    @Test
    void aBuyerKnownOnlyUnderAnotherTenantIsNotFoundOnEveryReadFilteredByIt() {
        String tenantA = freshTenant();
        LocalDate t = PlatformZone.today();
        UUID buyer = UUID.randomUUID();
        issue(tenantA, buyer, t.minusDays(35), t.minusDays(5), "10000.00");
        String viewerA = token(tenantA, "viewer");
        given().auth().oauth2(viewerA).queryParam("buyerId", buyer.toString()).get("/api/v1/reports/aging").then()
                .statusCode(200).body("currencies[0].days1to30.amount.amount", equalTo("10000.00"));

        String viewerB = token(freshTenant(), "viewer");
        for (String read : java.util.List.of("/api/v1/reports/aging", "/api/v1/reports/dso",
                "/api/v1/reports/collection", "/api/v1/invoices", "/api/v1/payments", "/api/v1/payment-plans")) {
            given().auth().oauth2(viewerB).queryParam("buyerId", buyer.toString()).get(read).then()
                    .statusCode(404).contentType("application/problem+json").body("code", equalTo("buyer.not-found"));
        }
        UUID nobodys = UUID.randomUUID();
        for (String report : java.util.List.of("/api/v1/reports/aging", "/api/v1/reports/dso",
                "/api/v1/reports/collection")) {
            given().auth().oauth2(viewerB).queryParam("buyerId", nobodys.toString()).get(report).then()
                    .statusCode(200).body("currencies", org.hamcrest.Matchers.empty());
        }
        for (String list : java.util.List.of("/api/v1/invoices", "/api/v1/payments")) {
            given().auth().oauth2(viewerB).queryParam("buyerId", nobodys.toString()).get(list).then()
                    .statusCode(200).body("total", equalTo(0), "items", org.hamcrest.Matchers.empty());
        }
        given().auth().oauth2(viewerB).queryParam("buyerId", nobodys.toString()).get("/api/v1/payment-plans").then()
                .statusCode(200).body("size()", equalTo(0));
        // tenant A's own reads of its buyer are unchanged
        given().auth().oauth2(viewerA).queryParam("buyerId", buyer.toString()).get("/api/v1/invoices").then()
                .statusCode(200).body("total", equalTo(1));
    }

    /**
     * DOMAIN §2's collection and bad-debt rates over the DSO period (90 days up to today, T): 200,000 open when
     * it began (issued T-120), 300,000 sold in it (T-60); 194,000 and 156,000 paid in it, the first invoice's
     * last 6,000 written off today. Collection rate 350,000 / 500,000 = 70.00 %, bad-debt rate 6,000 /
     * 300,000 = 2.00 %. An invoice paid before the period counts for neither.
     */
    @Test
    void collectionAndBadDebtRatesAreThoseOfThePeriod() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate t = PlatformZone.today();
        pay(tenant, issue(tenant, buyer, t.minusDays(200), t.minusDays(170), "10000.00"), "10000.00", t.minusDays(150));
        String old = issue(tenant, buyer, t.minusDays(120), t.minusDays(90), "200000.00");
        String recent = issue(tenant, buyer, t.minusDays(60), t.minusDays(30), "300000.00");
        pay(tenant, old, "194000.00", t.minusDays(30));
        pay(tenant, recent, "156000.00", t.minusDays(10));
        given().auth().oauth2(token(tenant, "finance")).contentType(ContentType.JSON)
                .body(java.util.Map.of("reason", "buyer dissolved")).post("/api/v1/invoices/" + old + "/write-off")
                .then().statusCode(200);

        String finance = token(tenant, "finance");
        given().auth().oauth2(finance).get("/api/v1/reports/collection").then().statusCode(200)
                .body("periodDays", equalTo(90), "asOf", equalTo(t.toString()), "currencies.currency", contains("CNY"),
                        "currencies[0].openingReceivables.amount", equalTo("200000.00"),
                        "currencies[0].creditSales.amount", equalTo("300000.00"),
                        "currencies[0].collected.amount", equalTo("350000.00"),
                        "currencies[0].writtenOff.amount", equalTo("6000.00"),
                        "currencies[0].collectionRatePercent", equalTo(70.00f),
                        "currencies[0].badDebtRatePercent", equalTo(2.00f), "currencies[0].reason", nullValue());
        // the day before: nothing written off yet
        given().auth().oauth2(finance).queryParam("asOf", t.minusDays(1).toString()).queryParam("buyerId", buyer.toString())
                .get("/api/v1/reports/collection").then().statusCode(200)
                .body("buyerId", equalTo(buyer.toString()), "currencies[0].writtenOff.amount", equalTo("0.00"),
                        "currencies[0].badDebtRatePercent", equalTo(0.00f));
        given().auth().oauth2(finance).queryParam("buyerId", UUID.randomUUID().toString()).get("/api/v1/reports/collection")
                .then().statusCode(200).body("currencies", org.hamcrest.Matchers.empty());
        given().auth().oauth2(finance).queryParam("asOf", "yesterday").get("/api/v1/reports/collection").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void buyerCreditAppliedToAnotherInvoiceIsNotCollectedASecondTime() {
        String tenant = freshTenant();
        String finance = token(tenant, "finance");
        LocalDate t = PlatformZone.today();
        // 12,000 paid on an invoice of 10,000: the 2,000 over is the buyer's credit, applied later to its invoice of 5,000
        UUID buyer = UUID.randomUUID();
        String first = issue(tenant, buyer, t.minusDays(40), t.minusDays(10), "10000.00");
        String second = issue(tenant, buyer, t.minusDays(20), t.plusDays(10), "5000.00");
        postJson(finance, "/api/v1/payments", Map.of("buyerId", buyer.toString(), "amount", cny("12000.00"),
                "receivedOn", t.minusDays(5).toString(), "reference", "BANK-12000",
                "allocations", java.util.List.of(Map.of("invoiceId", first, "amount", cny("10000.00"))))).statusCode(201)
                .body("creditRemaining.amount", equalTo("2000.00"));
        collectedOf(finance, buyer).body("currencies[0].collected.amount", equalTo("12000.00"),
                "currencies[0].creditSales.amount", equalTo("15000.00"), "currencies[0].collectionRatePercent", equalTo(80.00f));
        postJson(finance, "/api/v1/buyers/" + buyer + "/credit/applications", Map.of("currency", "CNY")).statusCode(201)
                .body("amount.amount", equalTo("2000.00"), "allocations[0].invoiceId", equalTo(second));
        // the buyer paid 12,000: not 10,000 + 2,000 + the 2,000 again when applied
        collectedOf(finance, buyer).body("currencies[0].collected.amount", equalTo("12000.00"),
                "currencies[0].collectionRatePercent", equalTo(80.00f));

        // 1,000 paid on an invoice whose dispute is then upheld: the money comes back as credit, spent on the next invoice
        UUID disputing = UUID.randomUUID();
        String disputed = issue(tenant, disputing, t.minusDays(40), t.minusDays(10), "1000.00");
        String disputeId = postJson(token(tenant, "collector"), "/api/v1/invoices/" + disputed + "/disputes",
                Map.of("type", "QUALITY", "disputedAmount", cny("1000.00"), "description", "rusted on arrival"))
                .statusCode(201).extract().path("id");
        pay(tenant, disputed, "1000.00", t.minusDays(5));
        postJson(finance, "/api/v1/invoices/" + disputed + "/disputes/" + disputeId + "/assessment",
                Map.of("responsibleParty", "SELLER", "findings", "packing was insufficient")).statusCode(200);
        postJson(finance, "/api/v1/invoices/" + disputed + "/disputes/" + disputeId + "/resolution",
                Map.of("outcome", "UPHELD", "rootCause", "packing")).statusCode(200);
        issue(tenant, disputing, t.minusDays(2), t.plusDays(28), "1000.00");
        postJson(finance, "/api/v1/buyers/" + disputing + "/credit/applications", Map.of("currency", "CNY"))
                .statusCode(201).body("amount.amount", equalTo("1000.00"));
        // the buyer paid 1,000 once: not 2,000 (the payment and the credit it became, applied)
        // and it owed 1,000 once: the upheld dispute's 1,000 note takes back the first invoice, 1,000 / 1,000
        collectedOf(finance, disputing).body("currencies[0].collected.amount", equalTo("1000.00"),
                "currencies[0].creditSales.amount", equalTo("2000.00"), "currencies[0].creditNotes.amount", equalTo("1000.00"),
                "currencies[0].toCollect.amount", equalTo("1000.00"), "currencies[0].collectionRatePercent", equalTo(100.00f));
        given().auth().oauth2(finance).get("/api/v1/reports/collection").then().statusCode(200)
                .body("currencies[0].collected.amount", equalTo("13000.00"));
    }

    /**
     * Buyers paying ahead: the collection rate is what was collected of what there was to collect, never above 100 %.
     * Over the 90 days up to today (T): buyer A sold 10,000 (T-30), pays 12,000 on it (T-5), 2,000 left as its credit;
     * buyer B sold 10,000 (T-20), pays nothing; buyer C pays 5,000 (T-3) before any invoice. A alone: collected 12,000,
     * 2,000 in advance, 10,000 / 10,000 = 100.00 % (it read 120.00 %). The tenant: collected 17,000, 7,000 in
     * advance, (17,000 - 7,000) / 20,000 = 50.00 % (it read 85.00 %: A's and C's advances made up for B).
     */
    @Test
    void whatBuyersPayAheadIsShownApartAndTheRateStaysWithinAHundredPercent() {
        String tenant = freshTenant();
        String finance = token(tenant, "finance");
        LocalDate t = PlatformZone.today();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        String ofA = issue(tenant, a, t.minusDays(30), t, "10000.00");
        issue(tenant, b, t.minusDays(20), t.plusDays(10), "10000.00");
        postJson(finance, "/api/v1/payments", Map.of("buyerId", a.toString(), "amount", cny("12000.00"),
                "receivedOn", t.minusDays(5).toString(), "reference", "BANK-A-12000",
                "allocations", java.util.List.of(Map.of("invoiceId", ofA, "amount", cny("10000.00"))))).statusCode(201)
                .body("creditRemaining.amount", equalTo("2000.00"));
        postJson(finance, "/api/v1/payments", Map.of("buyerId", c.toString(), "amount", cny("5000.00"),
                "receivedOn", t.minusDays(3).toString(), "reference", "BANK-C-PREPAY")).statusCode(201)
                .body("creditRemaining.amount", equalTo("5000.00"));

        collectedOf(finance, a).body("currencies[0].creditSales.amount", equalTo("10000.00"),
                "currencies[0].collected.amount", equalTo("12000.00"),
                "currencies[0].paidInAdvance.amount", equalTo("2000.00"),
                "currencies[0].collectionRatePercent", equalTo(100.00f));
        collectedOf(finance, c).body("currencies[0].collected.amount", equalTo("5000.00"),
                "currencies[0].paidInAdvance.amount", equalTo("5000.00"),
                "currencies[0].collectionRatePercent", nullValue(),
                "currencies[0].reason", equalTo("nothing to collect in the 90 days up to the date"));
        given().auth().oauth2(finance).get("/api/v1/reports/collection").then().statusCode(200)
                .body("currencies[0].openingReceivables.amount", equalTo("0.00"),
                        "currencies[0].creditSales.amount", equalTo("20000.00"),
                        "currencies[0].collected.amount", equalTo("17000.00"),
                        "currencies[0].paidInAdvance.amount", equalTo("7000.00"),
                        "currencies[0].collectionRatePercent", equalTo(50.00f));
        // another tenant sees none of it
        given().auth().oauth2(token(freshTenant(), "finance")).get("/api/v1/reports/collection").then().statusCode(200)
                .body("currencies", org.hamcrest.Matchers.empty());
    }

    /**
     * A credit note takes back what was never owed: 10,000 invoiced (T-30), 2,000 credited for a price difference
     * (today), the 8,000 left paid (T-1). Collection rate 8,000 / (10,000 - 2,000) = 100.00 % (it read 8,000 /
     * 10,000 = 80.00 %, as if the buyer still owed the 2,000). And the bad-debt rate over net sales.
     */
    @Test
    void aCreditNoteIsNotThereToCollect() {
        String tenant = freshTenant();
        String finance = token(tenant, "finance");
        LocalDate t = PlatformZone.today();
        UUID buyer = UUID.randomUUID();
        String invoice = issue(tenant, buyer, t.minusDays(30), t.plusDays(10), "10000.00");
        postJson(finance, "/api/v1/invoices/" + invoice + "/credit-notes",
                Map.of("amount", cny("2000.00"), "reason", "agreed price was 2,000 lower")).statusCode(201);
        pay(tenant, invoice, "8000.00", t.minusDays(1));
        collectedOf(finance, buyer).body("currencies[0].creditSales.amount", equalTo("10000.00"),
                "currencies[0].creditNotes.amount", equalTo("2000.00"),
                "currencies[0].toCollect.amount", equalTo("8000.00"),
                "currencies[0].collected.amount", equalTo("8000.00"),
                "currencies[0].paidInAdvance.amount", equalTo("0.00"),
                "currencies[0].collectionRatePercent", equalTo(100.00f));

        // another buyer: 10,000 invoiced, 2,000 credited, the 8,000 left written off: bad debt 8,000 / 8,000 = 100.00 %
        // (it read 8,000 / 10,000 = 80.00 %)
        UUID gone = UUID.randomUUID();
        String lost = issue(tenant, gone, t.minusDays(60), t.minusDays(30), "10000.00");
        postJson(finance, "/api/v1/invoices/" + lost + "/credit-notes",
                Map.of("amount", cny("2000.00"), "reason", "short delivery")).statusCode(201);
        postJson(finance, "/api/v1/invoices/" + lost + "/write-off", Map.of("reason", "buyer dissolved")).statusCode(200);
        collectedOf(finance, gone).body("currencies[0].creditSales.amount", equalTo("10000.00"),
                "currencies[0].creditNotes.amount", equalTo("2000.00"),
                "currencies[0].writtenOff.amount", equalTo("8000.00"),
                "currencies[0].badDebtRatePercent", equalTo(100.00f));

        // a third: 10,000 invoiced and written off, then 10,000 paid, kept as its credit (nothing open to pay):
        // collected 10,000, all of it in advance, 0.00 % (it read 100.00 %, beside a bad-debt rate of 100.00 %)
        UUID late = UUID.randomUUID();
        String gave = issue(tenant, late, t.minusDays(60), t.minusDays(30), "10000.00");
        postJson(finance, "/api/v1/invoices/" + gave + "/write-off", Map.of("reason", "buyer vanished")).statusCode(200);
        postJson(finance, "/api/v1/payments", Map.of("buyerId", late.toString(), "amount", cny("10000.00"),
                "receivedOn", t.toString(), "reference", "BANK-AFTER-WRITE-OFF")).statusCode(201)
                .body("creditRemaining.amount", equalTo("10000.00"));
        collectedOf(finance, late).body("currencies[0].writtenOff.amount", equalTo("10000.00"),
                "currencies[0].collected.amount", equalTo("10000.00"),
                "currencies[0].paidInAdvance.amount", equalTo("10000.00"),
                "currencies[0].collectionRatePercent", equalTo(0.00f),
                "currencies[0].badDebtRatePercent", equalTo(100.00f));
    }

    private static Map<String, String> cny(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    private static io.restassured.response.ValidatableResponse postJson(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static io.restassured.response.ValidatableResponse collectedOf(String token, UUID buyer) {
        return given().auth().oauth2(token).queryParam("buyerId", buyer.toString()).get("/api/v1/reports/collection")
                .then().statusCode(200);
    }

    @Test
    void buyerBalanceIsWhatWasOpenOnTheDate() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        pay(tenant, issue(tenant, buyer, A.minusDays(40), A.minusDays(10), "1243.00"), "243.00", A.minusDays(5));
        issue(tenant, buyer, A.minusDays(5), A.plusDays(25), "500.00");
        String balance = "/api/v1/buyers/" + buyer + "/balance";
        given().auth().oauth2(token(tenant, "collector")).queryParam("asOf", A.minusDays(6).toString()).get(balance)
                .then().statusCode(200).body("currencies[0].open.amount", equalTo("1243.00"),
                        "currencies[0].overdue.amount", equalTo("1243.00"), "currencies[0].invoices", equalTo(1));
        given().auth().oauth2(token(tenant, "collector")).queryParam("asOf", A.toString()).get(balance)
                .then().body("buyerId", equalTo(buyer.toString()), "currencies[0].currency", equalTo("CNY"),
                        "currencies[0].open.amount", equalTo("1500.00"), "currencies[0].overdue.amount",
                        equalTo("1000.00"), "currencies[0].invoices", equalTo(2));
        // a buyer with nothing open is an empty balance; a buyer another tenant invoiced is none of this one's
        given().auth().oauth2(token(tenant, "collector")).queryParam("asOf", A.minusDays(41).toString()).get(balance)
                .then().statusCode(200).body("currencies.size()", equalTo(0));
        given().auth().oauth2(token(freshTenant(), "tenant-admin")).queryParam("asOf", A.toString()).get(balance)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void statementListsOpenInvoicesWithChargesThePeriodsEntriesAndTotals() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate due = LocalDate.of(2026, 6, 1);
        String late = issue(tenant, buyer, due.minusDays(30), due, "10000.00");
        pay(tenant, late, "4000.00", due.plusDays(10));
        String current = issue(tenant, buyer, due.plusDays(5), due.plusDays(40), "10000.00");
        String paidEarlier = issue(tenant, buyer, due.minusDays(60), due.minusDays(30), "2000.00");
        pay(tenant, paidEarlier, "2000.00", due.minusDays(20));
        String paidInPeriod = issue(tenant, buyer, due.minusDays(10), due.plusDays(20), "1000.00");
        pay(tenant, paidInPeriod, "1000.00", due.plusDays(25));

        // 30 DPD: 10,000 x 10 x 0.0005 + 6,000 x 20 x 0.0005 = 110.00 interest; 3% of 6,000 = 180.00 fee.
        // Invoices paid late stay with the charges still due after their principal was settled:
        // paidEarlier 2,000 x 10 x 0.0005 = 10.00, paidInPeriod 1,000 x 5 x 0.0005 = 2.50
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", due.plusDays(30).toString())
                .queryParam("from", due.toString()).get("/api/v1/buyers/" + buyer + "/statement").then().statusCode(200)
                .body("from", equalTo(due.toString()), "lateChargeTerms.source", equalTo("TENANT"),
                        "invoices.invoiceId", contains(paidEarlier, late, paidInPeriod, current),
                        "invoices[0].open.amount", equalTo("0.00"),
                        "invoices[0].lateCharges.interest.amount", equalTo("10.00"),
                        "invoices[1].open.amount", equalTo("6000.00"), "invoices[1].daysPastDue", equalTo(30),
                        "invoices[1].lateCharges.interest.amount", equalTo("110.00"),
                        "invoices[1].lateCharges.fee.amount", equalTo("180.00"),
                        "invoices[1].totalDue.amount", equalTo("6290.00"),
                        "invoices[2].open.amount", equalTo("0.00"),
                        "invoices[2].lateCharges.interest.amount", equalTo("2.50"),
                        "invoices[3].daysPastDue", equalTo(0), "invoices[3].lateCharges.total.amount", equalTo("0.00"),
                        // the late charges of the period are entries too: paidEarlier's 10.00 were charged before it
                        "entries.invoiceId", contains(late, paidInPeriod, late, late, paidInPeriod),
                        "entries.kind", contains("PAYMENT", "PAYMENT", "LATE_INTEREST", "LATE_FEE", "LATE_INTEREST"),
                        "entries.effectiveDate", contains(due.plusDays(10).toString(), due.plusDays(25).toString(),
                                due.plusDays(30).toString(), due.plusDays(30).toString(), due.plusDays(30).toString()),
                        "entries.amount.amount", contains("4000.00", "1000.00", "-110.00", "-180.00", "-2.50"),
                        "totals.size()", equalTo(1), "totals[0].invoices", equalTo(4),
                        "totals[0].open.amount", equalTo("16000.00"), "totals[0].lateCharges.amount", equalTo("302.50"),
                        "totals[0].totalDue.amount", equalTo("16302.50"),
                        // 10,000.00 + 1,000.00 open and paidEarlier's 10.00 of charges on the day before
                        "totals[0].openingBalance.amount", equalTo("11010.00"));
        // 11,010.00 + the 10,000.00 invoiced in the period - the entries (4,707.50) = 16,302.50
        // without from: the 30 days up to the date
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", due.plusDays(30).toString())
                .get("/api/v1/buyers/" + buyer + "/statement").then()
                .body("from", equalTo(due.plusDays(1).toString()));
        given().auth().oauth2(token(freshTenant(), "viewer")).queryParam("asOf", due.plusDays(30).toString())
                .get("/api/v1/buyers/" + buyer + "/statement").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /**
     * INV 10,000.00 due 35 days ago, never paid: on the day before the period (30 days past due) it owed 150.00 of
     * interest and the 300.00 fee, opening 10,450.00; the fee waived today; the period's entries are 25.00 of interest
     * (5 days) and the 300.00 waived, so 10,450.00 - (300.00 - 25.00) = 10,175.00, what the totals say is due. Until
     * session 35 the late charges were in the totals and in no entry: the entries left 10,450.00 - 0 unexplained.
     */
    @Test
    void lateChargesAndTheirWaiverAreEntriesSoTheEntriesAddUpToTheTotals() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate today = PlatformZone.today();
        String invoice = issue(tenant, buyer, today.minusDays(65), today.minusDays(35), "10000.00");
        String waiver = post(token(tenant, "finance"), "/api/v1/invoices/" + invoice + "/late-charges/waivers",
                Map.of("scope", "FEE", "reason", "key customer")).statusCode(201).extract().path("id");

        var statement = given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", today.toString())
                .queryParam("from", today.minusDays(4).toString()).get("/api/v1/buyers/" + buyer + "/statement")
                .then().statusCode(200)
                .body("entries.kind", contains("LATE_INTEREST", "LATE_CHARGES_WAIVED"),
                        "entries.invoiceId", contains(invoice, invoice),
                        "entries.effectiveDate", contains(today.toString(), today.toString()),
                        "entries.amount.amount", contains("-25.00", "300.00"),
                        "entries[1].referenceId", equalTo(waiver),
                        "entries[1].note", equalTo("late charges waived: key customer"),
                        "totals[0].openingBalance.amount", equalTo("10450.00"),
                        "totals[0].lateCharges.amount", equalTo("175.00"),
                        "totals[0].balance.amount", equalTo("10175.00"))
                .extract();
        assertEquals(new BigDecimal("10175.00"),
                new BigDecimal("10450.00").subtract(sum(statement.path("entries"))));
        // the month it fell due: the 300.00 fee on its day and 150.00 of interest, 10,000.00 + 450.00
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", today.minusDays(5).toString())
                .queryParam("from", today.minusDays(35).toString()).get("/api/v1/buyers/" + buyer + "/statement")
                .then().statusCode(200)
                .body("entries.kind", contains("LATE_INTEREST", "LATE_FEE"),
                        "entries.amount.amount", contains("-150.00", "-300.00"),
                        "totals[0].openingBalance.amount", equalTo("10000.00"),
                        "totals[0].balance.amount", equalTo("10450.00"));
    }

    @Test
    void theStatementShowsTheCreditTheBuyerHoldsAndWhatItOwesNetOfIt() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate due = LocalDate.of(2026, 8, 3);
        List<String> invoices = holdingCredit(tenant, buyer, due, due.plusDays(5), due.plusDays(35));
        String first = invoices.get(0);
        String second = invoices.get(1);

        // 5,000.00 owed less the 2,000.00 the buyer holds = 3,000.00; in USD the tenant owes the buyer 1,000.00
        String statement = "/api/v1/buyers/" + buyer + "/statement";
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", due.plusDays(10).toString())
                .queryParam("from", due.toString()).get(statement).then().statusCode(200)
                .body("invoices.invoiceId", contains(second),
                        "totals.currency", contains("CNY", "USD"),
                        "totals[0].invoices", equalTo(1), "totals[0].open.amount", equalTo("5000.00"),
                        "totals[0].totalDue.amount", equalTo("5000.00"),
                        "totals[0].credit.amount", equalTo("2000.00"), "totals[0].balance.amount", equalTo("3000.00"),
                        "totals[1].invoices", equalTo(0), "totals[1].open.amount", equalTo("0.00"),
                        "totals[1].totalDue.amount", equalTo("0.00"),
                        "totals[1].credit.amount", equalTo("1000.00"), "totals[1].balance.amount", equalTo("-1000.00"));
        // the day before the payment: the first invoice owed in full, no credit yet
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", due.minusDays(1).toString()).get(statement)
                .then().statusCode(200).body("invoices.invoiceId", contains(first), "totals.currency", contains("CNY"),
                        "totals[0].totalDue.amount", equalTo("10000.00"), "totals[0].credit.amount", equalTo("0.00"),
                        "totals[0].balance.amount", equalTo("10000.00"));
    }

    @Test
    void theStatementListsMoneyKeptAsCreditItsApplicationAndItsReversalSoTheEntriesAddUpToTheTotals() {
        String tenant = freshTenant();
        String finance = token(tenant, "finance");
        UUID buyer = UUID.randomUUID();
        LocalDate today = PlatformZone.today();
        String first = issue(tenant, buyer, today.minusDays(60), today.plusDays(30), "10000.00");
        // 12,000.00 received: the 10,000.00 invoice paid, 2,000.00 kept as credit
        String paid = post(finance, "/api/v1/payments", Map.of("buyerId", buyer.toString(), "amount", cny("12000.00"),
                "receivedOn", today.minusDays(20).toString())).statusCode(201).extract().path("id");
        String second = issue(tenant, buyer, today.minusDays(10), today.plusDays(20), "5000.00");
        // 500.00 kept whole as credit, then bounced: kept and removed on the day it was received
        String bounced = post(finance, "/api/v1/payments", Map.of("buyerId", buyer.toString(), "amount", cny("500.00"),
                "receivedOn", today.minusDays(15).toString(), "allocations", List.of())).statusCode(201).extract()
                .path("id");
        post(finance, "/api/v1/payments/" + bounced + "/reversal", Map.of("reason", "cheque bounced")).statusCode(200);
        // 1,500.00 of the credit applied to the 5,000.00 invoice today: 3,500.00 open, 500.00 still held
        String applied = post(finance, "/api/v1/buyers/" + buyer + "/credit/applications", Map.of("currency", "CNY",
                "allocations", List.of(Map.of("invoiceId", second, "amount", cny("1500.00"))))).statusCode(201)
                .extract().path("id");

        var statement = given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", today.toString())
                .queryParam("from", today.minusDays(60).toString()).get("/api/v1/buyers/" + buyer + "/statement")
                .then().statusCode(200)
                .body("entries.kind", contains("PAYMENT", "CREDIT_KEPT", "CREDIT_KEPT", "CREDIT_REVERSED", "PAYMENT",
                        "CREDIT_APPLIED"),
                        "entries.effectiveDate", contains(today.minusDays(20).toString(), today.minusDays(20).toString(),
                                today.minusDays(15).toString(), today.minusDays(15).toString(), today.toString(),
                                today.toString()),
                        "entries.amount.amount", contains("10000.00", "2000.00", "500.00", "-500.00", "1500.00",
                                "-1500.00"),
                        "entries.referenceId", contains(paid, paid, bounced, bounced, applied, applied),
                        "entries.invoiceId", contains(first, null, null, null, second, null),
                        "totals.currency", contains("CNY"), "totals[0].totalDue.amount", equalTo("3500.00"),
                        "totals[0].credit.amount", equalTo("500.00"), "totals[0].balance.amount", equalTo("3000.00"))
                .extract();
        // the credit entries add up to the credit held; the 15,000.00 invoiced less every entry is the balance
        List<Map<String, Object>> entries = statement.path("entries");
        BigDecimal credit = sum(entries.stream().filter(ReportApiTest::ofTheCredit).toList());
        BigDecimal all = sum(entries);
        assertEquals(new BigDecimal("500.00"), credit);
        assertEquals(new BigDecimal("3000.00"),
                new BigDecimal("15000.00").subtract(all));
    }

    /**
     * Upheld disputes on invoices the buyer had paid: 10,000.00 paid in full, its 2,000.00 dispute upheld today, a note
     * of 2,000.00 of which nothing is open: all 2,000.00 kept as the buyer's credit (CREDIT_NOTE_KEPT, no invoice);
     * 5,000.00 of which 4,500.00 paid, its 1,000.00 dispute upheld: 500.00 of the note takes the open rest (CREDIT_NOTE
     * on the invoice), 500.00 kept as credit. Nothing owed, 2,500.00 held: a balance of -2,500.00; invoiced 15,000.00
     * less the entries (10,000.00 + 4,500.00 + 500.00 + 2,000.00 + 500.00 = 17,500.00) = -2,500.00.
     */
    @Test
    void anUpheldDisputesCreditOnWhatWasPaidIsListedAsKeptSoTheEntriesAddUpToTheTotals() {
        String tenant = freshTenant();
        String finance = token(tenant, "finance");
        String collector = token(tenant, "collector");
        UUID buyer = UUID.randomUUID();
        LocalDate today = PlatformZone.today();
        String whole = issue(tenant, buyer, today.minusDays(40), today.plusDays(20), "10000.00");
        String part = issue(tenant, buyer, today.minusDays(30), today.plusDays(30), "5000.00");
        String wholeDispute = raiseDispute(collector, whole, "QUALITY", "2000.00", "scratched panels", "photo-1.jpg",
                today.minusDays(10));
        String partDispute = raiseDispute(collector, part, "QUALITY", "1000.00", "two units missing", "photo-2.jpg",
                today.minusDays(9));
        String paidWhole = pay(tenant, whole, "10000.00", today.minusDays(5));
        String paidPart = pay(tenant, part, "4500.00", today.minusDays(4));
        String wholeNote = uphold(finance, whole, wholeDispute);
        String partNote = uphold(finance, part, partDispute);

        var statement = given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", today.toString())
                .queryParam("from", today.minusDays(40).toString()).get("/api/v1/buyers/" + buyer + "/statement")
                .then().statusCode(200)
                .body("invoices.size()", equalTo(0),
                        "entries.kind", contains("PAYMENT", "PAYMENT", "CREDIT_NOTE", "CREDIT_NOTE_KEPT",
                                "CREDIT_NOTE_KEPT"),
                        "entries.effectiveDate", contains(today.minusDays(5).toString(), today.minusDays(4).toString(),
                                today.toString(), today.toString(), today.toString()),
                        "entries.amount.amount", contains("10000.00", "4500.00", "500.00", "2000.00", "500.00"),
                        "entries.referenceId", contains(paidWhole, paidPart, partNote, wholeNote, partNote),
                        // credit kept from a note names the note and the invoice it credits
                        "entries.invoiceId", contains(whole, part, part, whole, part),
                        "entries[3].invoiceNumber", equalTo(numberOf(tenant, whole)),
                        "entries[3].creditNoteNumber", equalTo(noteNumber(tenant, whole)),
                        "entries[3].note", equalTo("credit note " + noteNumber(tenant, whole) + " on invoice "
                                + numberOf(tenant, whole) + ", paid part kept as credit"),
                        "entries[4].invoiceNumber", equalTo(numberOf(tenant, part)),
                        "entries.creditNoteNumber", contains(null, null, null, noteNumber(tenant, whole),
                                noteNumber(tenant, part)),
                        "totals.currency", contains("CNY"), "totals[0].invoices", equalTo(0),
                        "totals[0].totalDue.amount", equalTo("0.00"), "totals[0].credit.amount", equalTo("2500.00"),
                        "totals[0].balance.amount", equalTo("-2500.00"))
                .extract();
        List<Map<String, Object>> entries = statement.path("entries");
        BigDecimal credit = sum(entries.stream().filter(ReportApiTest::ofTheCredit).toList());
        BigDecimal all = sum(entries);
        assertEquals(new BigDecimal("2500.00"), credit);
        assertEquals(new BigDecimal("-2500.00"), new BigDecimal("15000.00").subtract(all));
    }

    /**
     * A period that starts after the buyer's first invoice opens with what it owed the day before. 10,000.00 CNY issued
     * 60 days ago, 4,000.00 of it paid 45 days ago; 300.00 USD issued 50 days ago. From 30 days ago: 5,000.00 invoiced 20
     * days ago, the 6,000.00 rest of the first paid 5 days ago, the 300.00 USD 10 days ago. CNY opening 6,000.00 +
     * 5,000.00 - 6,000.00 = 5,000.00; USD opening 300.00 + 0.00 - 300.00 = 0.00 (a total of no invoices).
     */
    @Test
    void aStatementOpensWithTheBalanceOfTheDayBeforeItsPeriod() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate today = PlatformZone.today();
        String first = issue(tenant, buyer, today.minusDays(60), today.plusDays(30), "10000.00");
        pay(tenant, first, "4000.00", today.minusDays(45));
        String dollars = LedgerFixtures.issue(tenant, invoice(buyer, today.minusDays(50), today.plusDays(30), "300.00",
                "USD"));
        issue(tenant, buyer, today.minusDays(20), today.plusDays(10), "5000.00");
        pay(tenant, first, "6000.00", today.minusDays(5));
        pay(tenant, dollars, "300.00", today.minusDays(10));

        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", today.toString())
                .queryParam("from", today.minusDays(30).toString()).get("/api/v1/buyers/" + buyer + "/statement")
                .then().statusCode(200)
                .body("entries.amount.amount", contains("300.00", "6000.00"),
                        "totals.currency", contains("CNY", "USD"),
                        "totals[0].openingBalance.amount", equalTo("6000.00"),
                        "totals[0].openingBalance.currency", equalTo("CNY"),
                        "totals[0].balance.amount", equalTo("5000.00"),
                        "totals[1].invoices", equalTo(0), "totals[1].openingBalance.amount", equalTo("300.00"),
                        "totals[1].openingBalance.currency", equalTo("USD"),
                        "totals[1].balance.amount", equalTo("0.00"));
        // from the first invoice's day: nothing before, so opening 0.00 + 15,000.00 - 10,000.00 = 5,000.00
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", today.toString())
                .queryParam("from", today.minusDays(60).toString()).get("/api/v1/buyers/" + buyer + "/statement")
                .then().statusCode(200).body("totals.currency", contains("CNY"),
                        "totals[0].openingBalance.amount", equalTo("0.00"), "totals[0].balance.amount", equalTo("5000.00"));
    }

    /** Assesses the dispute as the seller's and upholds it in full; answers the credit note's id. */
    private static String uphold(String finance, String invoiceId, String disputeId) {
        String base = "/api/v1/invoices/" + invoiceId + "/disputes/" + disputeId;
        post(finance, base + "/assessment", Map.of("responsibleParty", "SELLER", "findings", "packing was insufficient"))
                .statusCode(200);
        return post(finance, base + "/resolution", Map.of("outcome", "UPHELD", "rootCause", "packing"))
                .statusCode(200).extract().path("resolution.creditNoteId");
    }

    @Test
    void theBalanceShowsTheCreditTheBuyerHoldsBesideWhatIsOpen() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate due = LocalDate.of(2026, 8, 24);
        holdingCredit(tenant, buyer, due, due.minusDays(10), due.plusDays(20));

        // 5,000.00 open, none of it overdue, and 2,000.00 of the buyer's credit; USD: nothing open, 1,000.00 held
        String balance = "/api/v1/buyers/" + buyer + "/balance";
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", due.plusDays(10).toString()).get(balance)
                .then().statusCode(200).body("currencies.currency", contains("CNY", "USD"),
                        "currencies[0].open.amount", equalTo("5000.00"), "currencies[0].overdue.amount",
                        equalTo("0.00"), "currencies[0].invoices", equalTo(1),
                        "currencies[0].credit.amount", equalTo("2000.00"),
                        "currencies[0].credit.currency", equalTo("CNY"),
                        "currencies[1].open.amount", equalTo("0.00"), "currencies[1].overdue.amount", equalTo("0.00"),
                        "currencies[1].invoices", equalTo(0), "currencies[1].credit.amount", equalTo("1000.00"),
                        "currencies[1].credit.currency", equalTo("USD"));
        // the day before the payment: both invoices open, the first overdue, no credit yet
        given().auth().oauth2(token(tenant, "viewer")).queryParam("asOf", due.minusDays(1).toString()).get(balance)
                .then().statusCode(200).body("currencies.currency", contains("CNY"),
                        "currencies[0].open.amount", equalTo("15000.00"), "currencies[0].credit.amount",
                        equalTo("0.00"));
    }

    /** Whether a statement entry is a movement of the buyer's credit. */
    private static boolean ofTheCredit(Map<String, Object> entry) {
        return ((String) entry.get("kind")).startsWith("CREDIT_") && !"CREDIT_NOTE".equals(entry.get("kind"));
    }

    /** The invoice's number. */
    private static String numberOf(String tenant, String invoiceId) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/invoices/" + invoiceId).then()
                .statusCode(200).extract().path("invoiceNumber");
    }

    /** The number of the invoice's only credit note. */
    private static String noteNumber(String tenant, String invoiceId) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/invoices/" + invoiceId + "/credit-notes")
                .then().statusCode(200).body("size()", equalTo(1)).extract().path("[0].number");
    }

    /** What the statement's {@code entries} add up to. */
    private static BigDecimal sum(List<Map<String, Object>> entries) {
        return entries.stream().map(e -> new BigDecimal((String) ((Map<?, ?>) e.get("amount")).get("amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * A buyer holding credit in two currencies: 10,000.00 CNY issued 30 days before {@code due}, due then, and 12,000.00
     * received on the day (the invoice paid, 2,000.00 kept as credit); 5,000.00 issued and due as given; 1,000.00 USD
     * paid two days after {@code due} ahead of any invoice (kept whole); 500.00 CNY kept whole three days after it, then
     * bounced (never the buyer's credit). The two invoices' ids.
     */
    private static List<String> holdingCredit(String tenant, UUID buyer, LocalDate due, LocalDate secondIssued,
            LocalDate secondDue) {
        String finance = token(tenant, "finance");
        String first = issue(tenant, buyer, due.minusDays(30), due, "10000.00");
        post(finance, "/api/v1/payments", Map.of("buyerId", buyer.toString(), "amount", cny("12000.00"),
                "receivedOn", due.toString())).statusCode(201).body("unallocated.amount", equalTo("2000.00"));
        String second = issue(tenant, buyer, secondIssued, secondDue, "5000.00");
        post(finance, "/api/v1/payments", Map.of("buyerId", buyer.toString(), "amount",
                Map.of("amount", "1000.00", "currency", "USD"), "receivedOn", due.plusDays(2).toString(),
                "allocations", List.of())).statusCode(201);
        String bounced = post(finance, "/api/v1/payments", Map.of("buyerId", buyer.toString(), "amount", cny("500.00"),
                "receivedOn", due.plusDays(3).toString(), "allocations", List.of())).statusCode(201).extract().path("id");
        post(finance, "/api/v1/payments/" + bounced + "/reversal", Map.of("reason", "cheque bounced")).statusCode(200);
        return List.of(first, second);
    }

    @Test
    void badDatesAndIdsAreRefusedNamingTheParameter() {
        String viewer = token(freshTenant(), "viewer");
        UUID buyer = UUID.randomUUID();
        given().auth().oauth2(viewer).queryParam("asOf", "30/09/2026").get("/api/v1/reports/aging").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
        given().auth().oauth2(viewer).queryParam("buyerId", "globex").get("/api/v1/reports/aging").then()
                .statusCode(400).body("errors[0].field", equalTo("buyerId"));
        given().auth().oauth2(viewer).queryParam("asOf", "2026-02-30").get("/api/v1/reports/dso").then()
                .statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().auth().oauth2(viewer).queryParam("asOf", "soon").get("/api/v1/buyers/" + buyer + "/balance").then()
                .statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().auth().oauth2(viewer).queryParam("asOf", "2026-09-30").queryParam("from", "2026-10-01")
                .get("/api/v1/buyers/" + buyer + "/statement").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(viewer).queryParam("from", "last month")
                .get("/api/v1/buyers/" + buyer + "/statement").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void reportsNeedATenantRole() {
        String agency = Tokens.tenant(freshTenant()).roles("agency").agency("swiftcollect").mint();
        UUID buyer = UUID.randomUUID();
        for (String path : new String[] {"/api/v1/reports/aging", "/api/v1/reports/dso",
                "/api/v1/buyers/" + buyer + "/balance", "/api/v1/buyers/" + buyer + "/statement"}) {
            given().auth().oauth2(agency).get(path).then().statusCode(403);
            given().get(path).then().statusCode(401);
        }
    }
}
