package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.LedgerFixtures.freshTenant;
import static io.tradecredit.invoice.LedgerFixtures.issue;
import static io.tradecredit.invoice.LedgerFixtures.pay;
import static io.tradecredit.invoice.LedgerFixtures.token;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;
import io.tradecredit.testing.Topics;

/**
 * The daily job states an overdue invoice's late charges on invoice-events (docs/invoice-service.md,
 * "Late-charge statements"): the figures of {@code GET .../late-charges} for the same date, the day
 * they appear, then a week later, never again while they stay the same, never twice for a date.
 * 10,000.00 CNY under the default terms: 5.00 interest a day. Dates in 2018 and 2017, before every
 * other test's invoices, so each test's runs look only at its own.
 */
@QuarkusTest
class LateChargeStatementJobTest {
    static final String OPS = Tokens.noTenant().roles("platform-ops").mint();
    static final String STATED = "io.tradecredit.invoice.late-charges-stated.v1";
    static final LocalDate DUE = LocalDate.of(2018, 3, 1);
    /** Due date of the batch of several tenants' and buyers' invoices (a run of the job looks at them together). */
    static final LocalDate BATCH_DUE = LocalDate.of(2017, 3, 1);
    static final String ACME_BASIS = "Contract §7.2; PRC Civil Code arts. 577, 579";
    static final String OWN_BASIS = "Key account agreement 2016-KA-3 §4; PRC Civil Code art. 585";

    @Test
    void chargesAreStatedWhenTheyAppearThenWeeklyAndNeverTwice() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String invoice = issue(tenant, buyer, DUE.minusDays(30), DUE, "10000.00");

        run(DUE.plusDays(1));
        JsonNode first = Contracts.assertValid(statements(buyer, 1).get(0));
        assertFiguresOf(tenant, invoice, first, DUE.plusDays(1), "5.00", "0.00", "5.00");
        assertEquals(1, first.get("daysPastDue").asInt());
        assertEquals("CNY", first.get("currency").asText());
        assertEquals("10000.00", first.get("openAmount").get("amount").asText());
        assertEquals("10005.00", first.get("totalDue").get("amount").asText());
        assertEquals("0.0005", first.get("terms").get("dailyRate").asText());
        assertEquals(30, first.get("terms").get("feeAfterDays").asInt());
        assertEquals("0.03", first.get("terms").get("feeRate").asText());
        assertEquals("TENANT", first.get("terms").get("source").asText());

        // a run of the same date resumed after a crash looks at nothing again
        Database.execute("update job_run set status = 'FAILED' where job = 'invoice-daily' and as_of = ?",
                DUE.plusDays(1));
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + DUE.plusDays(1)).then()
                .statusCode(200).body("status", equalTo("COMPLETED"));
        // the days before the week is over state nothing
        run(DUE.plusDays(4));
        run(DUE.plusDays(7));
        assertEquals(1, statedInOutbox(buyer));

        run(DUE.plusDays(8));
        JsonNode second = Contracts.assertValid(statements(buyer, 2).get(1));
        assertFiguresOf(tenant, invoice, second, DUE.plusDays(8), "40.00", "0.00", "40.00");

        // disputed in full from day 8: no more interest, so the next look finds nothing new to state
        given().auth().oauth2(token(tenant, "collector")).contentType(ContentType.JSON)
                .body(Map.of("type", "QUALITY", "disputedAmount", Map.of("amount", "10000.00", "currency", "CNY"),
                        "description", "press does not work", "raisedOn", DUE.plusDays(8).toString()))
                .post("/api/v1/invoices/" + invoice + "/disputes").then().statusCode(201);
        run(DUE.plusDays(15));
        assertEquals("40.00", charges(tenant, invoice, DUE.plusDays(15)).getString("due.total.amount"));
        assertEquals(2, statedInOutbox(buyer));
    }

    /**
     * One batch (7 invoices a batch in tests) looks at six invoices of two tenants and five buyers
     * under the tenant's terms (changed after they were issued), a buyer's own, another tenant's, with the
     * fee waived, partly disputed and partly paid; each statement says what {@code GET .../late-charges} says
     * for it.
     */
    @Test
    void aBatchStatesForEachInvoiceWhatItsGetAnswers() {
        String acme = freshTenant();
        String globex = freshTenant();
        given().auth().oauth2(token(globex, "tenant-admin")).contentType(ContentType.JSON)
                .body(PolicyApiTest.policy(48, "0.001", 10, "0.02", 90)).put("/api/v1/policies/invoicing")
                .then().statusCode(200);
        LocalDate issued = BATCH_DUE.minusDays(30);
        UUID plain = UUID.randomUUID();
        UUID ownTerms = UUID.randomUUID();
        UUID disputing = UUID.randomUUID();
        UUID globexBuyer = UUID.randomUUID();
        // a first invoice, not due by the run, makes the buyer acme's, so terms of its own can be agreed before
        // the invoice of this test is issued under them
        issue(acme, ownTerms, issued, BATCH_DUE.plusDays(60), "10000.00");
        // the tenant's terms at issue: the defaults' rates, with the legal basis the +30 letter quotes
        given().auth().oauth2(token(acme, "tenant-admin")).contentType(ContentType.JSON)
                .body(PolicyApiTest.policy(48, "0.0005", 30, "0.03", 90, ACME_BASIS)).put("/api/v1/policies/invoicing")
                .then().statusCode(200);
        given().auth().oauth2(token(acme, "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("dailyRate", "0.001", "feeAfterDays", 60, "feeRate", "0.05", "legalBasis", OWN_BASIS))
                .put(PolicyApiTest.buyerPolicy(ownTerms)).then().statusCode(200);
        String plainInvoice = issue(acme, plain, issued, BATCH_DUE, "10000.00");
        String waivedInvoice = issue(acme, plain, issued, BATCH_DUE, "10000.00");
        String ownTermsInvoice = issue(acme, ownTerms, issued, BATCH_DUE, "10000.00");
        String disputedInvoice = issue(acme, disputing, issued, BATCH_DUE, "10000.00");
        String globexInvoice = issue(globex, globexBuyer, issued, BATCH_DUE, "10000.00");
        String paidInvoice = issue(globex, globexBuyer, issued, BATCH_DUE, "10000.00");
        // acme's terms change after its invoices were issued: they are stated under the terms they were issued under
        given().auth().oauth2(token(acme, "tenant-admin")).contentType(ContentType.JSON)
                .body(PolicyApiTest.policy(48, "0.002", 30, "0.1", 90, "General terms 2019 §9"))
                .put("/api/v1/policies/invoicing")
                .then().statusCode(200);
        given().auth().oauth2(token(acme, "collector")).contentType(ContentType.JSON)
                .body(Map.of("type", "QUALITY", "disputedAmount", Map.of("amount", "4000.00", "currency", "CNY"),
                        "description", "two presses do not work", "raisedOn", BATCH_DUE.plusDays(10).toString()))
                .post("/api/v1/invoices/" + disputedInvoice + "/disputes").then().statusCode(201);
        pay(globex, paidInvoice, "4000.00", BATCH_DUE.plusDays(5));
        // the API waives as of today (and states the charges at once, as of today); the waiver is moved to the day
        // before the run, as if made then, before anything was stated
        given().auth().oauth2(token(acme, "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("scope", "FEE", "reason", "key customer")).post(LateChargeApiTest.waivers(waivedInvoice))
                .then().statusCode(201);
        Database.execute("update late_charge_waiver set waived_on = ? where invoice_id = ?", BATCH_DUE.plusDays(30),
                UUID.fromString(waivedInvoice));
        Database.execute("update invoice set late_charges_stated_on = null, late_charges_stated_interest = null,"
                + " late_charges_stated_fee = null, late_charges_next_on = null where id = ?", UUID.fromString(waivedInvoice));

        LocalDate asOf = BATCH_DUE.plusDays(31);
        run(asOf);

        List<JsonNode> plainStated = statements(plain, 2, asOf).stream().map(r -> Contracts.assertValid(r)).toList();
        // the tenant's terms when they were issued: 31 days x 5.00 = 155.00 interest, 3% fee 300.00; waived on
        // the other invoice
        assertFiguresOf(acme, plainInvoice, statementOf(plainStated, plainInvoice), asOf, "155.00", "300.00", "455.00");
        assertEquals("0.0005", statementOf(plainStated, plainInvoice).get("terms").get("dailyRate").asText());
        // the text of the terms in force at issue, not of those changed since
        assertEquals(ACME_BASIS, statementOf(plainStated, plainInvoice).get("terms").get("legalBasis").asText());
        assertFiguresOf(acme, waivedInvoice, statementOf(plainStated, waivedInvoice), asOf, "155.00", "0.00", "155.00");
        // the buyer's own terms: 31 days x 10.00 = 310.00 interest, no fee before 60 days
        JsonNode own = Contracts.assertValid(statements(ownTerms, 1).get(0));
        assertFiguresOf(acme, ownTermsInvoice, own, asOf, "310.00", "0.00", "310.00");
        assertEquals("BUYER", own.get("terms").get("source").asText());
        assertEquals(OWN_BASIS, own.get("terms").get("legalBasis").asText());
        // 4,000 disputed from day 10: 10 x 5.00 + 21 x 3.00 = 113.00 interest
        JsonNode disputed = Contracts.assertValid(statements(disputing, 1).get(0));
        assertFiguresOf(acme, disputedInvoice, disputed, asOf, "113.00",
                charges(acme, disputedInvoice, asOf).getString("due.fee.amount"), null);
        // the other tenant's terms: 31 x 10.00 = 310.00, 2% fee 200.00; 4,000 paid on day 5: 5 x 10.00 + 26 x 6.00
        List<JsonNode> globexStated = statements(globexBuyer, 2).stream().map(r -> Contracts.assertValid(r)).toList();
        JsonNode globexStatement = statementOf(globexStated, globexInvoice);
        assertFiguresOf(globex, globexInvoice, globexStatement, asOf, "310.00", "200.00", "510.00");
        assertEquals("TENANT", globexStatement.get("terms").get("source").asText());
        assertEquals("0.001", globexStatement.get("terms").get("dailyRate").asText());
        // terms that state no legal basis: none on the event
        assertEquals(true, globexStatement.get("terms").get("legalBasis").isNull());
        assertFiguresOf(globex, paidInvoice, statementOf(globexStated, paidInvoice), asOf, "206.00",
                charges(globex, paidInvoice, asOf).getString("due.fee.amount"), null);
    }

    private static JsonNode statementOf(List<JsonNode> statements, String invoice) {
        return statements.stream().filter(s -> invoice.equals(s.get("invoiceId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no statement of invoice " + invoice));
    }

    /**
     * A late fee a dispute's resolution changes is stated at once, as of that day: 10,000 due 40 days ago, 9,999
     * disputed on day 25, rejected today: 300.00 (and 125.01 interest) stated now, with no run of the job (until
     * session 32 not before the job's next look, up to a week later, so a +30 letter caught up after the rejection
     * quoted the fee of before). No run of the job: nothing else looks at the invoice.
     */
    @Test
    void aFeeADisputesRejectionChangesIsStatedAtOnce() {
        LocalDate today = PlatformZone.today();
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate due = today.minusDays(40);
        String invoice = issue(tenant, buyer, due.minusDays(30), due, "10000.00");
        String collector = token(tenant, "collector");
        String disputes = "/api/v1/invoices/" + invoice + "/disputes";
        String dispute = given().auth().oauth2(collector).contentType(ContentType.JSON)
                .body(Map.of("type", "PRICE", "disputedAmount", Map.of("amount", "9999.00", "currency", "CNY"),
                        "description", "price not as agreed", "evidence", List.of("order PO-32"),
                        "raisedOn", due.plusDays(25).toString()))
                .post(disputes).then().statusCode(201).extract().path("id");
        given().auth().oauth2(collector).contentType(ContentType.JSON)
                .body(Map.of("responsibleParty", "BUYER", "findings", "the price is the order's"))
                .post(disputes + "/" + dispute + "/assessment").then().statusCode(200);
        assertEquals(0, statedInOutbox(buyer));

        given().auth().oauth2(token(tenant, "finance")).contentType(ContentType.JSON)
                .body(Map.of("outcome", "REJECTED", "rootCause", "buyer misread the order"))
                .post(disputes + "/" + dispute + "/resolution").then().statusCode(200);
        JsonNode stated = Contracts.assertValid(statements(buyer, 1).get(0));
        assertFiguresOf(tenant, invoice, stated, today, "125.01", "300.00", "425.01");
    }

    /** The same for a credit note: 4,000 of 10,000 due 45 days ago credited today, 135.00 and 180.00 stated now. */
    @Test
    void chargesACreditNoteChangesAreStatedAtOnce() {
        LocalDate today = PlatformZone.today();
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String invoice = issue(tenant, buyer, today.minusDays(75), today.minusDays(45), "10000.00");
        given().auth().oauth2(token(tenant, "finance")).contentType(ContentType.JSON)
                .body(Map.of("amount", Map.of("amount", "4000.00", "currency", "CNY"), "reason", "4 units returned"))
                .post("/api/v1/invoices/" + invoice + "/credit-notes").then().statusCode(201);
        JsonNode stated = Contracts.assertValid(statements(buyer, 1).get(0));
        assertFiguresOf(tenant, invoice, stated, today, "135.00", "180.00", "315.00");
    }

    /**
     * A waiver is stated at once too: 10,000 due 45 days ago, 1,000 credited today (stated: 202.50 interest, 270.00
     * fee), then the fee waived: 202.50 and 0.00 stated now (until session 32 not before the job's next look, up to a
     * week later, so a +30 letter sent meanwhile quoted the waived 270.00 fee).
     */
    @Test
    void aWaivedFeeIsStatedAtOnce() {
        LocalDate today = PlatformZone.today();
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String invoice = issue(tenant, buyer, today.minusDays(75), today.minusDays(45), "10000.00");
        String finance = token(tenant, "finance");
        given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body(Map.of("amount", Map.of("amount", "1000.00", "currency", "CNY"), "reason", "1 unit returned"))
                .post("/api/v1/invoices/" + invoice + "/credit-notes").then().statusCode(201);
        JsonNode before = Contracts.assertValid(statements(buyer, 1).get(0));
        assertEquals("270.00", before.get("lateFee").get("amount").asText());

        given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body(Map.of("scope", "FEE", "reason", "key customer")).post(LateChargeApiTest.waivers(invoice))
                .then().statusCode(201);
        assertEquals(2, statedInOutbox(buyer));
        JsonNode stated = Contracts.assertValid(statements(buyer, 2).get(1));
        assertFiguresOf(tenant, invoice, stated, today, "202.50", "0.00", "202.50");
    }

    /**
     * And a broken payment plan: 10,000 due 5 days ago under a plan agreed today, so its fee day (in 25 days) passes
     * under the kept plan without a fee; the run on day +300 states 25.00 interest and no fee, and looks next a week
     * later. The first instalment (day +302) is missed, the run on day +303 breaks the plan and the 300.00 fee
     * appears: stated by that run (until session 32 only at the look on day +307, so a letter sent meanwhile quoted
     * no fee). Days no other test runs the job for.
     */
    @Test
    void aFeeAPlansBreakChangesIsStatedAtOnce() {
        LocalDate today = PlatformZone.today();
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String invoice = issue(tenant, buyer, today.minusDays(35), today.minusDays(5), "10000.00");
        PaymentPlanApiTest.agree(token(tenant, "finance"), buyer, List.of(invoice), 2, today.plusDays(302)).then()
                .statusCode(201);
        run(today.plusDays(300));
        JsonNode kept = Contracts.assertValid(statements(buyer, 1).get(0));
        assertFiguresOf(tenant, invoice, kept, today.plusDays(300), "25.00", "0.00", "25.00");

        run(today.plusDays(303));
        assertEquals(2, statedInOutbox(buyer));
        JsonNode stated = Contracts.assertValid(statements(buyer, 2).get(1));
        assertFiguresOf(tenant, invoice, stated, today.plusDays(303), "25.00", "300.00", "325.00");
    }

    private static void run(LocalDate asOf) {
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/invoice-daily?asOf=" + asOf).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
    }

    private static JsonPath charges(String tenant, String invoice, LocalDate asOf) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/invoices/" + invoice + "/late-charges?asOf="
                + asOf).then().statusCode(200).extract().jsonPath();
    }

    /** The statement says what {@code GET .../late-charges} says for its date, and that is the worked figure. */
    private static void assertFiguresOf(String tenant, String invoice, JsonNode stated, LocalDate asOf,
            String interest, String fee, String total) {
        JsonPath read = charges(tenant, invoice, asOf);
        assertEquals(asOf.toString(), stated.get("asOf").asText());
        assertEquals(invoice, stated.get("invoiceId").asText());
        assertEquals(read.getString("due.interest.amount"), stated.get("interest").get("amount").asText());
        assertEquals(read.getString("due.fee.amount"), stated.get("lateFee").get("amount").asText());
        assertEquals(read.getString("due.total.amount"), stated.get("totalCharges").get("amount").asText());
        assertEquals(read.getString("totalDue.amount"), stated.get("totalDue").get("amount").asText());
        assertEquals(read.getInt("daysPastDue"), stated.get("daysPastDue").asInt());
        assertEquals(read.getString("open.amount"), stated.get("openAmount").get("amount").asText());
        assertEquals(read.getString("collectible.amount"), stated.get("collectibleAmount").get("amount").asText());
        assertEquals(read.getString("terms.source"), stated.get("terms").get("source").asText());
        assertEquals(read.getString("terms.dailyRate"), stated.get("terms").get("dailyRate").asText());
        assertEquals(read.getInt("terms.feeAfterDays"), stated.get("terms").get("feeAfterDays").asInt());
        assertEquals(read.getString("terms.feeRate"), stated.get("terms").get("feeRate").asText());
        assertEquals(read.getString("terms.legalBasis"), stated.get("terms").get("legalBasis").textValue());
        assertEquals(interest, stated.get("interest").get("amount").asText());
        assertEquals(fee, stated.get("lateFee").get("amount").asText());
        if (total != null) {
            assertEquals(total, stated.get("totalCharges").get("amount").asText());
        }
    }

    /** The buyer's statements as of one date (not the waiver's at once, as of today). */
    private static List<ConsumerRecord<String, String>> statements(UUID buyer, int atLeast, LocalDate asOf) {
        List<ConsumerRecord<String, String>> found = Topics.read("invoice-events", Duration.ofSeconds(20),
                rs -> rs.stream().filter(r -> isStatement(r, buyer, asOf)).count() >= atLeast)
                .stream().filter(r -> isStatement(r, buyer, asOf)).toList();
        assertEquals(atLeast, found.size(), "statements for buyer " + buyer + " as of " + asOf);
        return found;
    }

    private static boolean isStatement(ConsumerRecord<String, String> r, UUID buyer, LocalDate asOf) {
        try {
            return isStatement(r, buyer) && asOf.toString().equals(JSON.readTree(r.value()).path("asOf").asText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static List<ConsumerRecord<String, String>> statements(UUID buyer, int atLeast) {
        List<ConsumerRecord<String, String>> found = Topics.read("invoice-events", Duration.ofSeconds(20),
                rs -> rs.stream().filter(r -> isStatement(r, buyer)).count() >= atLeast)
                .stream().filter(r -> isStatement(r, buyer)).toList();
        assertEquals(atLeast, found.size(), "statements for buyer " + buyer);
        return found;
    }

    private static boolean isStatement(ConsumerRecord<String, String> r, UUID buyer) {
        return buyer.toString().equals(r.key()) && STATED.equals(Topics.header(r, "ce_type"));
    }

    private static long statedInOutbox(UUID buyer) {
        return Database.count("select count(*) from outbox where event_type = ? and aggregate_id = ?", STATED,
                buyer.toString());
    }
}
