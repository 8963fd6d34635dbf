package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.InvoiceFixtures.FINANCE_ACME;
import static io.tradecredit.invoice.InvoiceFixtures.FINANCE_GLOBEX;
import static io.tradecredit.invoice.InvoiceFixtures.VIEWER_ACME;
import static io.tradecredit.invoice.InvoiceFixtures.invoice;
import static io.tradecredit.invoice.InvoiceFixtures.issue;
import static io.tradecredit.invoice.api.InvoiceApiTest.eventFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.invoice.LedgerFixtures;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Tokens;
import io.tradecredit.testing.Topics;

@QuarkusTest
class PaymentPlanApiTest {
    static final LocalDate TODAY = PlatformZone.today();
    static final String OPS = Tokens.noTenant().roles("platform-ops").mint();

    @Test
    void overdueBalanceBecomesThreeMonthlyInstalmentsAndAMissedOneBreaksThePlan() {
        UUID buyer = UUID.randomUUID();
        String a = issue(invoice(buyer, TODAY.minusDays(60), TODAY.minusDays(30)));
        String b = issue(invoice(buyer, TODAY.minusDays(50), TODAY.minusDays(20)));
        LocalDate first = TODAY.plusDays(10);

        String planId = agree(FINANCE_ACME, buyer, List.of(a, b), 3, first).then().statusCode(201)
                .body("status", equalTo("ACTIVE"), "principal.amount", equalTo("2486.00"),
                        "instalments[0].amount.amount", equalTo("828.66"),
                        "instalments[2].amount.amount", equalTo("828.68"),
                        "instalments[1].dueDate", equalTo(first.plusMonths(1).toString()),
                        "instalments[0].state", equalTo("DUE"))
                .extract().path("id");
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + a).then().body("paymentPlanId", equalTo(planId));
        JsonNode agreed = Contracts.assertValid(eventFor(buyer, "io.tradecredit.invoice.payment-plan-agreed.v1"));
        assertEquals(3, agreed.get("instalments").size());
        assertEquals("828.66", agreed.at("/instalments/0/principal/amount").asText(), "interest-free: all principal");

        // nothing paid by the first due date: the day after, the plan breaks
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + first).then().statusCode(200);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/payment-plans/" + planId).then().body("status", equalTo("ACTIVE"));
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + first.plusDays(1)).then()
                .statusCode(200).body("summary", containsString("1 payment plan(s) broken"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("BROKEN"), "instalments[0].state", equalTo("MISSED"),
                        "instalments[1].state", equalTo("CANCELLED"), "instalments[2].state", equalTo("CANCELLED"),
                        "endReason", containsString("instalment 1"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + a).then().body("paymentPlanId", nullValue());

        JsonNode missed = Contracts.assertValid(eventFor(buyer, "io.tradecredit.invoice.instalment-missed.v1"));
        assertEquals(1, missed.get("instalmentNumber").asInt());
        assertEquals("0.00", missed.get("amountPaid").get("amount").asText());
        JsonNode broken = Contracts.assertValid(eventFor(buyer, "io.tradecredit.invoice.plan-broken.v1"));
        assertEquals("2486.00", broken.get("openAmount").get("amount").asText());
    }

    /**
     * 1,000.00 short-paid by 0.05: a plan of 12 monthly instalments over the 0.05 left is five of 0.01 on the first five
     * dates (until session 31: eleven instalments of 0.00 and a last of 0.05), and the agreed event says so.
     */
    @Test
    void aTinyBalanceIsSpreadOverOneInstalmentPerCentNeverOverInstalmentsOfNothing() {
        String tenant = LedgerFixtures.freshTenant();
        UUID buyer = UUID.randomUUID();
        String id = LedgerFixtures.issue(tenant, buyer, TODAY.minusDays(60), TODAY.minusDays(30), "1000.00");
        LedgerFixtures.pay(tenant, id, "999.95", TODAY.minusDays(20));
        LocalDate first = TODAY.plusDays(10);
        agree(LedgerFixtures.token(tenant, "finance"), buyer, List.of(id), 12, first).then().statusCode(201)
                .body("principal.amount", equalTo("0.05"), "instalments.size()", equalTo(5),
                        "instalments.amount.amount", equalTo(List.of("0.01", "0.01", "0.01", "0.01", "0.01")),
                        "instalments[4].dueDate", equalTo(first.plusMonths(4).toString()));
        JsonNode agreed = Contracts.assertValid(eventFor(buyer, "io.tradecredit.invoice.payment-plan-agreed.v1"));
        assertEquals(5, agreed.get("instalments").size());
    }

    @Test
    void lateChargesStopWhileThePlanIsKeptAndResumeWhenItBreaks() {
        String tenant = LedgerFixtures.freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate due = TODAY.minusDays(40);
        String id = LedgerFixtures.issue(tenant, buyer, due.minusDays(30), due, "10000.00");
        LocalDate first = TODAY.plusDays(17); // a date no other test runs the daily job for
        agree(LedgerFixtures.token(tenant, "finance"), buyer, List.of(id), 2, first).then().statusCode(201);
        String charges = "/api/v1/invoices/" + id + "/late-charges";
        String viewer = LedgerFixtures.token(tenant, "viewer");
        // 40 days on 10,000 before the plan: 200.00 interest, the 300.00 fee at 30 DPD; nothing since
        given().auth().oauth2(viewer).queryParam("asOf", TODAY.plusDays(25).toString()).get(charges).then()
                .statusCode(200).body("interest.amount", equalTo("200.00"), "fee.amount", equalTo("300.00"));
        // nothing paid by the first instalment: the plan breaks the day after, and interest runs again
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + first.plusDays(1)).then()
                .statusCode(200);
        // 40 days + 7 days (from the break on first + 1 to the day before asOf) = 47 x 5.00 = 235.00
        given().auth().oauth2(viewer).queryParam("asOf", TODAY.plusDays(25).toString()).get(charges).then()
                .body("interest.amount", equalTo("235.00"), "fee.amount", equalTo("300.00"));
    }

    /**
     * The daily run did not run the day after the missed instalment and found it three days later: interest runs
     * again from the day after the instalment fell due, 40 + 7 days x 5.00 = 235.00 (it ran from the day it was
     * found: 40 + 5 days, 225.00), and the plan says it ended then.
     */
    @Test
    void aMissedInstalmentFoundDaysLaterChargesFromTheDayAfterItFellDue() {
        String tenant = LedgerFixtures.freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate due = TODAY.minusDays(40);
        String id = LedgerFixtures.issue(tenant, buyer, due.minusDays(30), due, "10000.00");
        LocalDate first = TODAY.plusDays(19); // first + 1 no other test runs the daily job for, first + 3 neither
        String planId = agree(LedgerFixtures.token(tenant, "finance"), buyer, List.of(id), 2, first).then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + first.plusDays(3)).then()
                .statusCode(200);
        String viewer = LedgerFixtures.token(tenant, "viewer");
        given().auth().oauth2(viewer).get("/api/v1/payment-plans/" + planId).then().statusCode(200)
                .body("status", equalTo("BROKEN"), "endedOn", equalTo(first.plusDays(1).toString()));
        given().auth().oauth2(viewer).queryParam("asOf", first.plusDays(8).toString())
                .get("/api/v1/invoices/" + id + "/late-charges").then().statusCode(200)
                .body("interest.amount", equalTo("235.00"), "fee.amount", equalTo("300.00"));
    }

    @Test
    void instalmentPaidByItsDueDateIsKeptAndThePlanStaysActive() {
        UUID buyer = UUID.randomUUID();
        String a = issue(invoice(buyer, TODAY.minusDays(60), TODAY.minusDays(30)));
        LocalDate first = TODAY.plusDays(3);
        String planId = agree(FINANCE_ACME, buyer, List.of(a), 2, first).then().statusCode(201).extract().path("id");
        // 621.50 of 1,243.00 due on the first date, paid today through the payment API
        given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyer.toString(), "amount", Map.of("amount", "621.50", "currency", "CNY"),
                        "receivedOn", TODAY.toString()))
                .post("/api/v1/payments").then().statusCode(201);
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + first.plusDays(1)).then()
                .statusCode(200);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("ACTIVE"), "instalments[0].state", equalTo("KEPT"),
                        "instalments[1].state", equalTo("DUE"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + a).then().body("paymentPlanId", equalTo(planId));
    }

    @Test
    void invoiceCanBeUnderOnePlanOnly() {
        UUID buyer = UUID.randomUUID();
        String a = issue(invoice(buyer, TODAY.minusDays(60), TODAY.minusDays(30)));
        agree(FINANCE_ACME, buyer, List.of(a), 2, TODAY.plusDays(5)).then().statusCode(201);
        agree(FINANCE_ACME, buyer, List.of(a), 2, TODAY.plusDays(5)).then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void badAgreementsAreRefusedNamingTheField() {
        UUID buyer = UUID.randomUUID();
        String a = issue(invoice(buyer, TODAY.minusDays(60), TODAY.minusDays(30)));
        String otherBuyers = issue(invoice(UUID.randomUUID(), TODAY.minusDays(60), TODAY.minusDays(30)));
        agree(FINANCE_ACME, buyer, List.of(a, otherBuyers), 2, TODAY.plusDays(5)).then().statusCode(400)
                .body("errors[0].field", equalTo("invoiceIds"));
        agree(FINANCE_ACME, buyer, List.of(a), 0, TODAY.plusDays(5)).then().statusCode(400)
                .body("errors[0].field", equalTo("instalments"));
        agree(FINANCE_ACME, buyer, List.of(a), 2, TODAY.minusDays(1)).then().statusCode(400)
                .body("errors[0].field", equalTo("firstDueDate"));
        agree(FINANCE_ACME, buyer, List.of(UUID.randomUUID().toString()), 2, TODAY.plusDays(5)).then().statusCode(404);
        // another buyer's invoice and a first due date yesterday: both named at once (only the date was)
        agree(FINANCE_ACME, buyer, List.of(a, otherBuyers), 2, TODAY.minusDays(1)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("invoiceIds", "firstDueDate"));
        agree(FINANCE_ACME, buyer, List.of(a, a), 2, TODAY.minusDays(1)).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("invoiceIds", "firstDueDate"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/invoices/" + a).then().body("paymentPlanId", nullValue());
    }

    @Test
    void otherTenantsCannotSeeOrUseThePlan() {
        UUID buyer = UUID.randomUUID();
        String a = issue(invoice(buyer, TODAY.minusDays(60), TODAY.minusDays(30)));
        agree(FINANCE_GLOBEX, buyer, List.of(a), 2, TODAY.plusDays(5)).then().statusCode(404);
        String planId = agree(FINANCE_ACME, buyer, List.of(a), 2, TODAY.plusDays(5)).then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(FINANCE_GLOBEX).get("/api/v1/payment-plans/" + planId).then().statusCode(404);
        agree(VIEWER_ACME, buyer, List.of(a), 2, TODAY.plusDays(5)).then().statusCode(403);
        given().auth().oauth2(VIEWER_ACME).queryParam("buyerId", buyer).get("/api/v1/payment-plans").then()
                .statusCode(200).body("size()", equalTo(1), "[0].id", equalTo(planId));
    }

    @Test
    void theAgreedEventStatesEachInstalmentsPrincipalBesideItsAmountWithInterest() {
        UUID buyer = UUID.randomUUID();
        String a = issue(invoice(buyer, TODAY.minusDays(60), TODAY.minusDays(30)));
        LocalDate first = TODAY.plusDays(30);
        var view = given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyer.toString(), "invoiceIds", List.of(a), "instalments", 2,
                        "frequency", "MONTHLY", "firstDueDate", first.toString(), "annualInterestRate", "0.12"))
                .post("/api/v1/payment-plans").then().statusCode(201).extract().jsonPath();
        JsonNode agreed = Contracts.assertValid(eventFor(buyer, "io.tradecredit.invoice.payment-plan-agreed.v1"));
        for (int i = 0; i < 2; i++) {
            assertEquals(view.getString("instalments[" + i + "].principal.amount"),
                    agreed.at("/instalments/" + i + "/principal/amount").asText());
            assertEquals(view.getString("instalments[" + i + "].amount.amount"),
                    agreed.at("/instalments/" + i + "/amount/amount").asText());
        }
        assertTrue(new java.math.BigDecimal(agreed.at("/instalments/0/amount/amount").asText())
                .compareTo(new java.math.BigDecimal(agreed.at("/instalments/0/principal/amount").asText())) > 0,
                "the amount carries the interest, the principal does not");
    }

    @Test
    void aPaymentRecordedBeforeTheAgreementOnTheSameDayDoesNotKeepTheFirstInstalment() {
        String tenant = LedgerFixtures.freshTenant();
        UUID buyer = UUID.randomUUID();
        String id = LedgerFixtures.issue(tenant, buyer, TODAY.minusDays(60), TODAY.minusDays(30), "1243.00");
        LedgerFixtures.pay(tenant, id, "600.00", TODAY); // the plan spreads the 643.00 left
        LocalDate first = TODAY.plusDays(41);
        String planId = agree(LedgerFixtures.token(tenant, "finance"), buyer, List.of(id), 2, first).then()
                .statusCode(201).body("principal.amount", equalTo("643.00")).extract().path("id");
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + first.plusDays(1)).then()
                .statusCode(200);
        given().auth().oauth2(LedgerFixtures.token(tenant, "viewer")).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("BROKEN"), "instalments[0].state", equalTo("MISSED"));
    }

    @Test
    void aPaymentPostedAfterTheAgreementButReceivedBeforeItKeepsThePlan() {
        String tenant = LedgerFixtures.freshTenant();
        UUID buyer = UUID.randomUUID();
        String id = LedgerFixtures.issue(tenant, buyer, TODAY.minusDays(60), TODAY.minusDays(30), "1243.00");
        LocalDate first = TODAY.plusDays(43);
        String planId = agree(LedgerFixtures.token(tenant, "finance"), buyer, List.of(id), 2, first).then()
                .statusCode(201).extract().path("id");
        LedgerFixtures.pay(tenant, id, "1243.00", TODAY.minusDays(1)); // the bank statement arrived late
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + first.plusDays(1)).then()
                .statusCode(200);
        given().auth().oauth2(LedgerFixtures.token(tenant, "viewer")).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("COMPLETED"), "instalments[0].state", equalTo("KEPT"),
                        "endReason", equalTo("principal settled"));
    }

    @Test
    void aPlanWhoseInvoicesWereCreditedAndWrittenOffIsCompleteNotBroken() {
        Book book = Book.ofTwo();
        String a = book.a(), b = book.b(), finance = book.finance(), viewer = book.viewer();
        LocalDate first = TODAY.plusDays(47);
        String planId = book.plan(first);
        given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body(Map.of("amount", Map.of("amount", "1243.00", "currency", "CNY"), "reason", "goods returned"))
                .post("/api/v1/invoices/" + a + "/credit-notes").then().statusCode(201);
        given().auth().oauth2(finance).contentType(ContentType.JSON).body(Map.of("reason", "buyer insolvent"))
                .post("/api/v1/invoices/" + b + "/write-off").then().statusCode(200);
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + first.plusDays(1)).then()
                .statusCode(200);
        given().auth().oauth2(viewer).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("COMPLETED"), "instalments[0].state", equalTo("KEPT"));
        given().auth().oauth2(viewer).get("/api/v1/invoices/" + b).then().body("paymentPlanId", nullValue());
    }

    @Test
    void writingOffThePlansInvoicesEndsItCompleteAtOnceNotAtTheNextDailyRun() {
        Book book = Book.ofTwo();
        String a = book.a(), b = book.b(), finance = book.finance(), viewer = book.viewer();
        String planId = book.plan(TODAY.plusDays(30));
        writeOff(finance, a);
        // 1,243.00 of the 2,243.00 principal written off: the plan goes on over b, both invoices still on it
        given().auth().oauth2(viewer).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("ACTIVE"), "instalments[0].state", equalTo("DUE"));
        writeOff(finance, b);
        // nothing is left to pay under the plan: it is over in the write-off's transaction, no daily run needed
        given().auth().oauth2(viewer).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("COMPLETED"), "endedOn", equalTo(TODAY.toString()),
                        "endReason", equalTo("principal settled"),
                        "instalments[0].state", equalTo("KEPT"), "instalments[1].state", equalTo("KEPT"));
        for (String id : List.of(a, b)) {
            given().auth().oauth2(viewer).get("/api/v1/invoices/" + id).then().body("paymentPlanId", nullValue());
        }
    }

    @Test
    void aWriteOffWhileTheDailyRunHoldsThePlanIsNotKeptWaitingAndLeavesThePlanToTheRun() throws Exception {
        Book book = Book.ofOne();
        String a = book.a(), finance = book.finance(), viewer = book.viewer();
        LocalDate first = TODAY.plusDays(67); // a date no other test runs the daily job for
        String planId = book.plan(first);
        // the plan's row held as the daily run holds it while judging (it locks plans first, then their invoices)
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (java.sql.Connection run = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            run.setAutoCommit(false);
            try (var st = run.prepareStatement("select id from payment_plan where id = ? for update")) {
                st.setObject(1, UUID.fromString(planId));
                st.executeQuery().close();
            }
            // the write-off answers at once instead of waiting for the run in the opposite lock order
            var writtenOff = java.util.concurrent.CompletableFuture.runAsync(() -> writeOff(finance, a));
            writtenOff.get(20, java.util.concurrent.TimeUnit.SECONDS);
            run.rollback();
        }
        given().auth().oauth2(viewer).get("/api/v1/invoices/" + a).then().body("status", equalTo("WRITTEN_OFF"));
        given().auth().oauth2(viewer).get("/api/v1/payment-plans/" + planId).then().body("status", equalTo("ACTIVE"));
        // the run it was left to ends it
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + first.minusDays(1)).then()
                .statusCode(200);
        given().auth().oauth2(viewer).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("COMPLETED"), "endReason", equalTo("principal settled"));
    }

    @Test
    void aCreditNoteForAllThatIsOpenEndsThePlanAtOnce() {
        Book book = Book.ofOne();
        String a = book.a(), finance = book.finance(), viewer = book.viewer();
        String planId = book.plan(TODAY.plusDays(30));
        given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body(Map.of("amount", Map.of("amount", "1243.00", "currency", "CNY"), "reason", "goods returned"))
                .post("/api/v1/invoices/" + a + "/credit-notes").then().statusCode(201);
        given().auth().oauth2(viewer).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("COMPLETED"), "endedOn", equalTo(TODAY.toString()));
        given().auth().oauth2(viewer).get("/api/v1/invoices/" + a).then().body("paymentPlanId", nullValue());
    }

    @Test
    void aCancelledInvoiceLeavesThePlanAsAWriteOffWouldNotAsAMissedInstalment() {
        Book book = Book.ofTwo();
        String a = book.a(), b = book.b(), finance = book.finance(), viewer = book.viewer();
        LocalDate first = TODAY.plusDays(53); // a date no other test runs the daily job for
        // 2,243.00 in two instalments of 1,121.50
        String planId = book.plan(first);
        cancel(finance, a);
        // a's 1,243.00 left the principal on the day it was cancelled: it covers the first instalment
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + first.plusDays(1)).then()
                .statusCode(200);
        given().auth().oauth2(viewer).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("ACTIVE"), "instalments[0].state", equalTo("KEPT"),
                        "instalments[1].state", equalTo("DUE"));
        cancel(finance, b);
        given().auth().oauth2(viewer).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("COMPLETED"), "endedOn", equalTo(TODAY.toString()),
                        "instalments[1].state", equalTo("KEPT"));
        given().auth().oauth2(viewer).get("/api/v1/invoices/" + b).then().body("paymentPlanId", nullValue());
    }

    /**
     * 1,243.00 with 243.00 disputed: the plan is over the 1,000.00 collectible. The dispute upheld, its 243.00 credit
     * note is not in the principal, so 757.00 paid leaves the plan going with 243.00 of it open (until session 32 the
     * note counted and the plan ended COMPLETED with 243.00 still owed).
     */
    @Test
    void theCreditNoteOfADisputeRunningWhenThePlanWasAgreedDoesNotPayThePlan() {
        Book book = Book.ofOne();
        String a = book.a(), finance = book.finance(), viewer = book.viewer();
        String disputeId = given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body(Map.of("type", "QUALITY", "disputedAmount", cny("243.00"), "description", "three pumps broken"))
                .post("/api/v1/invoices/" + a + "/disputes").then().statusCode(201).extract().path("id");
        String planId = agree(finance, book.buyer(), List.of(a), 2, TODAY.plusDays(30)).then().statusCode(201)
                .body("principal.amount", equalTo("1000.00")).extract().path("id");
        String dispute = "/api/v1/invoices/" + a + "/disputes/" + disputeId;
        given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body(Map.of("responsibleParty", "SELLER", "findings", "packing was insufficient"))
                .post(dispute + "/assessment").then().statusCode(200);
        given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body(Map.of("outcome", "UPHELD", "rootCause", "packing"))
                .post(dispute + "/resolution").then().statusCode(200)
                .body("resolution.creditedAmount.amount", equalTo("243.00"));
        pay(book, "757.00", null);
        given().auth().oauth2(viewer).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("ACTIVE"), "instalments[0].state", equalTo("DUE"));
        given().auth().oauth2(viewer).get("/api/v1/invoices/" + a).then()
                .body("amounts.open.amount", equalTo("243.00"), "paymentPlanId", equalTo(planId));
        pay(book, "243.00", null);
        given().auth().oauth2(viewer).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("COMPLETED"), "instalments[1].state", equalTo("KEPT"));
    }

    @Test
    void aPaymentOfAllThatIsOwedUnderThePlanEndsItCompleteAtOnceNotAtTheNextDailyRun() {
        Book book = Book.ofTwo();
        String a = book.a(), b = book.b(), viewer = book.viewer();
        String planId = book.plan(TODAY.plusDays(30));
        // 2,243.00 in two instalments of 1,121.50; 1,243.00 paid on a: the plan goes on, both invoices on it
        pay(book, "1243.00", null);
        given().auth().oauth2(viewer).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("ACTIVE"), "instalments[0].state", equalTo("DUE"));
        given().auth().oauth2(viewer).get("/api/v1/invoices/" + b).then().body("paymentPlanId", equalTo(planId));
        // the 1,000.00 on b settles the principal: the plan is over in the payment's transaction
        pay(book, "1000.00", null);
        given().auth().oauth2(viewer).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("COMPLETED"), "endedOn", equalTo(TODAY.toString()),
                        "endReason", equalTo("principal settled"),
                        "instalments[0].state", equalTo("KEPT"), "instalments[1].state", equalTo("KEPT"));
        for (String id : List.of(a, b)) {
            given().auth().oauth2(viewer).get("/api/v1/invoices/" + id).then()
                    .body("status", equalTo("PAID"), "paymentPlanId", nullValue());
        }
        // the invoices' paid, then plan-completed naming both, so the plan's readers stop following its schedule
        var told = Topics.read("invoice-events", Duration.ofSeconds(20), rs -> paidOf(rs, book.buyer()).size() == 2);
        assertEquals(Stream.of(a, b).sorted().toList(), paidOf(told, book.buyer()).stream().sorted().toList());
        JsonNode completed = Contracts.assertValid(eventFor(book.buyer(), "io.tradecredit.invoice.plan-completed.v1"));
        assertEquals(planId, completed.get("planId").asText());
        assertEquals(TODAY.toString(), completed.get("asOf").asText());
        assertEquals(Stream.of(a, b).sorted().toList(), Stream.of(completed.at("/invoiceIds/0").asText(),
                completed.at("/invoiceIds/1").asText()).sorted().toList());
        assertTrue(told.stream().noneMatch(r -> book.buyer().toString().equals(r.key())
                && Topics.header(r, "ce_type").matches(".*(plan-broken|instalment-missed).*")), "nothing broken");
    }

    @Test
    void oneOfSeveralInvoicesOfThePlanPaidInOnePaymentJudgesThePlanOnceAndCompletesIt() {
        Book book = Book.ofTwo();
        String planId = book.plan(TODAY.plusDays(30));
        // one payment of 2,243.00, oldest first over both invoices of the plan
        pay(book, "2243.00", null);
        given().auth().oauth2(book.viewer()).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("COMPLETED"), "endedOn", equalTo(TODAY.toString()));
    }

    @Test
    void theBuyersCreditAppliedToThePlansInvoiceEndsItCompleteAtOnce() {
        Book book = Book.ofOne();
        // 1,243.00 received before the plan, 1.00 of it put on a: the plan spreads the 1,242.00 left, the buyer has
        // 1,242.00 of credit
        pay(book, "1243.00", List.of(Map.of("invoiceId", book.a(), "amount", cny("1.00"))));
        String planId = book.plan(TODAY.plusDays(30));
        given().auth().oauth2(book.finance()).contentType(ContentType.JSON).body(Map.of("currency", "CNY"))
                .post("/api/v1/buyers/" + book.buyer() + "/credit/applications").then().statusCode(201);
        given().auth().oauth2(book.viewer()).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("COMPLETED"), "principal.amount", equalTo("1242.00"));
    }

    @Test
    void aPaymentReversedWhileThePlanIsActiveNeitherCompletesNorBreaksIt() {
        Book book = Book.ofTwo();
        String planId = book.plan(TODAY.plusDays(30));
        String paymentId = pay(book, "1243.00", null);
        reverse(book.finance(), paymentId);
        given().auth().oauth2(book.viewer()).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("ACTIVE"), "instalments[0].state", equalTo("DUE"),
                        "instalments[1].state", equalTo("DUE"));
        given().auth().oauth2(book.viewer()).get("/api/v1/invoices/" + book.a()).then()
                .body("status", equalTo("OVERDUE"), "paymentPlanId", equalTo(planId));
    }

    @Test
    void aPaymentThatCompletedThePlanReversedLeavesItCompleteAndItsInvoicesUnderNormalCollection() {
        Book book = Book.ofTwo();
        String planId = book.plan(TODAY.plusDays(30));
        String paymentId = pay(book, "2243.00", null);
        reverse(book.finance(), paymentId);
        // the plan ended the day its principal was settled; what the bounce reopened is owed on the invoices' own
        // due dates, as after a broken plan (a new plan can be agreed over it)
        given().auth().oauth2(book.viewer()).get("/api/v1/payment-plans/" + planId).then()
                .body("status", equalTo("COMPLETED"), "endedOn", equalTo(TODAY.toString()));
        for (String id : List.of(book.a(), book.b())) {
            given().auth().oauth2(book.viewer()).get("/api/v1/invoices/" + id).then()
                    .body("status", equalTo("OVERDUE"), "paymentPlanId", nullValue());
        }
        agree(book.finance(), book.buyer(), List.of(book.a(), book.b()), 2, TODAY.plusDays(30)).then().statusCode(201)
                .body("principal.amount", equalTo("2243.00"));
    }

    /**
     * A fresh tenant's buyer owing 1,243.00 due 30 days ago ({@code a}) and, in the book of two, 1,000.00 due 20 days
     * ago ({@code b}), with the tenant's finance and viewer tokens.
     */
    private record Book(UUID buyer, String finance, String viewer, String a, String b) {
        static Book ofOne() {
            return of(false);
        }

        static Book ofTwo() {
            return of(true);
        }

        private static Book of(boolean two) {
            String tenant = LedgerFixtures.freshTenant();
            UUID buyer = UUID.randomUUID();
            String a = LedgerFixtures.issue(tenant, buyer, TODAY.minusDays(60), TODAY.minusDays(30), "1243.00");
            String b = two ? LedgerFixtures.issue(tenant, buyer, TODAY.minusDays(50), TODAY.minusDays(20), "1000.00") : null;
            return new Book(buyer, LedgerFixtures.token(tenant, "finance"), LedgerFixtures.token(tenant, "viewer"), a, b);
        }

        /** The plan agreed over the book's invoices, in two monthly instalments from {@code first}. */
        String plan(LocalDate first) {
            return agree(finance, buyer, b == null ? List.of(a) : List.of(a, b), 2, first).then().statusCode(201)
                    .extract().path("id");
        }
    }

    private static Map<String, Object> cny(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    /** A payment from the book's buyer received today, oldest first ({@code allocations} null) or as named; its id. */
    private static String pay(Book book, String amount, List<Map<String, Object>> allocations) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("buyerId", book.buyer().toString(), "amount",
                cny(amount), "receivedOn", TODAY.toString()));
        if (allocations != null) {
            body.put("allocations", allocations);
        }
        return given().auth().oauth2(book.finance()).contentType(ContentType.JSON).body(body).post("/api/v1/payments")
                .then().statusCode(201).extract().path("id");
    }

    private static void reverse(String token, String paymentId) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "cheque bounced"))
                .post("/api/v1/payments/" + paymentId + "/reversal").then().statusCode(200);
    }

    /** The invoices told paid to the buyer's consumers, from the records read. */
    private static List<String> paidOf(List<ConsumerRecord<String, String>> records, UUID buyer) {
        return records.stream().filter(r -> buyer.toString().equals(r.key())
                && "io.tradecredit.invoice.paid.v1".equals(Topics.header(r, "ce_type")))
                .map(r -> Contracts.assertValid(r).get("invoiceId").asText()).toList();
    }

    private static void writeOff(String token, String invoiceId) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "buyer insolvent"))
                .post("/api/v1/invoices/" + invoiceId + "/write-off").then().statusCode(200);
    }

    private static void cancel(String token, String invoiceId) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "issued in error"))
                .post("/api/v1/invoices/" + invoiceId + "/cancellation").then().statusCode(200);
    }

    @Test
    void aPlanOverAnInvoiceDisputedInFullOrPaidIsRefusedNamingThemAndChangesNothing() {
        String tenant = LedgerFixtures.freshTenant();
        UUID buyer = UUID.randomUUID();
        String finance = LedgerFixtures.token(tenant, "finance");
        String disputed = LedgerFixtures.issue(tenant, buyer, TODAY.minusDays(60), TODAY.minusDays(30), "1243.00");
        given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body(Map.of("type", "QUALITY", "disputedAmount", Map.of("amount", "1243.00", "currency", "CNY"),
                        "description", "all pumps broken"))
                .post("/api/v1/invoices/" + disputed + "/disputes").then().statusCode(201);
        String paid = LedgerFixtures.issue(tenant, buyer, TODAY.minusDays(60), TODAY.minusDays(30), "500.00");
        LedgerFixtures.pay(tenant, paid, "500.00", TODAY);
        String open = LedgerFixtures.issue(tenant, buyer, TODAY.minusDays(60), TODAY.minusDays(30), "800.00");

        agree(finance, buyer, List.of(disputed), 2, TODAY.plusDays(5)).then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("invoiceIds"));
        agree(finance, buyer, List.of(open, paid, disputed), 2, TODAY.plusDays(5)).then().statusCode(409)
                .contentType("application/problem+json").body("errors.size()", equalTo(2),
                        "detail", containsString("to spread over instalments"),
                        "errors.message", hasItems(containsString(paid), containsString(disputed)));
        String viewer = LedgerFixtures.token(tenant, "viewer");
        for (String id : List.of(disputed, paid, open)) {
            given().auth().oauth2(viewer).get("/api/v1/invoices/" + id).then().body("paymentPlanId", nullValue());
        }
        given().auth().oauth2(viewer).queryParam("buyerId", buyer).get("/api/v1/payment-plans").then()
                .statusCode(200).body("size()", equalTo(0));
    }

    static io.restassured.response.Response agree(String token, UUID buyer, List<String> invoiceIds, int count,
            LocalDate first) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyer.toString(), "invoiceIds", invoiceIds, "instalments", count,
                        "frequency", "MONTHLY", "firstDueDate", first.toString()))
                .post("/api/v1/payment-plans");
    }
}
