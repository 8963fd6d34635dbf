package io.tradecredit.credit.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.credit.CreditFixtures.FINANCE_ACME;
import static io.tradecredit.credit.CreditFixtures.MANAGER_ACME;
import static io.tradecredit.credit.CreditFixtures.MANAGER_GLOBEX;
import static io.tradecredit.credit.CreditFixtures.VIEWER_ACME;
import static io.tradecredit.credit.CreditFixtures.await;
import static io.tradecredit.credit.CreditFixtures.becameOverdue;
import static io.tradecredit.credit.CreditFixtures.buyer;
import static io.tradecredit.credit.CreditFixtures.creditEvents;
import static io.tradecredit.credit.CreditFixtures.disputeOpened;
import static io.tradecredit.credit.CreditFixtures.healthyStatement;
import static io.tradecredit.credit.CreditFixtures.issued;
import static io.tradecredit.credit.CreditFixtures.money;
import static io.tradecredit.credit.CreditFixtures.paymentReceived;
import static io.tradecredit.credit.CreditFixtures.register;
import static io.tradecredit.credit.CreditFixtures.sendInvoiceEvent;
import static io.tradecredit.credit.CreditFixtures.setLimit;
import static io.tradecredit.credit.CreditFixtures.today;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tradecredit.credit.CreditFixtures;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

@QuarkusTest
class CreditFlowTest {

    static ValidatableResponse check(String buyerId, String amount) {
        return given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON)
                .body(Map.of("buyerId", buyerId, "orderAmount", money(amount))).post("/api/v1/credit-checks")
                .then().statusCode(201);
    }

    static ValidatableResponse reportInsolvencyFiling(String buyerId) {
        return given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON)
                .body(Map.of("type", "INSOLVENCY_FILING", "source", "Shenzhen Intermediate Court",
                        "observedOn", today().toString()))
                .post("/api/v1/buyers/" + buyerId + "/warning-signals").then().statusCode(201);
    }

    static long assessments(String buyerId) {
        return Database.count("select count(*) from assessment where buyer_id = ?::uuid", buyerId);
    }

    @Test
    void concurrentChecksAreEachRecordedWithTheDecisionTheyAnswered() throws Exception {
        // decisions of concurrent checks are committed together: every one must be there, as answered
        String id = register(MANAGER_ACME, buyer());
        setLimit(id, "100000.00");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        Map<String, String> answered = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 40; i++) {
                String amount = i % 2 == 0 ? "1000.00" : "200000.00";
                calls.add(pool.submit(() -> {
                    JsonNode r = check(id, amount).extract().as(JsonNode.class);
                    answered.put(r.get("id").asText(), r.get("outcome").asText());
                }));
            }
            for (var call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(40, answered.size());
        assertEquals(40, Database.count("select count(*) from credit_check where buyer_id = ?::uuid", id));
        answered.forEach((checkId, outcome) -> assertEquals(1, Database.count(
                "select count(*) from credit_check where id = ?::uuid and outcome = ?", checkId, outcome), checkId));
        assertEquals(20, Database.count(
                "select count(*) from credit_check where buyer_id = ?::uuid and outcome = 'DECLINED'", id));
        // the log's keys are time-ordered (version 7), carrying the millisecond the check was decided
        answered.keySet().forEach(checkId -> assertEquals(1, Database.count("select count(*) from credit_check "
                + "where id = ?::uuid and substr(id::text, 15, 1) = '7' and ('x' || lpad(replace(substr(id::text, 1, 13), "
                + "'-', ''), 16, '0'))::bit(64)::bigint = floor(extract(epoch from checked_at) * 1000)::bigint", checkId),
                checkId));
    }

    @Test
    void invoiceEventsBuildExposureThatTheCreditCheckWeighsAgainstTheLimit() {
        String id = register(MANAGER_ACME, buyer());
        setLimit(id, "100000.00");
        // a new buyer without invoices: its first order gets the short first term
        check(id, "1000.00").body("outcome", equalTo("APPROVED"), "paymentTerms.days", equalTo(15),
                "paymentTerms.firstOrder", equalTo(true));
        String invoice = UUID.randomUUID().toString();
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(),
                issued(id, invoice, "60000.00", today().plusDays(30)));
        await("exposure of 60,000", () -> Database.count(
                "select count(*) from invoice_position where buyer_id = ?::uuid and open_amount = 60000", id) == 1);

        check(id, "30000.00").body("outcome", equalTo("APPROVED"), "exposure.amount", equalTo("60000.00"),
                "exposureAfter.amount", equalTo("90000.00"), "limit.amount", equalTo("100000.00"),
                "paymentTerms.days", equalTo(30), "paymentTerms.firstOrder", equalTo(false));
        // 105,000 is over the limit but within the 10% tolerance; 120,000 is not
        check(id, "45000.00").body("outcome", equalTo("REFER"), "reasons[0]", startsWith("exposure 105000.00 CNY"));
        check(id, "60000.00").body("outcome", equalTo("DECLINED"));
        assertEquals(4, Database.count("select count(*) from credit_check where buyer_id = ?::uuid", id));

        sendInvoiceEvent("acme", id, "payment-received", UUID.randomUUID().toString(),
                paymentReceived(id, invoice, "50000.00", "10000.00"));
        await("payment applied", () -> Database.count(
                "select count(*) from invoice_position where buyer_id = ?::uuid and open_amount = 10000", id) == 1);
        check(id, "60000.00").body("outcome", equalTo("APPROVED"), "exposureAfter.amount", equalTo("70000.00"));
    }

    /**
     * A buyer with a limit in CNY owes USD 50,000, 120 days overdue, and nothing in CNY: the check declines (how late
     * the buyer is does not depend on the currency) and names the dollars it cannot weigh against the limit without
     * an exchange rate. It approved, with no reason about either.
     */
    @Test
    void anOrderOfABuyerOverdueInAnotherCurrencyIsNotApprovedSilently() {
        String id = register(MANAGER_ACME, buyer());
        setLimit(id, "1000000.00");
        String invoice = UUID.randomUUID().toString();
        Map<String, Object> inUsd = issued(id, invoice, "50000.00", today().minusDays(120));
        Map<String, Object> dollars = Map.of("amount", "50000.00", "currency", "USD");
        inUsd.put("total", dollars);
        inUsd.put("openAmount", dollars);
        inUsd.put("tax", Map.of("amount", "0.00", "currency", "USD"));
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(), inUsd);
        await("the dollar invoice", () -> Database.count("select count(*) from invoice_position where"
                + " invoice_id = ?::uuid and currency = 'USD'", invoice) == 1);
        check(id, "10000.00").body("outcome", equalTo("DECLINED"), "exposureAfter.amount", equalTo("10000.00"),
                "reasons", contains("50000.00 USD overdue, oldest 120 days past due",
                        "owes 50000.00 USD in another currency than the limit's (CNY): not weighed against it"
                                + " without an exchange rate"));
    }

    /** invoice-service may add fields to its events (a compatible change): credit-service still applies them. */
    @Test
    void invoiceEventsWithFieldsThisServiceDoesNotKnowAreStillApplied() {
        String id = register(MANAGER_ACME, buyer());
        String invoice = UUID.randomUUID().toString();
        Map<String, Object> issued = new java.util.HashMap<>(issued(id, invoice, "40000.00", today().plusDays(30)));
        issued.put("incoterms", "FOB");
        issued.put("shipment", Map.of("carrier", "COSCO", "containers", 2));
        sendNewerInvoiceEvent(id, "issued", issued);
        Map<String, Object> paid = new java.util.HashMap<>(paymentReceived(id, invoice, "15000.00", "25000.00"));
        paid.put("allocations", java.util.List.of(Map.of("invoiceId", invoice, "invoiceNumber", "INV-1",
                "amount", money("15000.00"), "openAmount", money("25000.00"), "remittanceLine", 3)));
        paid.put("channel", "SWIFT");
        sendNewerInvoiceEvent(id, "payment-received", paid);
        await("both events applied", () -> Database.count(
                "select count(*) from invoice_position where buyer_id = ?::uuid and open_amount = 25000", id) == 1);
    }

    /** An event of a later version of the producer: today's schema (additionalProperties false) would refuse it. */
    private static void sendNewerInvoiceEvent(String buyerId, String name, Map<String, Object> body) {
        String json;
        try {
            json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Topics.send("invoice-events", buyerId, json, Map.of("ce_specversion", "1.0", "ce_id",
                UUID.randomUUID().toString(), "ce_source", "/tradecredit/invoice-service", "ce_type",
                "io.tradecredit.invoice." + name + ".v1", "ce_tenantid", "acme", "content-type", "application/json"));
    }

    @Test
    void duplicateEventChangesNothing() {
        String id = register(MANAGER_ACME, buyer());
        String invoice = UUID.randomUUID().toString();
        LocalDate due = today().plusDays(30);
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(), issued(id, invoice, "20000.00", due));
        String disputeEvent = UUID.randomUUID().toString();
        Map<String, Object> dispute = disputeOpened(id, invoice, "5000.00", "20000.00", due);
        sendInvoiceEvent("acme", id, "dispute-opened", disputeEvent, dispute);
        await("dispute applied", () -> assessments(id) == 2);
        sendInvoiceEvent("acme", id, "dispute-opened", disputeEvent, dispute);
        // a later event on the same buyer's partition proves the duplicate was read before it
        sendInvoiceEvent("acme", id, "payment-received", UUID.randomUUID().toString(),
                paymentReceived(id, invoice, "1000.00", "19000.00"));
        await("payment applied", () -> Database.count(
                "select count(*) from invoice_position where buyer_id = ?::uuid and open_amount = 19000", id) == 1);
        assertEquals(1, Database.count("select count(*) from invoice_position where buyer_id = ?::uuid"
                + " and disputed_total = 5000", id));
        assertEquals(2, assessments(id));
        // 5,000 disputed of 20,000 = 25%, above the 20% that scores 0
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/assessment").then()
                .body("factors[2].score", equalTo(0), "cause", startsWith("dispute opened"));
    }

    @Test
    void longOverdueInvoiceRegradesCutsTheLimitAndAlerts() {
        String id = register(MANAGER_ACME, buyer());
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(healthyStatement())
                .post("/api/v1/buyers/" + id + "/financial-statements").then().statusCode(201);
        setLimit(id, "1000000.00");
        overdue(id, "500000.00", 200);
        // 200 days past due -> payment index 1: 34.30 + 0.35 + 10 + 10 + 10 = 64.65 -> 65, grade 4 (was 2)
        await("re-grade", () -> Database.count("select count(*) from buyer where id = ?::uuid and grade = 4", id) == 1);
        // grade 4: min(12% of 6,000,000 = 720,000; 8% of 15,000,000 = 1,200,000) = 720,000
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then()
                .body("limit.amount", equalTo("720000.00"), "setBy", equalTo("credit-service"));
        JsonNode cut = Contracts.assertValid(creditEvents(id, "limit-changed", 2).get(1));
        assertEquals("1000000.00", cut.get("oldLimit").get("amount").asText());
        assertEquals("720000.00", cut.get("newLimit").get("amount").asText());
        assertEquals(30, cut.get("paymentTermDays").asInt(), "the buyer's term after the change");
        JsonNode alert = Contracts.assertValid(creditEvents(id, "alert-raised", 1).get(0));
        assertEquals("GRADE_DROP", alert.get("kind").asText());
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/alerts?buyerId=" + id).then().statusCode(200)
                .body("items[0].kind", equalTo("GRADE_DROP"));
        check(id, "1000.00").body("outcome", equalTo("DECLINED"), "reasons", hasItem(startsWith("500000.00 CNY overdue")));
    }

    /**
     * A slide of one grade at a time adds up: the limit was set at grade 2; an invoice 100 days overdue takes the
     * buyer to grade 3 (one grade: nothing), a second one 200 days overdue to grade 4, two grades below the limit's
     * and so past the threshold: cut to what grade 4 allows, with an alert. Each grade was compared with the one
     * before, so the limit was never cut.
     */
    @Test
    void aSlideOfOneGradeAtATimeCutsTheLimitOnceItAddsUpToTheThreshold() {
        String id = register(MANAGER_ACME, buyer());
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(healthyStatement())
                .post("/api/v1/buyers/" + id + "/financial-statements").then().statusCode(201);
        setLimit(id, "1000000.00");
        // 100 days beyond terms -> payment index 30 - 10 x 10/30 = 26.67: 64.30 + 9.33 = 73.63 -> 74, grade 3
        overdue(id, "500000.00", 100);
        await("grade 3", () -> Database.count("select count(*) from buyer where id = ?::uuid and grade = 3", id) == 1);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then()
                .body("limit.amount", equalTo("1000000.00"));
        // with a second 500,000 200 days beyond: 150 days weighted -> index 20 - 19 x 30/60 = 10.5: 67.98 -> 68, grade 4
        overdue(id, "500000.00", 200);
        await("grade 4", () -> Database.count("select count(*) from buyer where id = ?::uuid and grade = 4", id) == 1);
        // grade 4: min(12% of 6,000,000 = 720,000; 8% of 15,000,000 = 1,200,000) = 720,000
        await("the limit cut", () -> "720000.00".equals(given().auth().oauth2(VIEWER_ACME)
                .get("/api/v1/buyers/" + id + "/credit-limit").then().extract().path("limit.amount")));
        JsonNode alert = Contracts.assertValid(creditEvents(id, "alert-raised", 1).get(0));
        assertEquals("GRADE_DROP", alert.get("kind").asText());
        assertTrue(alert.get("message").asText().startsWith("grade fell from 2 to 4"), alert.toString());
    }

    /**
     * An invoice left unpaid ages every day, and the daily overdue re-grade grades the buyer again as of each day:
     * the day after the due date the buyer is grade 1 (the limit, set at grade 2, stands); 200 days past due it
     * is grade 4, so the limit is cut and the credit manager alerted, with no payment or other event in between. The
     * same date run again, or a later date at which the grade stands, records nothing. Before, the buyer kept the
     * grade of its first overdue day until it paid.
     */
    @Test
    void anInvoiceLeftUnpaidGradesTheBuyerAgainAsItAgesAndCutsTheLimit() {
        String id = register(MANAGER_ACME, buyer());
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(healthyStatement())
                .post("/api/v1/buyers/" + id + "/financial-statements").then().statusCode(201);
        setLimit(id, "1000000.00");
        long before = assessments(id);
        // 1 day beyond terms -> payment index 80 - 10/15 = 79: 34.30 + 27.65 + 30 = 91.95 -> 92, grade 1 (the
        // limit was set at grade 2, with no payment history: the neutral 50)
        overdue(id, "500000.00", 1);
        await("became-overdue graded", () -> assessments(id) == before + 1);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id).then().body("grade", equalTo(1));
        LocalDate day200 = today().plusDays(199);
        runOverdueRegrade(day200);
        // 200 days past due -> payment index 1: 34.30 + 0.35 + 30 = 64.65 -> 65, grade 4
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/assessment").then()
                .body("grade", equalTo(4), "factors[1].score", equalTo(1),
                        "cause", equalTo("invoices still unpaid, the oldest 200 days past due on " + day200));
        // grade 4: min(12% of 6,000,000 = 720,000; 8% of 15,000,000 = 1,200,000) = 720,000
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then()
                .body("limit.amount", equalTo("720000.00"), "setBy", equalTo("credit-service"));
        JsonNode alert = Contracts.assertValid(creditEvents(id, "alert-raised", 1).get(0));
        assertEquals("GRADE_DROP", alert.get("kind").asText());
        assertEquals(before + 2, assessments(id));
        // again for the same date, then the next day (still grade 4): nothing more recorded
        given().auth().oauth2(CreditFixtures.OPS).post("/api/v1/admin/jobs/overdue-regrade?asOf=" + day200)
                .then().statusCode(200);
        given().auth().oauth2(CreditFixtures.OPS).post("/api/v1/admin/jobs/overdue-regrade?asOf=" + day200.plusDays(1))
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
        assertEquals(before + 2, assessments(id));
        assertEquals(1, Database.count("select count(*) from buyer where id = ?::uuid and overdue_regraded_on = ?::date",
                id, day200.plusDays(1).toString()));
    }

    /**
     * The overdue re-grade reads a batch's buyers together (their statements, ledgers and signals in one read each),
     * and grades each from its own: on the same date a buyer of acme 251 days past due falls to grade 4 while a
     * buyer of globex whose invoice fell due the day before rises from the neutral grade 2 to grade 1.
     */
    @Test
    void theOverdueRegradeGradesEachBuyerOfABatchFromItsOwnLedger() {
        String late = register(MANAGER_ACME, buyer());
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(healthyStatement())
                .post("/api/v1/buyers/" + late + "/financial-statements").then().statusCode(201);
        String recent = register(MANAGER_GLOBEX, buyer());
        given().auth().oauth2(MANAGER_GLOBEX).contentType(ContentType.JSON).body(healthyStatement())
                .post("/api/v1/buyers/" + recent + "/financial-statements").then().statusCode(201);
        // a date of its own: a job runs once per date, and another test runs it at today + 199
        LocalDate asOf = today().plusDays(250);
        overdue(late, "500000.00", 1);
        String invoice = UUID.randomUUID().toString();
        sendInvoiceEvent("globex", recent, "issued", UUID.randomUUID().toString(),
                issued(recent, invoice, "500000.00", asOf.minusDays(1)));
        // late's became-overdue, read after its issued: graded after the run, it would be late's latest assessment
        await("late's became-overdue graded", () -> Database.count("select count(*) from assessment where"
                + " buyer_id = ?::uuid and cause like '%became overdue'", late) == 1);
        await("both ledgers", () -> Database.count("select count(*) from invoice_position where buyer_id in (?::uuid,"
                + " ?::uuid) and due_date < ?::date", late, recent, asOf.toString()) == 2);
        given().auth().oauth2(MANAGER_GLOBEX).get("/api/v1/buyers/" + recent).then().body("grade", equalTo(2));

        runOverdueRegrade(asOf);
        // 251 days past due -> payment index 1: 64.65 -> 65, grade 4
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + late + "/assessment").then()
                .body("grade", equalTo(4), "factors[1].score", equalTo(1),
                        "cause", equalTo("invoices still unpaid, the oldest 251 days past due on " + asOf));
        // 1 day past due -> payment index 80 - 10/15 = 79: 91.95 -> 92, grade 1
        given().auth().oauth2(MANAGER_GLOBEX).get("/api/v1/buyers/" + recent + "/assessment").then()
                .body("grade", equalTo(1), "factors[1].score", equalTo(79),
                        "cause", equalTo("invoices still unpaid, the oldest 1 day past due on " + asOf));
    }

    /**
     * A write-off is a debt never paid: the written-off amount counts at 180 days beyond terms (the payment index's
     * floor of 1) and the buyer is graded again at once. Before, the write-off only set the open amount to 0, so the
     * bad debt left the payment history and the buyer's next assessment was better than before it.
     */
    @Test
    void aWriteOffCountsAsNeverPaidAndGradesTheBuyerAgain() {
        String id = register(MANAGER_ACME, buyer());
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(healthyStatement())
                .post("/api/v1/buyers/" + id + "/financial-statements").then().statusCode(201);
        String invoice = UUID.randomUUID().toString();
        LocalDate due = today().minusDays(10);
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(), issued(id, invoice, "100000.00", due));
        sendInvoiceEvent("acme", id, "became-overdue", UUID.randomUUID().toString(),
                becameOverdue(id, invoice, "100000.00", due));
        await("became-overdue graded", () -> Database.count("select count(*) from assessment where buyer_id = ?::uuid"
                + " and cause like '%became overdue'", id) == 1);
        // 10 days beyond terms -> payment index 80 - 10 x 10/15 = 73
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/assessment").then()
                .body("factors[1].score", equalTo(73));
        Map<String, Object> writeOff = new java.util.HashMap<>(Map.of("invoiceId", invoice,
                "invoiceNumber", "INV-" + invoice.substring(0, 8), "buyerId", id, "amount", money("100000.00"),
                "reason", "buyer insolvent", "dueDate", due.toString(), "openAmount", money("0.00")));
        sendInvoiceEvent("acme", id, "written-off", UUID.randomUUID().toString(), writeOff);
        await("write-off graded", () -> Database.count("select count(*) from assessment where buyer_id = ?::uuid"
                + " and cause like '%written off as bad debt'", id) == 1);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/assessment").then()
                .body("factors[1].score", equalTo(1), "factors[1].explanation", startsWith("payment index 1: 180.0 days"),
                        "cause", equalTo("invoice INV-" + invoice.substring(0, 8) + " written off as bad debt"));
        assertEquals(1, Database.count("select count(*) from invoice_position where invoice_id = ?::uuid"
                + " and written_off = 100000 and open_amount = 0", invoice));
    }

    /**
     * 100,000 due 92 days ago, 60,000 paid 30 days late, the 40,000 left written off today: invoice-service's
     * written-off tells the 60,000 and its 30 days past due, so the payment behaviour weighs 60,000 at 30 days and
     * 40,000 at 180: 90.0 days, payment index 30. Before, only the written-off 40,000 counted: 180 days, index 1, as if
     * the buyer had never paid anything of it.
     */
    @Test
    void aPartPaidInvoiceWrittenOffWeighsThePaidPartAtItsLatenessAndOnlyTheRestAsNeverPaid() {
        String id = register(MANAGER_ACME, buyer());
        String invoice = UUID.randomUUID().toString();
        String number = "INV-" + invoice.substring(0, 8);
        LocalDate due = today().minusDays(92);
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(), issued(id, invoice, "100000.00", due));
        sendInvoiceEvent("acme", id, "payment-received", UUID.randomUUID().toString(),
                paymentReceived(id, invoice, "60000.00", "40000.00"));
        Map<String, Object> writeOff = new java.util.HashMap<>(Map.of("invoiceId", invoice, "invoiceNumber", number,
                "buyerId", id, "amount", money("40000.00"), "reason", "buyer insolvent", "dueDate", due.toString(),
                "openAmount", money("0.00")));
        writeOff.put("paidByBuyer", Map.of("amount", money("60000.00"), "lastPaidOn", due.plusDays(30).toString(),
                "daysPastDue", 30));
        sendInvoiceEvent("acme", id, "written-off", UUID.randomUUID().toString(), writeOff);
        await("write-off graded", () -> Database.count("select count(*) from assessment where buyer_id = ?::uuid"
                + " and cause like '%written off as bad debt'", id) == 1);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/assessment").then()
                .body("factors[1].score", equalTo(30),
                        "factors[1].explanation", startsWith("payment index 30: 90.0 days beyond terms"));
        assertEquals(1, Database.count("select count(*) from invoice_position where invoice_id = ?::uuid"
                + " and written_off = 40000 and paid_before_write_off = 60000 and paid_before_write_off_days = 30",
                invoice));
    }

    /**
     * An insured loss is written off on the day the insurer settled the claim (invoice-service dates it on the
     * indemnity's paidOn), which can be weeks before invoice-service books it and publishes written-off: 100,000 due
     * 260 days ago, written off 60 days ago (200 days past due), published today. The payment behaviour counts the
     * write-off's own day, writtenOffOn: 200.0 days beyond terms; before, the event's day: 260.0.
     */
    @Test
    void aWriteOffIsDatedOnItsOwnDayNotOnTheDayItWasPublished() {
        String id = register(MANAGER_ACME, buyer());
        String invoice = UUID.randomUUID().toString();
        LocalDate due = today().minusDays(260);
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(), issued(id, invoice, "100000.00", due));
        Map<String, Object> writeOff = new java.util.HashMap<>(Map.of("invoiceId", invoice,
                "invoiceNumber", "INV-" + invoice.substring(0, 8), "buyerId", id, "amount", money("100000.00"),
                "reason", "insured loss: claim 1 fully paid", "dueDate", due.toString(), "openAmount", money("0.00"),
                "writtenOffOn", due.plusDays(200).toString()));
        sendInvoiceEvent("acme", id, "written-off", UUID.randomUUID().toString(), writeOff);
        await("write-off graded", () -> Database.count("select count(*) from assessment where buyer_id = ?::uuid"
                + " and cause like '%written off as bad debt'", id) == 1);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/assessment").then()
                .body("factors[1].explanation", startsWith("payment index 1: 200.0 days beyond terms"));
        assertEquals(1, Database.count("select count(*) from invoice_position where invoice_id = ?::uuid"
                + " and written_off_on = ?", invoice, due.plusDays(200)));
    }

    /**
     * DOMAIN §4's claim as invoice-service books it: INV-1 60,000 due 122 days ago and INV-2 40,000 due 91 days ago,
     * nothing paid by the buyer; its insurer's indemnity of 72,000 arrives today (payment-received, payer INSURER,
     * oldest first): INV-1 settled by it (paid, settledBy INSURER, paidByInsurer 60,000), INV-2 takes 12,000 and its
     * 28,000 is written off as the insured loss (paidByInsurer 12,000). Beside them the buyer paid INV-0, 100,000, on
     * its due date. The buyer paid neither claimed invoice: 100,000 on time and 100,000 never paid, 90.0 days beyond
     * terms, payment index 30. Before, INV-1 counted as paid by the buyer 122 days late and the insurer's 12,000
     * nowhere: 65.7 days, index 38.
     */
    @Test
    void whatTheInsurersIndemnityPaidIsNotTheBuyersPaymentBehaviour() {
        String id = register(MANAGER_ACME, buyer());
        String onTime = UUID.randomUUID().toString();
        String inv1 = UUID.randomUUID().toString();
        String inv2 = UUID.randomUUID().toString();
        LocalDate due0 = today().minusDays(150);
        LocalDate due1 = today().minusDays(122);
        LocalDate due2 = today().minusDays(91);
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(), issued(id, onTime, "100000.00", due0));
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(), issued(id, inv1, "60000.00", due1));
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(), issued(id, inv2, "40000.00", due2));
        sendInvoiceEvent("acme", id, "paid", UUID.randomUUID().toString(),
                paid(id, onTime, "100000.00", due0, due0, 0, "PAYMENT"));
        sendInvoiceEvent("acme", id, "payment-received", UUID.randomUUID().toString(), Map.of("paymentId",
                UUID.randomUUID().toString(), "buyerId", id, "amount", money("72000.00"),
                "receivedOn", today().toString(), "reference", UUID.randomUUID().toString(),
                "allocations", java.util.List.of(
                        Map.of("invoiceId", inv1, "invoiceNumber", "INV-" + inv1.substring(0, 8),
                                "amount", money("60000.00"), "openAmount", money("0.00")),
                        Map.of("invoiceId", inv2, "invoiceNumber", "INV-" + inv2.substring(0, 8),
                                "amount", money("12000.00"), "openAmount", money("28000.00"))),
                "unallocated", money("0.00"), "buyerCreditBalance", money("0.00"),
                "payer", Map.of("kind", "INSURER", "name", "Sinosure")));
        Map<String, Object> settled = new java.util.HashMap<>(paid(id, inv1, "60000.00", due1, today(), 122,
                "INSURER"));
        settled.put("paidByInsurer", money("60000.00"));
        settled.put("paidByBuyer", null);
        sendInvoiceEvent("acme", id, "paid", UUID.randomUUID().toString(), settled);
        Map<String, Object> writeOff = new java.util.HashMap<>(Map.of("invoiceId", inv2,
                "invoiceNumber", "INV-" + inv2.substring(0, 8), "buyerId", id, "amount", money("28000.00"),
                "reason", "insured loss: claim 1 fully paid", "dueDate", due2.toString(),
                "openAmount", money("0.00"), "paidByInsurer", money("12000.00"), "writtenOffOn", today().toString()));
        writeOff.put("paidByBuyer", null);
        sendInvoiceEvent("acme", id, "written-off", UUID.randomUUID().toString(), writeOff);
        await("write-off graded", () -> Database.count("select count(*) from assessment where buyer_id = ?::uuid"
                + " and cause like '%written off as bad debt'", id) == 1);
        assertEquals(1, Database.count("select count(*) from assessment where buyer_id = ?::uuid and cause = ?", id,
                "invoice INV-" + inv1.substring(0, 8) + " not paid by the buyer: settled by its credit insurer's"
                        + " indemnity 122 days past due"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/assessment").then()
                .body("factors[1].score", equalTo(30),
                        "factors[1].explanation", startsWith("payment index 30: 90.0 days beyond terms"));
    }

    /**
     * An invoice the buyer finished paying after its credit insurer's partial indemnity paid part of it: invoice-service's
     * paid says PAYMENT with paidByInsurer 50,000 and paidByBuyer 50,000 paid 100 days past due. Beside 100,000 paid on
     * time: (100,000 x 0 + 50,000 x 100 + 50,000 x 180) / 200,000 = 70.0 days (the insurer's part never paid by the
     * buyer), graded again as the buyer paying late with part of it the insurer's, not as settled by the insurer.
     */
    @Test
    void anInvoiceTheBuyerFinishedAfterItsInsurerPaidPartWeighsOnlyTheBuyersPartAtItsLateness() {
        String id = register(MANAGER_ACME, buyer());
        String onTime = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        LocalDate due0 = today().minusDays(150);
        LocalDate due = today().minusDays(100);
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(), issued(id, onTime, "100000.00", due0));
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(), issued(id, inv, "100000.00", due));
        sendInvoiceEvent("acme", id, "paid", UUID.randomUUID().toString(),
                paid(id, onTime, "100000.00", due0, due0, 0, "PAYMENT"));
        Map<String, Object> finished = new java.util.HashMap<>(paid(id, inv, "100000.00", due, today(), 100, "PAYMENT"));
        finished.put("paidByInsurer", money("50000.00"));
        finished.put("paidByBuyer", Map.of("amount", money("50000.00"), "lastPaidOn", today().toString(),
                "daysPastDue", 100));
        sendInvoiceEvent("acme", id, "paid", UUID.randomUUID().toString(), finished);
        await("the finished invoice graded", () -> Database.count("select count(*) from assessment where buyer_id = ?::uuid"
                + " and cause like 'invoice INV-" + inv.substring(0, 8) + " %'", id) == 1);
        assertEquals(1, Database.count("select count(*) from assessment where buyer_id = ?::uuid and cause = ?", id,
                "invoice INV-" + inv.substring(0, 8) + " paid 100 days past due, part of it not by the buyer: by its"
                        + " credit insurer's indemnity"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/assessment").then()
                .body("factors[1].explanation", org.hamcrest.Matchers.containsString(": 70.0 days beyond terms"));
    }

    /**
     * A bounced payment: 100,000 due 120 days ago, paid the day before it fell due, the payment reversed (invoice-service's
     * payment-reversed) and the invoice still unpaid today: 120 days beyond terms, payment index 20; the reversal left
     * the paid day standing, and the buyer kept the index of one who pays on time (80).
     */
    @Test
    void aReversedPaymentCountsTheInvoiceUnpaidAgainInThePaymentBehaviour() {
        String id = register(MANAGER_ACME, buyer());
        String invoice = UUID.randomUUID().toString();
        String number = "INV-" + invoice.substring(0, 8);
        LocalDate due = today().minusDays(120);
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(), issued(id, invoice, "100000.00", due));
        sendInvoiceEvent("acme", id, "paid", UUID.randomUUID().toString(), Map.of("invoiceId", invoice,
                "invoiceNumber", number, "buyerId", id, "total", money("100000.00"), "dueDate", due.toString(),
                "paidOn", due.minusDays(1).toString(), "daysPastDue", 0, "openAmount", money("0.00")));
        String reversal = UUID.randomUUID().toString();
        sendInvoiceEvent("acme", id, "payment-reversed", reversal, Map.of("paymentId",
                UUID.randomUUID().toString(), "buyerId", id, "amount", money("100000.00"), "reason", "cheque bounced",
                "allocations", java.util.List.of(Map.of("invoiceId", invoice, "invoiceNumber", number,
                        "amount", money("100000.00"), "openAmount", money("100000.00"))),
                "buyerCreditBalance", money("0.00")));
        // the issued invoice is open 100,000 too: wait for the reversal itself, not for an amount it shares
        await("reversal applied", () -> Database.count("select count(*) from inbox where consumer = 'credit-service'"
                + " and event_id = ?", reversal) == 1);
        assertEquals(1, Database.count("select count(*) from invoice_position where invoice_id = ?::uuid"
                + " and open_amount = 100000 and paid_on is null", invoice));
        given().auth().oauth2(MANAGER_ACME).post("/api/v1/buyers/" + id + "/assessments").then().statusCode(201)
                .body("factors[1].score", equalTo(20),
                        "factors[1].explanation", startsWith("payment index 20: 120.0 days beyond terms"));
    }

    static Map<String, Object> paid(String buyerId, String invoiceId, String total, LocalDate due, LocalDate paidOn,
            int daysPastDue, String settledBy) {
        return Map.of("invoiceId", invoiceId, "invoiceNumber", "INV-" + invoiceId.substring(0, 8), "buyerId", buyerId,
                "total", money(total), "dueDate", due.toString(), "paidOn", paidOn.toString(),
                "daysPastDue", daysPastDue, "openAmount", money("0.00"), "settledBy", settledBy);
    }

    /**
     * A credit note is not a payment: 100,000 due 90 days ago, 10,000 paid on the due date and the 90,000 left
     * credited today (an upheld quality dispute; invoice-service's paid counts 0 days to the buyer's payment); 50,000
     * paid 60 days late. The payment behaviour weighs what was paid: (10,000 x 0 + 50,000 x 60) / 60,000 = 50.0 days,
     * index 43. Weighed by the total, the credited 90,000 counted as paid on time: 20.0 days, index 63.
     */
    @Test
    void anInvoiceSettledMostlyByACreditNoteWeighsOnlyWhatTheBuyerPaid() {
        String id = register(MANAGER_ACME, buyer());
        LocalDate due = today().minusDays(90);
        String credited = UUID.randomUUID().toString();
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(), issued(id, credited, "100000.00", due));
        sendInvoiceEvent("acme", id, "payment-received", UUID.randomUUID().toString(),
                paymentReceived(id, credited, "10000.00", "90000.00"));
        sendInvoiceEvent("acme", id, "credit-note-issued", UUID.randomUUID().toString(), Map.of("creditNoteId",
                UUID.randomUUID().toString(), "creditNoteNumber", "CN-000001", "invoiceId", credited,
                "invoiceNumber", "INV-" + credited.substring(0, 8), "buyerId", id, "amount", money("90000.00"),
                "reason", "QUALITY dispute UPHELD: broken seals", "dueDate", due.toString(),
                "openAmount", money("0.00")));
        sendInvoiceEvent("acme", id, "paid", UUID.randomUUID().toString(),
                paid(id, credited, "100000.00", due, today(), 0, "CREDIT_NOTE"));
        String late = UUID.randomUUID().toString();
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(), issued(id, late, "50000.00", due));
        sendInvoiceEvent("acme", id, "paid", UUID.randomUUID().toString(),
                paid(id, late, "50000.00", due, due.plusDays(60), 60, "PAYMENT"));
        await("both paid", () -> Database.count("select count(*) from invoice_position where buyer_id = ?::uuid"
                + " and paid_on is not null", id) == 2);
        assertEquals(1, Database.count("select count(*) from invoice_position where invoice_id = ?::uuid"
                + " and credited = 90000", credited));
        given().auth().oauth2(MANAGER_ACME).post("/api/v1/buyers/" + id + "/assessments").then().statusCode(201)
                .body("factors[1].score", equalTo(43),
                        "factors[1].explanation", startsWith("payment index 43: 50.0 days beyond terms"));
    }

    /**
     * An invoice of 100,000 left unpaid 95 days past due brought the buyer's payment behaviour down (index 28); the
     * tenant then credits it in full (issued at the wrong price): nothing of it was paid late any more, and the buyer
     * is graded again at once, the credit note the cause (neutral 50: nothing paid yet). Before, credit notes only
     * moved amounts and the daily re-grade looks only at buyers that still owe past due: the grade stayed down until
     * something else happened.
     */
    @Test
    void aCreditNoteOnAnInvoicePastItsDueDateGradesTheBuyerAgain() {
        String id = register(MANAGER_ACME, buyer());
        String invoice = UUID.randomUUID().toString();
        String number = "INV-" + invoice.substring(0, 8);
        LocalDate due = today().minusDays(95);
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(), issued(id, invoice, "100000.00", due));
        await("issued", () -> Database.count("select count(*) from invoice_position where invoice_id = ?::uuid",
                invoice) == 1);
        given().auth().oauth2(MANAGER_ACME).post("/api/v1/buyers/" + id + "/assessments").then().statusCode(201)
                .body("factors[1].explanation", startsWith("payment index 28: 95.0 days beyond terms"));
        long before = assessments(id);
        sendInvoiceEvent("acme", id, "credit-note-issued", UUID.randomUUID().toString(), Map.of("creditNoteId",
                UUID.randomUUID().toString(), "creditNoteNumber", "CN-000002", "invoiceId", invoice,
                "invoiceNumber", number, "buyerId", id, "amount", money("100000.00"), "reason", "wrong price",
                "dueDate", due.toString(), "openAmount", money("0.00")));
        await("graded again", () -> assessments(id) == before + 1);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/assessments").then().statusCode(200)
                .body("items[0].cause", equalTo("credit note on invoice " + number + ", 95 days past due"),
                        "items[0].factors[1].explanation", startsWith("no paid invoices on this ledger yet"));
    }

    /**
     * Dispute step 4: a resolution that asks to adjust the buyer's credit policy reaches the credit manager as an
     * alert (the grade reacts by itself; the policy is the manager's). Before, the text stayed in invoice-service.
     */
    @Test
    void aDisputeResolvedWithACreditPolicyAdjustmentAlertsTheCreditManager() {
        String id = register(MANAGER_ACME, buyer());
        String invoice = UUID.randomUUID().toString();
        LocalDate due = today().plusDays(20);
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(), issued(id, invoice, "20000.00", due));
        sendInvoiceEvent("acme", id, "dispute-opened", UUID.randomUUID().toString(),
                disputeOpened(id, invoice, "5000.00", "20000.00", due));
        sendInvoiceEvent("acme", id, "dispute-resolved", UUID.randomUUID().toString(),
                rejectedAskingForPrepayment(id, invoice, "5000.00", "20000.00", due));
        JsonNode alert = Contracts.assertValid(creditEvents(id, "alert-raised", 1).get(0));
        assertEquals("CREDIT_POLICY_REVIEW", alert.get("kind").asText());
        assertEquals("dispute on invoice INV-" + invoice.substring(0, 8) + " resolved; adjust the buyer's credit policy:"
                + " ask for prepayment of the next order", alert.get("message").asText());
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/alerts?buyerId=" + id).then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.contains("CREDIT_POLICY_REVIEW"));
    }

    /**
     * A dispute resolved with a credit-policy adjustment whose re-grade falls past the threshold (an invoice 200 days
     * past due, issued without its became-overdue yet, weighs in): one CREDIT_POLICY_REVIEW alert telling the fall and
     * its cut too, one email. It raised GRADE_DROP and then CREDIT_POLICY_REVIEW: two credit.alert emails.
     */
    @Test
    void aPolicyReviewWhoseReGradeFallsPastTheThresholdIsOneAlertTellingBoth() {
        String id = register(MANAGER_ACME, buyer());
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(healthyStatement())
                .post("/api/v1/buyers/" + id + "/financial-statements").then().statusCode(201);
        setLimit(id, "1000000.00");
        String disputed = UUID.randomUUID().toString();
        LocalDate due = today().plusDays(20);
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(), issued(id, disputed, "1000.00", due));
        sendInvoiceEvent("acme", id, "dispute-opened", UUID.randomUUID().toString(),
                disputeOpened(id, disputed, "10.00", "1000.00", due));
        String old = UUID.randomUUID().toString();
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(),
                issued(id, old, "500000.00", today().minusDays(200)));
        sendInvoiceEvent("acme", id, "dispute-resolved", UUID.randomUUID().toString(),
                rejectedAskingForPrepayment(id, disputed, "10.00", "1000.00", due));
        await("the alert", () -> Database.count("select count(*) from alert where buyer_id = ?::uuid", id) >= 1);
        assertEquals(1, Database.count("select count(*) from alert where buyer_id = ?::uuid", id), "one alert, one email");
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then()
                .body("limit.amount", equalTo("720000.00"));
        String number = "INV-" + disputed.substring(0, 8);
        JsonNode alert = Contracts.assertValid(creditEvents(id, "alert-raised", 1).get(0));
        assertEquals("CREDIT_POLICY_REVIEW", alert.get("kind").asText());
        assertEquals("dispute on invoice " + number + " resolved; adjust the buyer's credit policy: ask for prepayment"
                + " of the next order; grade fell from 2 to 4 (threshold 2): limit cut from 1000000.00 CNY to 720000.00 CNY",
                alert.get("message").asText(), "the dispute's resolution told once, not again as the fall's cause");
    }

    /** The daily overdue re-grade of {@code asOf}, run to its end by the operator's door. */
    static void runOverdueRegrade(LocalDate asOf) {
        given().auth().oauth2(CreditFixtures.OPS).post("/api/v1/admin/jobs/overdue-regrade?asOf=" + asOf)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    /** An invoice of the buyer issued and fallen overdue {@code daysPastDue} days ago, as invoice-service announces them. */
    static void overdue(String buyerId, String amount, int daysPastDue) {
        String invoice = UUID.randomUUID().toString();
        LocalDate due = today().minusDays(daysPastDue);
        sendInvoiceEvent("acme", buyerId, "issued", UUID.randomUUID().toString(), issued(buyerId, invoice, amount, due));
        sendInvoiceEvent("acme", buyerId, "became-overdue", UUID.randomUUID().toString(),
                becameOverdue(buyerId, invoice, amount, due));
    }

    @Test
    void increaseWaitsForACreditManager() {
        String id = register(MANAGER_ACME, buyer());
        setLimit(id, "10000.00");
        String request = given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON)
                .body(Map.of("buyerId", id, "limit", money("20000.00"), "reason", "larger orders from spring"))
                .post("/api/v1/limit-requests").then().statusCode(201)
                .body("status", equalTo("PENDING")).extract().path("id");
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then()
                .body("limit.amount", equalTo("10000.00"), "pendingRequest.id", equalTo(request));
        given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/limit-requests/" + request + "/approval").then().statusCode(403);
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(Map.of("note", "ok"))
                .post("/api/v1/limit-requests/" + request + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED"), "decidedBy", equalTo("cm-1"));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then()
                .body("limit.amount", equalTo("20000.00"), "pendingRequest", equalTo(null));
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/limit-requests/" + request + "/approval").then().statusCode(409);
    }

    /**
     * A proposal a credit manager rejected is not made again while the grade stays: the limit was set at the grade
     * of a buyer without statements, a healthy statement takes it to grade 2 and the formula proposes more; the
     * manager rejects; re-assessed at grade 2 again, nothing rose, so nothing is proposed (it proposed the same
     * increase, "grade rose", after every re-assessment, measured from the grade the limit was set at).
     */
    @Test
    void aRejectedIncreaseIsNotProposedAgainWhileTheGradeStays() {
        String id = register(MANAGER_ACME, buyer());
        setLimit(id, "1000.00");
        int setAt = given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id).then().extract().path("grade");
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(healthyStatement())
                .post("/api/v1/buyers/" + id + "/financial-statements").then().statusCode(201);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id).then().body("grade", equalTo(2));
        String proposal = given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then()
                .body("pendingRequest.reason", equalTo("grade rose from " + setAt + " to 2: the formula allows more"))
                .extract().path("pendingRequest.id");
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(Map.of("note", "1,000 is enough"))
                .post("/api/v1/limit-requests/" + proposal + "/rejection").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        given().auth().oauth2(MANAGER_ACME).post("/api/v1/buyers/" + id + "/assessments").then().statusCode(201)
                .body("grade", equalTo(2));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then()
                .body("limit.amount", equalTo("1000.00"), "pendingRequest", equalTo(null));
        assertEquals(1, Database.count("select count(*) from limit_request where buyer_id = ?::uuid", id));
    }

    /**
     * A proposal the service made at a better grade is withdrawn when a later re-assessment leaves the buyer worse:
     * limit 1,000 set at the grade of a buyer without statements, a healthy statement takes it to grade 2 and
     * 1,080,000 is proposed; the next year's statement is weak and the grade falls. The proposal stayed PENDING,
     * for a credit manager to approve 1,080,000 at a grade whose formula no longer allows it, and kept every other
     * request out (409 limit-request.already-pending); now it is WITHDRAWN, saying why, and cannot be approved.
     */
    @Test
    void aProposedIncreaseIsWithdrawnWhenTheGradeFallsAgain() {
        String id = register(MANAGER_ACME, buyer());
        String proposal = increaseProposedOnALimitOf1000(id);
        Map<String, Object> weak = new java.util.HashMap<>(healthyStatement());
        weak.put("fiscalYear", 2026);
        weak.put("currentAssets", "2000000");
        weak.put("currentLiabilities", "5000000");
        weak.put("totalLiabilities", "9500000");
        weak.put("retainedEarnings", "-2000000");
        weak.put("ebit", "-800000");
        weak.put("equity", "500000");
        weak.put("netWorth", "500000");
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(weak)
                .post("/api/v1/buyers/" + id + "/financial-statements").then().statusCode(201);
        int fell = given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id).then().extract().path("grade");
        assertTrue(fell > 2, "the weak statement takes the buyer below grade 2, was " + fell);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then()
                .body("pendingRequest", equalTo(null));
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/limit-requests").then()
                .body("id", not(hasItem(proposal)));
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/limit-requests/" + proposal).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"), "decidedBy", equalTo("credit-service"),
                        "decisionNote", startsWith("grade fell to " + fell + " (proposed at grade 2) after "));
        // the fall (from grade 4, the limit's, to 6) is past the threshold: its one alert also tells the credit
        // manager that the increase waiting for her is gone (it vanished from her list without a word), the fall and
        // its cause once (it told them again: "…; the proposed … was withdrawn: grade fell to 6 (…) after <cause>")
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/alerts?buyerId=" + id).then().statusCode(200)
                .body("total", equalTo(1), "items[0].kind", equalTo("GRADE_DROP"), "items[0].message",
                        equalTo("grade fell from 4 to 6 (threshold 2): limit 1000.00 CNY kept, grade 6 allows 35000.00"
                                + " CNY after financial statement 2026; the proposed limit increase to 1080000.00 CNY"
                                + " (proposed at grade 2) was withdrawn"));
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(Map.of("note", "ok"))
                .post("/api/v1/limit-requests/" + proposal + "/approval").then().statusCode(409)
                .body("code", equalTo("limit-request.already-decided"));
        // the buyer's limit stays what the credit manager set, and a new request may be asked for
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then()
                .body("limit.amount", equalTo("1000.00"));
        given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON)
                .body(Map.of("buyerId", id, "limit", money("2000.00"), "reason", "seasonal orders"))
                .post("/api/v1/limit-requests").then().statusCode(201);
    }

    /**
     * A proposal withdrawn by a fall too small to cut the limit is told to the credit manager on its own: limit 1,000
     * set at grade 4, a healthy statement takes the buyer to grade 2 and 1,080,000 is proposed; an invoice 100 days
     * overdue takes it to grade 3, no fall from the limit's grade 4, but worse than the proposal's 2: the proposal
     * is withdrawn and a PROPOSAL_WITHDRAWN alert (and its credit.alert email) says so. Before, it left the credit
     * manager's list of pending requests without a word.
     */
    @Test
    void aProposalWithdrawnByASmallerFallIsToldToTheCreditManager() {
        String id = register(MANAGER_ACME, buyer());
        String proposal = increaseProposedOnALimitOf1000(id);
        // 100 days beyond terms -> payment index 26.67: 64.30 + 9.33 = 73.63 -> 74, grade 3
        overdue(id, "500000.00", 100);
        await("grade 3", () -> Database.count("select count(*) from buyer where id = ?::uuid and grade = 3", id) == 1);
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/limit-requests/" + proposal).then()
                .body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/alerts?buyerId=" + id).then().statusCode(200)
                .body("total", equalTo(1), "items[0].kind", equalTo("PROPOSAL_WITHDRAWN"), "items[0].message",
                        startsWith("the proposed limit increase to 1080000.00 CNY was withdrawn: grade fell to 3"
                                + " (proposed at grade 2) after invoice "));
        JsonNode told = Contracts.assertValid(creditEvents(id, "alert-raised", 1).get(0));
        assertEquals("PROPOSAL_WITHDRAWN", told.get("kind").asText());
        assertEquals(3, told.get("grade").asInt());
        // the limit stands: a smaller fall cuts nothing
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then()
                .body("limit.amount", equalTo("1000.00"));
    }

    /**
     * A credit manager who sets the limit herself supersedes the service's pending proposal: 1,080,000 proposed on a
     * limit of 1,000, then 2,000,000 set by PUT. The proposal stayed PENDING, and approving it afterwards cut the
     * limit from 2,000,000 to 1,080,000 ("request approved"); now it is WITHDRAWN by the manager's decision.
     */
    @Test
    void aLimitSetByACreditManagerWithdrawsTheServicesPendingProposal() {
        String id = register(MANAGER_ACME, buyer());
        String proposal = increaseProposedOnALimitOf1000(id);
        setLimit(id, "2000000.00");
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then()
                .body("limit.amount", equalTo("2000000.00"), "pendingRequest", equalTo(null));
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/limit-requests/" + proposal).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"), "decidedBy", equalTo("cm-1"),
                        "decisionNote", equalTo("superseded by the limit 2000000.00 CNY set by cm-1"));
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(Map.of("note", "ok"))
                .post("/api/v1/limit-requests/" + proposal + "/approval").then().statusCode(409);
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/credit-limit").then()
                .body("limit.amount", equalTo("2000000.00"));
        // the credit manager's own decision: nothing to alert her to
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/alerts?buyerId=" + id).then().body("total", equalTo(0));
    }

    /** A limit request is read at the address its POST answered; another tenant's or an unknown one is 404. */
    @Test
    void aLimitRequestIsReadWhereItsLocationSays() {
        String id = register(MANAGER_ACME, buyer());
        setLimit(id, "10000.00");
        var created = given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON)
                .body(Map.of("buyerId", id, "limit", money("20000.00"), "reason", "larger orders from spring"))
                .post("/api/v1/limit-requests").then().statusCode(201);
        String location = created.extract().header("Location");
        String request = created.extract().path("id");
        given().auth().oauth2(FINANCE_ACME).get(location).then().statusCode(200)
                .body("id", equalTo(request), "status", equalTo("PENDING"),
                        "requestedLimit.amount", equalTo("20000.00"));
        given().auth().oauth2(MANAGER_GLOBEX).get(location).then().statusCode(404);
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/limit-requests/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("limit-request.not-found"));
        given().auth().oauth2(MANAGER_ACME).get("/api/v1/limit-requests/not-a-uuid").then().statusCode(400);
    }

    /**
     * A buyer invoiced before and without a limit is no new buyer: its order is referred on its agreed 30 days,
     * and the reason says so (it said "a new buyer's first order goes on prepayment or a short term" beside terms of
     * 30 days that were no first order's).
     */
    @Test
    void aBuyerInvoicedBeforeWithoutALimitIsNotCalledANewBuyer() {
        String id = register(MANAGER_ACME, buyer());
        String invoice = UUID.randomUUID().toString();
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(),
                issued(id, invoice, "20000.00", today().plusDays(20)));
        await("invoice read", () -> Database.count("select count(*) from invoice_position where invoice_id = ?::uuid",
                invoice) == 1);
        check(id, "10000.00").body("outcome", equalTo("REFER"), "paymentTerms.days", equalTo(30),
                "paymentTerms.firstOrder", equalTo(false), "exposureAfter.amount", equalTo("30000.00"),
                "reasons", contains("no credit limit approved: a credit manager decides the order on the agreed terms"));
    }

    @Test
    void insolvencyFilingBlocksNewCreditAtOnce() {
        String id = register(MANAGER_ACME, buyer());
        setLimit(id, "100000.00");
        reportInsolvencyFiling(id).body("open", equalTo(true));
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id).then()
                .body("blocked", equalTo(true), "grade", equalTo(10), "creditLimit.amount", equalTo("0.00"));
        check(id, "1.00").body("outcome", equalTo("DECLINED"),
                "reasons[0]", startsWith("buyer is blocked: insolvency filing reported by Shenzhen Intermediate Court"));
        assertEquals("INSOLVENCY", Contracts.assertValid(creditEvents(id, "buyer-blocked", 1).get(0))
                .get("cause").asText());
        assertEquals("0.00", Contracts.assertValid(creditEvents(id, "limit-changed", 2).get(1))
                .get("newLimit").get("amount").asText());
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON)
                .body(Map.of("limit", money("5000.00"), "reason", "try")).put("/api/v1/buyers/" + id + "/credit-limit")
                .then().statusCode(422);
    }

    @Test
    void aCreditManagerLiftsABlockWithAReasonAndTheLimitStaysZeroUntilSet() {
        String id = register(MANAGER_ACME, buyer());
        setLimit(id, "100000.00");
        reportInsolvencyFiling(id);
        String lift = "/api/v1/buyers/" + id + "/block/lift";
        Map<String, String> reason = Map.of("reason", "filing dismissed by the court");
        // only a credit manager of the buyer's tenant, and only with a reason
        given().auth().oauth2(FINANCE_ACME).contentType(ContentType.JSON).body(reason).post(lift).then().statusCode(403);
        given().auth().oauth2(MANAGER_GLOBEX).contentType(ContentType.JSON).body(reason).post(lift).then().statusCode(404);
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(Map.of("reason", " ")).post(lift)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id).then().body("blocked", equalTo(true));

        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(reason).post(lift).then().statusCode(200)
                .body("blocked", equalTo(false), "blockReason", equalTo(null), "limit.amount", equalTo("0.00"));
        JsonNode unblocked = Contracts.assertValid(creditEvents(id, "buyer-unblocked", 1).get(0));
        assertEquals("filing dismissed by the court", unblocked.get("reason").asText());
        assertEquals("cm-1", unblocked.get("liftedBy").asText());
        assertTrue(unblocked.get("blockReason").asText().startsWith("insolvency filing reported by"));
        // no longer declined for the block, but for the limit of 0 until a manager sets one
        check(id, "1.00").body("outcome", equalTo("DECLINED"), "reasons", not(hasItem(startsWith("buyer is blocked"))));
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(reason).post(lift).then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON)
                .body(Map.of("limit", money("5000.00"), "reason", "after the dismissal"))
                .put("/api/v1/buyers/" + id + "/credit-limit").then().statusCode(200).body("limit.amount", equalTo("5000.00"));
    }

    @Test
    void signalFromTheTopicFindsTheBuyerByRegistrationNumber() {
        Map<String, Object> b = buyer();
        String id = register(MANAGER_ACME, b);
        String body = "{\"registrationNumber\":\"" + b.get("registrationNumber") + "\",\"type\":\"RATING_DOWNGRADE\","
                + "\"source\":\"Dagong\",\"observedOn\":\"" + today() + "\",\"details\":\"AA to BBB\"}";
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_source", "/tradecredit/signals", "ce_type", "io.tradecredit.signals.warning-signal-reported.v1",
                "ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString(), "ce_subject", (String) b.get("registrationNumber"),
                "ce_tenantid", "acme", "content-type", "application/json");
        Topics.send("warning-signals", (String) b.get("registrationNumber"), body, headers);
        await("signal recorded", () -> Database.count("select count(*) from warning_signal where buyer_id = ?::uuid",
                id) == 1);
        // signals factor 100 - 30 = 70: 65 - 3 = 62, still grade 4
        given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + id + "/warning-signals").then()
                .body("[0].type", equalTo("RATING_DOWNGRADE"), "[0].source", equalTo("Dagong"));
        await("re-assessed", () -> Database.count("select count(*) from buyer where id = ?::uuid and score = 62", id) == 1);
    }

    @Test
    void creditAppliedFromAnOverpaymentLowersExposure() {
        String id = register(MANAGER_ACME, buyer());
        String invoice = UUID.randomUUID().toString();
        sendInvoiceEvent("acme", id, "issued", UUID.randomUUID().toString(),
                issued(id, invoice, "5000.00", today().plusDays(30)));
        await("exposure of 5,000", () -> Database.count(
                "select count(*) from invoice_position where buyer_id = ?::uuid and open_amount = 5000", id) == 1);
        sendInvoiceEvent("acme", id, "buyer-credit-applied", UUID.randomUUID().toString(), Map.of(
                "applicationId", UUID.randomUUID().toString(), "buyerId", id, "amount", money("2000.00"),
                "appliedOn", today().toString(), "buyerCreditBalance", money("0.00"),
                "allocations", java.util.List.of(Map.of("invoiceId", invoice, "invoiceNumber", "INV-" + invoice.substring(0, 8),
                        "amount", money("2000.00"), "openAmount", money("3000.00")))));
        await("credit applied", () -> Database.count(
                "select count(*) from invoice_position where buyer_id = ?::uuid and open_amount = 3000", id) == 1);
    }

    @Test
    void brokenPaymentPlanRegradesTheBuyer() {
        String id = register(MANAGER_ACME, buyer());
        sendInvoiceEvent("acme", id, "plan-broken", UUID.randomUUID().toString(), Map.of(
                "planId", UUID.randomUUID().toString(), "buyerId", id, "invoiceIds", java.util.List.of(),
                "reason", "instalment 2 not paid", "openAmount", money("8000.00"), "asOf", today().toString()));
        await("re-assessed", () -> Database.count(
                "select count(*) from assessment where buyer_id = ?::uuid and cause like 'payment plan broken%'", id) == 1);
    }


    /** A dispute-resolved event: the dispute rejected, its root cause asking for prepayment of the next order. */
    private static Map<String, Object> rejectedAskingForPrepayment(String buyerId, String invoice, String disputed,
            String total, LocalDate due) {
        Map<String, Object> resolved = new java.util.HashMap<>();
        resolved.put("disputeId", UUID.randomUUID().toString());
        resolved.put("invoiceId", invoice);
        resolved.put("invoiceNumber", "INV-" + invoice.substring(0, 8));
        resolved.put("buyerId", buyerId);
        resolved.put("outcome", "REJECTED");
        resolved.put("disputedAmount", money(disputed));
        resolved.put("creditedAmount", money("0.00"));
        resolved.put("rootCause", "buyer's goods-in check");
        resolved.put("creditPolicyAdjustment", "ask for prepayment of the next order");
        resolved.put("dueDate", due.toString());
        resolved.put("openAmount", money(total));
        resolved.put("collectibleAmount", money(total));
        return resolved;
    }

    /**
     * Limit 1,000 set at the grade of a buyer without statements, then a healthy statement takes it to grade 2 and
     * the service proposes 1,080,000; answers the pending proposal's id.
     */
    private static String increaseProposedOnALimitOf1000(String buyerId) {
        setLimit(buyerId, "1000.00");
        given().auth().oauth2(MANAGER_ACME).contentType(ContentType.JSON).body(healthyStatement())
                .post("/api/v1/buyers/" + buyerId + "/financial-statements").then().statusCode(201);
        return given().auth().oauth2(VIEWER_ACME).get("/api/v1/buyers/" + buyerId + "/credit-limit").then()
                .body("pendingRequest.requestedLimit.amount", equalTo("1080000.00"),
                        "pendingRequest.status", equalTo("PENDING"))
                .extract().path("pendingRequest.id");
    }
}
