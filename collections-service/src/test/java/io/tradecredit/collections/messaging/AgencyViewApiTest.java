package io.tradecredit.collections.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.messaging.AgencyFlowTest.event;
import static io.tradecredit.collections.messaging.AgencyFlowTest.placed;
import static io.tradecredit.collections.messaging.AgencyFlowTest.state;
import static io.tradecredit.collections.messaging.AgencyFlowTest.update;
import static io.tradecredit.collections.messaging.ReadModelEvents.invoice;
import static io.tradecredit.collections.messaging.ReadModelEvents.payment;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.messaging.AgencyFlowTest.Placed;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/** The agency's own REST view, and the commission statement, on the real database and tokens. */
@QuarkusTest
class AgencyViewApiTest {
    static final String VIEW = "/api/v1/agency/cases";

    @Inject
    CollectionCases cases;

    static String agencyToken(Placed p) {
        return Tokens.tenant(p.tenant()).roles("agency").agency(p.agency()).subject("desk").mint();
    }

    @Test
    void anAgencySeesExactlyItsCasesOfItsTenant() {
        Placed mine = placed(cases);
        Placed theirs = placed(cases);
        String token = agencyToken(mine);
        given().auth().oauth2(token).get(VIEW).then().statusCode(200)
                .body("items.caseId", contains(mine.caseId().toString()), "items.buyerId", contains(mine.buyer()),
                        "total", equalTo(1));
        given().auth().oauth2(token).get(VIEW + "/" + mine.caseId()).then().statusCode(200)
                .body("debtor.name", equalTo("Globex Trading Ltd."), "invoices[0].collectibleAmount.amount", equalTo("8500.00"),
                        "creditor.name", equalTo("Acme Machinery Co."), "creditor.bankAccount", equalTo("CN12 3456 7890"),
                        "debtor.address", equalTo("8 Market St, Shenzhen"),
                        "invoices[0].lateCharges.total.amount", equalTo("495.00"),
                        "communication.kind", org.hamcrest.Matchers.hasItems("case-opened", "call", "handed-to-agency"));
        // another agency's case, and its own agency's case seen with another tenant's token: not found
        given().auth().oauth2(token).get(VIEW + "/" + theirs.caseId()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.tenant("t-other").roles("agency").agency(mine.agency()).mint())
                .get(VIEW + "/" + mine.caseId()).then().statusCode(404);
        given().auth().oauth2(Tokens.tenant("t-other").roles("agency").agency(mine.agency()).mint()).get(VIEW).then()
                .statusCode(200).body("items", empty(), "total", equalTo(0));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(update("CONTACT_MADE"))
                .post(VIEW + "/" + theirs.caseId() + "/updates").then().statusCode(404);
        assertEquals(CaseState.WITH_AGENCY, state(cases, theirs));
    }

    @Test
    void anAgencyReportsThroughRestWithTheSameChecksAndEffects() {
        Placed p = placed(cases);
        String token = agencyToken(p);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "PROMISE", "reportedOn", "2026-05-04", "promisedFor", "2026-05-01",
                        "amount", Map.of("amount", "-1.00", "currency", "CNY")))
                .post(VIEW + "/" + p.caseId() + "/updates").then().statusCode(400).contentType("application/problem+json")
                // 4 May is before the hand-off (today): named with the rest since session 34
                .body("errors.field", containsInAnyOrder("amount", "promisedFor", "reportedOn"));
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(token).header("Idempotency-Key", "report-1").contentType(ContentType.JSON)
                    .body(update("LEGAL_ACTION_RECOMMENDED", "note", "assets found"))
                    .post(VIEW + "/" + p.caseId() + "/updates").then().statusCode(201)
                    .body("caseState", equalTo("WITH_AGENCY"), "placementEnded", equalTo(false));
        }
        assertEquals(1, AgencyFlowTest.run(() -> cases.activities(p.tenant(), p.caseId())).stream()
                .filter(a -> a.kind().equals("agency-update")).count(), "a retry with the same key is logged once");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(update("UNCOLLECTIBLE", "note", "insolvent"))
                .post(VIEW + "/" + p.caseId() + "/updates").then().statusCode(201)
                .body("caseState", equalTo("IN_PROGRESS"), "placementEnded", equalTo(true));
        assertEquals(CaseState.IN_PROGRESS, state(cases, p));
        // the LEGAL_ACTION_RECOMMENDED one before it shares the type: wait for this one
        JsonNode received = event(TopicNames.COLLECTION_CASES, p.caseId(), "io.tradecredit.collections.agency-update-received.v1",
                "\"UNCOLLECTIBLE\"");
        assertEquals("UNCOLLECTIBLE", received.get("kind").asText());
        assertEquals("rest", received.get("via").asText());
        // the case came back: it is no longer the agency's
        given().auth().oauth2(token).get(VIEW + "/" + p.caseId()).then().statusCode(404);
        given().auth().oauth2(token).get(VIEW).then().body("items", empty());
    }

    /**
     * The agency reports the buyer's promise of 8,500.00 for two weeks from today: the case stays with the agency, and
     * the buyer's dunning is held (a promise-to-pay hold from today to the promised day plus the tenant's 3 days of
     * grace, the next working day when that is a day off), so the ladder's letters do not cross the agency's
     * negotiation; the log names the hold's end. Until session 31 nothing was held.
     */
    @Test
    void aPromiseReportedByTheAgencyHoldsTheBuyersDunningUntilItsDeadline() {
        Placed p = placed(cases);
        LocalDate promised = ReadModelEvents.today().plusDays(14);
        String until = io.tradecredit.collections.domain.BusinessCalendar.DEFAULT.stepDay(promised, 3,
                io.tradecredit.collections.domain.BusinessCalendar.DayCount.CALENDAR_DAYS).toString();
        given().auth().oauth2(agencyToken(p)).contentType(ContentType.JSON).body(update("PROMISE", "amount",
                Map.of("amount", "8500.00", "currency", "CNY"), "promisedFor", promised.toString()))
                .post(VIEW + "/" + p.caseId() + "/updates").then().statusCode(201)
                .body("caseState", equalTo("WITH_AGENCY"), "placementEnded", equalTo(false));
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("collector").mint()).queryParam("buyerId", p.buyer())
                .get("/api/v1/dunning/holds").then().statusCode(200)
                .body("total", equalTo(1), "items[0].reason", equalTo("PROMISE_TO_PAY"),
                        "items[0].from", equalTo(ReadModelEvents.today().toString()), "items[0].until", equalTo(until));
        assertEquals(until, AgencyFlowTest.run(() -> cases.activities(p.tenant(), p.caseId())).stream()
                .filter(a -> a.kind().equals("agency-update")).findFirst().orElseThrow().detail().get("holdUntil"));
    }

    /**
     * The agency reports the buyer's promise of 8,500.00 CNY for tomorrow; the buyer pays it today: the promise is judged
     * kept at once, published as promise-kept, its hold ends, and the case stays with the agency. Until session 32 an
     * agency's promise was only a hold: nothing judged it, and credit-service never heard of it.
     */
    @Test
    void aPromiseReportedByTheAgencyAndPaidIsJudgedKept() {
        Placed p = placed(cases);
        given().auth().oauth2(agencyToken(p)).contentType(ContentType.JSON).body(update("PROMISE", "amount",
                Map.of("amount", "8500.00", "currency", "CNY"), "promisedFor", ReadModelEvents.today().plusDays(1).toString()))
                .post(VIEW + "/" + p.caseId() + "/updates").then().statusCode(201);
        JsonNode made = event(TopicNames.COLLECTION_CASES, p.caseId(), "io.tradecredit.collections.promise-made.v1");
        assertEquals("agency:" + p.agency(), made.get("madeBy").asText());
        invoice(p.tenant(), p.buyer(), "payment-received", payment("payment-received", p.buyer(), p.invoice(), "8500.00", "1500.00"));
        JsonNode kept = event(TopicNames.COLLECTION_CASES, p.caseId(), "io.tradecredit.collections.promise-kept.v1");
        assertEquals(made.get("promiseId").asText(), kept.get("promiseId").asText());
        assertEquals("8500.00", kept.get("paid").get("amount").asText());
        assertEquals(CaseState.WITH_AGENCY, state(cases, p));
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("collector").mint()).queryParam("buyerId", p.buyer())
                .queryParam("heldOn", ReadModelEvents.today().toString()).get("/api/v1/dunning/holds").then()
                .statusCode(200).body("total", equalTo(0));
    }

    /**
     * The agency reports a promise of 8,500.00 CNY for tomorrow; the buyer pays 400.00. The promise review after the
     * deadline (today + 12, a date no other test reviews) judges it broken, 8,100.00 short, and publishes promise-broken
     * (credit-service's payment-behaviour signal); the case stays with the agency, which works it, and the collector is
     * given nothing to do. Until session 32 nothing judged it.
     */
    @Test
    void aPromiseReportedByTheAgencyAndNotKeptIsJudgedBrokenByTheReview() {
        Placed p = placed(cases);
        given().auth().oauth2(agencyToken(p)).contentType(ContentType.JSON).body(update("PROMISE", "amount",
                Map.of("amount", "8500.00", "currency", "CNY"), "promisedFor", ReadModelEvents.today().plusDays(1).toString()))
                .post(VIEW + "/" + p.caseId() + "/updates").then().statusCode(201);
        invoice(p.tenant(), p.buyer(), "payment-received", payment("payment-received", p.buyer(), p.invoice(), "400.00", "9600.00"));
        ReadModelEvents.await("the payment recorded", () -> Database.count("select count(*) from received_payment"
                + " where tenant_id = ? and buyer_id = ?::uuid", p.tenant(), p.buyer()) == 1);
        java.time.LocalDate before = AgencyFlowTest.run(() -> cases.find(p.tenant(), p.caseId())).nextActionOn();
        given().auth().oauth2(Tokens.noTenant().roles("platform-ops").mint())
                .post("/api/v1/admin/jobs/promise-review?asOf=" + ReadModelEvents.today().plusDays(12)).then().statusCode(200);
        JsonNode broken = event(TopicNames.COLLECTION_CASES, p.caseId(), "io.tradecredit.collections.promise-broken.v1");
        assertEquals(p.buyer(), broken.get("buyerId").asText());
        assertEquals("400.00", broken.get("paid").get("amount").asText());
        assertEquals("8100.00", broken.get("shortfall").get("amount").asText());
        assertEquals(CaseState.WITH_AGENCY, state(cases, p));
        assertEquals(before, AgencyFlowTest.run(() -> cases.find(p.tenant(), p.caseId())).nextActionOn());
        assertEquals(1, AgencyFlowTest.run(() -> cases.activities(p.tenant(), p.caseId())).stream()
                .filter(a -> a.kind().equals("promise-broken")).count());
    }

    /**
     * A buyer owes 10,000.00 CNY, 40 days overdue; its case is with an agency, which settles for less: 8,000.00 paid, then
     * {@code SETTLED}. The case closes as settled, and the settlement ends the debt of the case: the next run (a date no
     * other test runs) takes no step for the 2,000.00 left (each due step skipped, {@code SETTLED_BY_AGENCY}), while a
     * new invoice of the buyer is dunned as any; the 2,000.00 is proposed for write-off by the agency, with its reason;
     * a collector confirms, and the write-off request (abandonment-confirmed) names the invoice and its 2,000.00; the case
     * stays closed as settled. Until session 33 the run went on dunning the 2,000.00 and nobody was asked to write it off.
     */
    /** A buyer owing 10,000.00 CNY 40 days overdue, its case with a new agency (15 %), 8,000.00 of it paid since. */
    static Placed owing10000Paid8000(CollectionCases cases, java.util.function.Consumer<String> beforeHandOff) {
        String tenant = AgencyFlowTest.fresh("t-");
        String agency = AgencyFlowTest.fresh("ag-");
        given().auth().oauth2(Tokens.tenant(tenant).roles("credit-manager").mint()).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "15", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL")))
                .put("/api/v1/agencies/" + agency).then().statusCode(200);
        beforeHandOff.accept(tenant);
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        invoice(tenant, buyer, "issued", ReadModelEvents.issued(buyer, inv, "10000.00", ReadModelEvents.today().minusDays(40)));
        ReadModelEvents.await("the invoice", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and invoice_id = ?::uuid", tenant, inv) == 1);
        UUID caseId = AgencyFlowTest.run(() -> cases.openFor(tenant, UUID.fromString(buyer), ReadModelEvents.today(), "lena"))
                .id();
        given().auth().oauth2(Tokens.tenant(tenant).roles("collector").subject("lena").mint()).contentType(ContentType.JSON)
                .body(Map.of("agencyCode", agency)).post(AgencyFlowTest.CASES + caseId + "/hand-off").then().statusCode(200);
        invoice(tenant, buyer, "payment-received", payment("payment-received", buyer, inv, "8000.00", "2000.00"));
        ReadModelEvents.await("the payment", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and invoice_id = ?::uuid and open_amount = 2000", tenant, inv) == 1);
        return new Placed(tenant, agency, buyer, inv, caseId);
    }

    Placed owing10000Paid8000() {
        return owing10000Paid8000(cases, tenant -> {
        });
    }

    /**
     * As above, with costs that make the 2,000.00 not worth collecting (1,000.00 CNY a step, 3 steps): a collector proposed
     * abandoning it before the agency settled. The settlement's proposal takes its place (the settlement ended the debt
     * that one judged), so the agency's report is accepted, and the collector who proposed may now confirm it. Without
     * that, the report was refused 409 (abandonment.already-proposed).
     */
    @Test
    void aSettlementTakesThePlaceOfAnAbandonmentProposedBefore() {
        Placed p = owing10000Paid8000(cases, tenant -> given().auth().oauth2(Tokens.tenant(tenant).roles("credit-manager")
                .mint()).contentType(ContentType.JSON).body(Map.of("costPerStep", List.of(Map.of("amount", "1000.00",
                        "currency", "CNY")), "stepsToCollect", 3)).put("/api/v1/collections/terms").then().statusCode(200));
        String lena = Tokens.tenant(p.tenant()).roles("collector").subject("lena").mint();
        given().auth().oauth2(lena).post(AgencyFlowTest.CASES + p.caseId() + "/abandonment").then().statusCode(201);
        given().auth().oauth2(agencyToken(p)).contentType(ContentType.JSON).body(update("SETTLED"))
                .post(VIEW + "/" + p.caseId() + "/updates").then().statusCode(201).body("caseState", equalTo("CLOSED"));
        JsonNode proposed = event(TopicNames.COLLECTION_CASES, p.caseId(), "io.tradecredit.collections.abandonment-proposed.v1",
                "settled by agency");
        assertEquals("agency:" + p.agency(), proposed.get("proposedBy").asText());
        given().auth().oauth2(lena).post(AgencyFlowTest.CASES + p.caseId() + "/abandonment/confirm").then().statusCode(200)
                .body("amounts[0].overdue.amount", equalTo("2000.00"), "confirmedBy", equalTo("lena"));
        assertEquals(io.tradecredit.collections.domain.CloseReason.SETTLED,
                AgencyFlowTest.run(() -> cases.find(p.tenant(), p.caseId())).closeReason());
    }

    @Test
    void whatASettlementLeavesIsNoLongerDunnedAndIsProposedForWriteOff() {
        Placed p = owing10000Paid8000();
        String tenant = p.tenant();
        String agency = p.agency();
        String buyer = p.buyer();
        String inv = p.invoice();
        UUID caseId = p.caseId();
        given().auth().oauth2(agencyToken(p)).contentType(ContentType.JSON).body(update("SETTLED", "note", "settled at 8,000.00"))
                .post(VIEW + "/" + caseId + "/updates").then().statusCode(201).body("caseState", equalTo("CLOSED"));
        assertEquals(io.tradecredit.collections.domain.CloseReason.SETTLED,
                AgencyFlowTest.run(() -> cases.find(tenant, caseId)).closeReason());

        JsonNode proposed = event(TopicNames.COLLECTION_CASES, caseId, "io.tradecredit.collections.abandonment-proposed.v1");
        assertEquals("agency:" + agency, proposed.get("proposedBy").asText());
        assertEquals("2000.00", proposed.at("/amounts/0/overdue/amount").asText());
        assertEquals("settled by agency " + agency + " on " + ReadModelEvents.today() + "; 2000.00 CNY left",
                proposed.get("reason").asText());
        assertEquals(0, Database.count("select count(*) from outbox where tenant_id = ? and event_type like ?", tenant,
                "%abandonment-confirmed%"), "nothing is written off before a collector confirms");

        // a new invoice after the settlement is the buyer's new debt, dunned as any
        String later = UUID.randomUUID().toString();
        invoice(tenant, buyer, "issued", ReadModelEvents.issued(buyer, later, "3000.00", ReadModelEvents.today().minusDays(10)));
        ReadModelEvents.await("the new invoice", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and invoice_id = ?::uuid", tenant, later) == 1);
        given().auth().oauth2(Tokens.noTenant().roles("platform-ops").expiresIn(3600).mint())
                .post("/api/v1/admin/jobs/dunning-run?asOf=" + LocalDate.of(2063, 5, 7)).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        assertEquals(0, Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref = ?"
                + " and outcome <> 'SKIPPED'", tenant, inv), "no step taken for the 2,000.00 left: no letter");
        assertEquals(true, Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref = ?"
                + " and skip_reason = 'SETTLED_BY_AGENCY'", tenant, inv) > 0, "each due step skipped, with the reason");
        assertEquals(true, Database.count("select count(*) from dunning_step_log where tenant_id = ? and item_ref = ?"
                + " and outcome = 'TAKEN'", tenant, later) > 0, "the new invoice is dunned");

        String max = Tokens.tenant(tenant).roles("collector").subject("max").mint();
        given().auth().oauth2(max).post(AgencyFlowTest.CASES + caseId + "/abandonment/confirm").then().statusCode(200)
                .body("amounts[0].overdue.amount", equalTo("2000.00"), "proposedBy", equalTo("agency:" + agency),
                        "confirmedBy", equalTo("max"));
        JsonNode confirmed = event(TopicNames.COLLECTION_CASES, caseId, "io.tradecredit.collections.abandonment-confirmed.v1");
        assertEquals(1, confirmed.get("invoices").size(), "the new invoice is not the settlement's");
        assertEquals(inv, confirmed.at("/invoices/0/invoiceId").asText());
        assertEquals("2000.00", confirmed.at("/invoices/0/amount/amount").asText());
        assertEquals(io.tradecredit.collections.domain.CloseReason.SETTLED,
                AgencyFlowTest.run(() -> cases.find(tenant, caseId)).closeReason(), "the case stays closed as settled");
        given().auth().oauth2(Tokens.tenant(tenant).roles("collector").subject("ana").mint())
                .post(AgencyFlowTest.CASES + caseId + "/abandonment/confirm").then().statusCode(409)
                .contentType("application/problem+json");
    }

    /**
     * Handed over today: a promise of 8,500.00 CNY reported as of yesterday is refused on both doors, 400 naming
     * {@code reportedOn} on REST, the topic's DLQ with the reason; nothing is held or logged. Until session 32 both
     * were accepted, so a promise could count payments made before the agency held the case.
     */
    @Test
    void aReportDatedBeforeTheHandOffIsRefusedOnBothDoors() {
        Placed p = placed(cases);
        LocalDate yesterday = ReadModelEvents.today().minusDays(1);
        Map<String, Object> early = update("PROMISE", "reportedOn", yesterday.toString(), "amount",
                Map.of("amount", "8500.00", "currency", "CNY"), "promisedFor", ReadModelEvents.today().plusDays(14).toString());
        given().auth().oauth2(agencyToken(p)).contentType(ContentType.JSON).body(early)
                .post(VIEW + "/" + p.caseId() + "/updates").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("agency-update.invalid"), "errors.field", contains("reportedOn"));
        String sent = AgencyFlowTest.report(p.tenant(), p.agency(), p.caseId(), early);
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> dead = io.tradecredit.testing.Topics.read(
                TopicNames.agencyUpdates(p.agency()) + ".dlq.collections-service", java.time.Duration.ofSeconds(60),
                r -> !r.isEmpty());
        String reason = AgencyFlowTest.reason(dead, sent);
        org.junit.jupiter.api.Assertions.assertTrue(reason.contains("reportedOn"), reason);
        assertEquals(CaseState.WITH_AGENCY, state(cases, p));
        assertEquals(0, Database.count("select count(*) from dunning_hold where tenant_id = ?", p.tenant()));
        assertEquals(0, AgencyFlowTest.run(() -> cases.activities(p.tenant(), p.caseId())).stream()
                .filter(a -> a.kind().equals("agency-update")).count());
    }

    /**
     * The agency collects CNY and the buyer owes 10,000.00 CNY: 8,500.00 USD reported paid is refused on both doors, 400
     * naming {@code amount.currency} on REST (with {@code reportedOn} when dated before the hand-off too), the topic's DLQ
     * with the reason; a settlement for 8,000.00 USD likewise, the case staying with the agency; nothing logged. The same
     * payment in CNY is accepted. Until session 34 the USD payment was accepted and logged as paid.
     */
    @Test
    void aPaymentInACurrencyOutsideTheContractIsRefusedOnBothDoors() {
        Placed p = placed(cases);
        String token = agencyToken(p);
        Map<String, Object> usd = update("PAYMENT_REPORTED", "amount", Map.of("amount", "8500.00", "currency", "USD"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(usd)
                .post(VIEW + "/" + p.caseId() + "/updates").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("agency-update.invalid"), "errors.field", contains("amount.currency"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(update("SETTLED", "amount", Map.of("amount", "8000.00", "currency", "USD"),
                        "reportedOn", ReadModelEvents.today().minusDays(1).toString()))
                .post(VIEW + "/" + p.caseId() + "/updates").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("amount.currency", "reportedOn"));
        String sent = AgencyFlowTest.report(p.tenant(), p.agency(), p.caseId(), usd);
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> dead = io.tradecredit.testing.Topics.read(
                TopicNames.agencyUpdates(p.agency()) + ".dlq.collections-service", java.time.Duration.ofSeconds(60),
                r -> r.stream().anyMatch(x -> sent.equals(io.tradecredit.testing.Topics.header(x, "ce_id"))));
        String reason = AgencyFlowTest.reason(dead, sent);
        org.junit.jupiter.api.Assertions.assertTrue(reason.contains("amount.currency"), reason);
        assertEquals(CaseState.WITH_AGENCY, state(cases, p));
        assertEquals(0, AgencyFlowTest.run(() -> cases.activities(p.tenant(), p.caseId())).stream()
                .filter(a -> a.kind().equals("agency-update")).count());
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(update("PAYMENT_REPORTED", "amount", Map.of("amount", "8500.00", "currency", "CNY")))
                .post(VIEW + "/" + p.caseId() + "/updates").then().statusCode(201).body("caseState", equalTo("WITH_AGENCY"));
    }

    /**
     * The agency's contract becomes CNY and USD (version 2 from today) but the buyer owes only CNY: 100.00 USD reported paid
     * is not the case's money, 400 naming {@code amount.currency}.
     */
    @Test
    void aPaymentInACurrencyNoneOfTheCasesInvoicesIsInIsRefused() {
        Placed p = placed(cases, (tenant, buyer) -> {
        });
        given().auth().oauth2(io.tradecredit.testing.Tokens.tenant(p.tenant()).roles("credit-manager").mint())
                .contentType(ContentType.JSON).body(Map.of("successFeePercent", "15", "currencies", List.of("CNY", "USD"),
                        "handOff", Map.of("mode", "MANUAL")))
                .put("/api/v1/agencies/" + p.agency()).then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(agencyToken(p)).contentType(ContentType.JSON)
                .body(update("PAYMENT_REPORTED", "amount", Map.of("amount", "100.00", "currency", "USD")))
                .post(VIEW + "/" + p.caseId() + "/updates").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("amount.currency"), "errors.message",
                        contains("'USD' is not a currency of this case: the case's invoices are in [CNY]"));
    }

    /**
     * A contact reported as of tomorrow in the business zone is refused on both doors, 400 naming {@code reportedOn} on REST,
     * the topic's DLQ with the reason; nothing is logged and the case stays with the agency. Until session 33 both answered
     * as if the agency had learnt it already (REST 201).
     */
    @Test
    void aReportDatedAfterTodayIsRefusedOnBothDoors() {
        Placed p = placed(cases);
        Map<String, Object> tomorrow = update("CONTACT_MADE", "reportedOn", ReadModelEvents.today().plusDays(1).toString());
        given().auth().oauth2(agencyToken(p)).contentType(ContentType.JSON).body(tomorrow)
                .post(VIEW + "/" + p.caseId() + "/updates").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("agency-update.invalid"), "errors.field", contains("reportedOn"));
        String sent = AgencyFlowTest.report(p.tenant(), p.agency(), p.caseId(), tomorrow);
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> dead = io.tradecredit.testing.Topics.read(
                TopicNames.agencyUpdates(p.agency()) + ".dlq.collections-service", java.time.Duration.ofSeconds(60),
                r -> r.stream().anyMatch(x -> sent.equals(io.tradecredit.testing.Topics.header(x, "ce_id"))));
        String reason = AgencyFlowTest.reason(dead, sent);
        org.junit.jupiter.api.Assertions.assertTrue(reason.contains("reportedOn"), reason);
        assertEquals(CaseState.WITH_AGENCY, state(cases, p));
        assertEquals(0, AgencyFlowTest.run(() -> cases.activities(p.tenant(), p.caseId())).stream()
                .filter(a -> a.kind().equals("agency-update")).count());
    }

    /**
     * An unknown kind, no reportedOn and an amount neither of whose parts can be read: one 400 naming every one of them,
     * nothing logged. Until session 33 the answer named only amount and kind.
     */
    @Test
    void everyWrongFieldOfAReportIsNamed() {
        Placed p = placed(cases);
        given().auth().oauth2(agencyToken(p)).contentType(ContentType.JSON)
                .body(Map.of("kind", "BOGUS", "amount", Map.of("amount", "abc", "currency", "cny")))
                .post(VIEW + "/" + p.caseId() + "/updates").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("amount.amount", "amount.currency", "kind", "reportedOn"),
                        // the value given is named, not called missing
                        "errors.find { it.field == 'kind' }.message", org.hamcrest.Matchers.containsString("'BOGUS'"));
        assertEquals(CaseState.WITH_AGENCY, state(cases, p));
        assertEquals(0, AgencyFlowTest.run(() -> cases.activities(p.tenant(), p.caseId())).stream()
                .filter(a -> a.kind().equals("agency-update")).count());
    }

    @Test
    void aCaseClosedByTheTenantWhileWithTheAgencyIsNoLongerItsCase() {
        Placed p = placed(cases);
        String token = agencyToken(p);
        AgencyFlowTest.run(() -> cases.close(p.tenant(), p.caseId(), io.tradecredit.collections.domain.CloseReason.WRITTEN_OFF,
                "wang", "written off in the ledger"));
        given().auth().oauth2(token).get(VIEW).then().statusCode(200).body("items", empty());
        given().auth().oauth2(token).get(VIEW + "/" + p.caseId()).then().statusCode(404);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(update("CONTACT_MADE"))
                .post(VIEW + "/" + p.caseId() + "/updates").then().statusCode(404);
    }

    @Test
    void onlyAnAgencyTokenWithItsCodeOpensTheView() {
        Placed p = placed(cases);
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("agency").mint()).get(VIEW).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("tenant-admin").agency(p.agency()).mint()).get(VIEW).then()
                .statusCode(403);
        given().get(VIEW).then().statusCode(401);
    }

    static LocalDate march(int day) {
        return LocalDate.of(2026, 3, day);
    }

    /**
     * The buyer pays an invoice of {@code amount} on March {@code day} (the invoice issued first: a payment of an unknown
     * one is parked); returns its event (the reversal names its payment id).
     */
    static Map<String, Object> paid(String tenant, String buyer, int day, String amount, String currency) {
        return paid(tenant, buyer, march(day), amount, currency);
    }

    static Map<String, Object> paid(String tenant, String buyer, LocalDate day, String amount, String currency) {
        String invoiceId = UUID.randomUUID().toString();
        invoice(tenant, buyer, "issued", ReadModelEvents.issued(buyer, invoiceId, amount, day.minusDays(30)));
        Map<String, Object> m = payment("payment-received", buyer, invoiceId, amount, "0.00");
        m.put("receivedOn", day.toString());
        m.put("amount", Map.of("amount", amount, "currency", currency));
        invoice(tenant, buyer, "payment-received", m);
        return m;
    }

    /** invoice-service's payment-reversed of {@code paid}, happening at noon on March {@code day} (its ce_time). */
    static void bounced(String tenant, String buyer, Map<String, Object> paid, int day) {
        bounced(tenant, buyer, paid, march(day));
    }

    /** invoice-service's payment-reversed of {@code paid}, happening at noon on {@code day} (its ce_time). */
    static void bounced(String tenant, String buyer, Map<String, Object> paid, LocalDate day) {
        @SuppressWarnings("unchecked")
        Map<String, Object> allocation = ((List<Map<String, Object>>) paid.get("allocations")).get(0);
        Map<String, Object> m = payment("payment-reversed", buyer, (String) allocation.get("invoiceId"),
                ((Map<?, ?>) paid.get("amount")).get("amount").toString(), "0.00");
        m.put("paymentId", paid.get("paymentId"));
        Map<String, String> headers = new java.util.HashMap<>(ReadModelEvents.headers(tenant, buyer,
                "io.tradecredit.invoice.payment-reversed.v1", UUID.randomUUID().toString()));
        headers.put("ce_time", day.atTime(12, 0, 1).atOffset(java.time.ZoneOffset.ofHours(8)).toString());
        io.tradecredit.testing.Topics.send("invoice-events", buyer, ReadModelEvents.json(m), headers);
    }

    /**
     * X with huaxin from 03-10 until recalled on 03-15: 40,000.00 paid on 03-10 bounces on 03-20, so it
     * earned nothing; 3,000.00 paid on 03-05, before the hand-off, bounces on 03-12 and takes nothing
     * away; 1,000.00 of 03-12 earns 150.00.
     */
    @Test
    void aBouncedPaymentEarnsNothingAndABounceOfAPaymentThatNeverEarnedTakesNothing() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.tenant(tenant).roles("tenant-admin").mint()).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "15", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL")))
                .put("/api/v1/agencies/huaxin").then().statusCode(200);
        String x = UUID.randomUUID().toString();
        placement(tenant, "huaxin", x, march(10), march(15));
        Map<String, Object> beforeHandOff = paid(tenant, x, 5, "3000.00", "CNY");
        Map<String, Object> onHandOff = paid(tenant, x, 10, "40000.00", "CNY");
        paid(tenant, x, 12, "1000.00", "CNY");
        ReadModelEvents.await("three payments", () -> Database.count("select count(*) from received_payment"
                + " where tenant_id = ?", tenant) == 3);
        bounced(tenant, x, beforeHandOff, 12);
        bounced(tenant, x, onHandOff, 20);
        ReadModelEvents.await("two reversals", () -> Database.count("select count(*) from received_payment"
                + " where tenant_id = ? and reversed_on is not null", tenant) == 2);
        given().auth().oauth2(Tokens.tenant(tenant).roles("finance").mint()).queryParam("from", "2026-03-01")
                .queryParam("to", "2026-03-31").get("/api/v1/agencies/huaxin/commission").then().statusCode(200)
                .body("lines.collected.amount", contains("1000.00"), "lines.commission.amount", contains("150.00"));
    }

    /**
     * X with huaxin from 03-10 until recalled on 03-15 pays 40,000.00 on 03-10; Y with it from 03-01 until
     * recalled on 03-15 pays 2,000.00 on 03-14 and is handed to it again on 04-10. March earns 15 % of
     * 42,000.00 = 6,300.00. X's payment bounces on 04-03 and Y's on 04-12, after both came back: April
     * takes them back, -42,000.00, and adds Y's 1,000.00 of 04-20 in its second stay: -41,000.00 collected,
     * -6,150.00 commission. (April read only the stays that overlap it and neither of those that earned.)
     */
    @Test
    void aPaymentBouncedAfterTheCaseCameBackIsTakenBackInThePeriodOfTheBounce() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.tenant(tenant).roles("tenant-admin").mint()).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "15", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL")))
                .put("/api/v1/agencies/huaxin").then().statusCode(200);
        String x = UUID.randomUUID().toString();
        String y = UUID.randomUUID().toString();
        placement(tenant, "huaxin", x, march(10), march(15));
        placement(tenant, "huaxin", y, march(1), march(15));
        placement(tenant, "huaxin", y, LocalDate.of(2026, 4, 10), null);
        Map<String, Object> xPaid = paid(tenant, x, 10, "40000.00", "CNY");
        Map<String, Object> yPaid = paid(tenant, y, 14, "2000.00", "CNY");
        paid(tenant, y, LocalDate.of(2026, 4, 20), "1000.00", "CNY");
        ReadModelEvents.await("three payments", () -> Database.count("select count(*) from received_payment"
                + " where tenant_id = ?", tenant) == 3);
        String finance = Tokens.tenant(tenant).roles("finance").mint();
        given().auth().oauth2(finance).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .get("/api/v1/agencies/huaxin/commission").then().statusCode(200)
                .body("lines.collected.amount", contains("42000.00"), "lines.commission.amount", contains("6300.00"));
        bounced(tenant, x, xPaid, LocalDate.of(2026, 4, 3));
        bounced(tenant, y, yPaid, LocalDate.of(2026, 4, 12));
        ReadModelEvents.await("two reversals", () -> Database.count("select count(*) from received_payment"
                + " where tenant_id = ? and reversed_on is not null", tenant) == 2);
        given().auth().oauth2(finance).queryParam("from", "2026-04-01").queryParam("to", "2026-04-30")
                .get("/api/v1/agencies/huaxin/commission").then().statusCode(200)
                .body("lines.collected.amount", contains("-41000.00"), "lines.commission.amount", contains("-6150.00"));
        given().auth().oauth2(finance).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .get("/api/v1/agencies/huaxin/commission").then().statusCode(200)
                .body("lines.collected.amount", contains("42000.00"), "lines.commission.amount", contains("6300.00"));
    }

    /**
     * The brief's example, on the months after today (a change of terms is never dated in the past): huaxin
     * at 15 % earns 6,000.00 on X's 40,000.00 of "March"; its fee changed to 10 % from "April" 1 (version 2),
     * "March" read again is still 6,000.00 at version 1, and X's 20,000.00 of "April" earns 2,000.00 at 10 %.
     */
    @Test
    void aChangeOfTheFeeNeverRepricesAPastStatement() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = Tokens.tenant(tenant).roles("tenant-admin").mint();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "15", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL")))
                .put("/api/v1/agencies/huaxin").then().statusCode(200).body("version", equalTo(1));
        LocalDate march = io.tradecredit.devstack.PlatformZone.today().withDayOfMonth(1).plusMonths(1);
        LocalDate april = march.plusMonths(1);
        String x = UUID.randomUUID().toString();
        placement(tenant, "huaxin", x, march, null);
        paid(tenant, x, march.plusDays(9), "40000.00", "CNY");
        paid(tenant, x, april.plusDays(9), "20000.00", "CNY");
        ReadModelEvents.await("two payments", () -> Database.count("select count(*) from received_payment"
                + " where tenant_id = ?", tenant) == 2);
        String finance = Tokens.tenant(tenant).roles("finance").mint();
        String marchTo = march.withDayOfMonth(march.lengthOfMonth()).toString();
        given().auth().oauth2(finance).queryParam("from", march.toString()).queryParam("to", marchTo)
                .get("/api/v1/agencies/huaxin/commission").then().statusCode(200)
                .body("lines.commission.amount", contains("6000.00"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "10", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL"),
                        "effectiveFrom", april.toString()))
                .put("/api/v1/agencies/huaxin").then().statusCode(200)
                .body("version", equalTo(2), "effectiveFrom", equalTo(april.toString()), "successFeePercent", equalTo(10));
        given().auth().oauth2(finance).queryParam("from", march.toString()).queryParam("to", marchTo)
                .get("/api/v1/agencies/huaxin/commission").then().statusCode(200)
                .body("lines.collected.amount", contains("40000.00"), "lines.commission.amount", contains("6000.00"),
                        "lines.contractVersion", contains(1), "lines.successFeePercent", contains(15));
        given().auth().oauth2(finance).queryParam("from", april.toString())
                .queryParam("to", april.withDayOfMonth(april.lengthOfMonth()).toString())
                .get("/api/v1/agencies/huaxin/commission").then().statusCode(200)
                .body("lines.collected.amount", contains("20000.00"), "lines.commission.amount", contains("2000.00"),
                        "lines.contractVersion", contains(2), "lines.successFeePercent", contains(10));
        // the contract today is still version 1 (version 2 is in force from "April"); both are kept
        given().auth().oauth2(finance).get("/api/v1/agencies/huaxin").then().statusCode(200)
                .body("version", equalTo(1), "successFeePercent", equalTo(15));
        given().auth().oauth2(finance).get("/api/v1/agencies/huaxin/versions").then().statusCode(200)
                .body("version", contains(1, 2), "successFeePercent", contains(15, 10));
    }

    static void placement(String tenant, String agency, String buyer, LocalDate from, LocalDate until) {
        placement(tenant, agency, buyer, from, until, "RECALLED");
    }

    static void placement(String tenant, String agency, String buyer, LocalDate from, LocalDate until, String reason) {
        Database.execute("insert into agency_placement (id, tenant_id, case_id, buyer_id, agency_code, handed_on, handed_by,"
                + " ended_on, end_reason, ended_by) values (?::uuid, ?, ?::uuid, ?::uuid, ?, ?, 'lena', ?, ?, ?)",
                UUID.randomUUID().toString(), tenant, UUID.randomUUID().toString(), buyer, agency, from, until,
                until == null ? null : reason, until == null ? null : "wang");
    }

    /** docs/collections-service.md's worked example, March 2026, through the API. */
    @Test
    void commissionWorkedExampleForMarch() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.tenant(tenant).roles("tenant-admin").mint()).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "15", "currencies", List.of("CNY", "USD"), "handOff", Map.of("mode", "MANUAL")))
                .put("/api/v1/agencies/huaxin").then().statusCode(200);
        String x = UUID.randomUUID().toString();
        String y = UUID.randomUUID().toString();
        placement(tenant, "huaxin", x, march(10), null);
        placement(tenant, "huaxin", y, march(1), march(15));
        paid(tenant, x, 5, "1000.00", "CNY");
        paid(tenant, x, 10, "40000.00", "CNY");
        paid(tenant, x, 25, "10000.00", "USD");
        paid(tenant, x, 26, "500.00", "EUR");
        paid(tenant, y, 14, "5000.00", "CNY");
        paid(tenant, y, 15, "7000.00", "CNY");
        ReadModelEvents.await("six payments", () -> Database.count("select count(*) from received_payment where tenant_id = ?",
                tenant) == 6);
        String finance = Tokens.tenant(tenant).roles("finance").mint();
        given().auth().oauth2(finance).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .get("/api/v1/agencies/huaxin/commission").then().statusCode(200)
                .body("agencyCode", equalTo("huaxin"), "lines.collected.currency", contains("CNY", "USD"),
                        "lines.collected.amount", contains("45000.00", "10000.00"),
                        "lines.commission.amount", contains("6750.00", "1500.00"));
        given().auth().oauth2(finance).queryParam("from", "2026-03-31").queryParam("to", "x")
                .get("/api/v1/agencies/huaxin/commission").then().statusCode(400).body("errors.field", contains("to"));
        given().auth().oauth2(finance).get("/api/v1/agencies/huaxin/commission").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("from", "to"));
        given().auth().oauth2(finance).queryParam("from", "2026-03-31").queryParam("to", "2026-03-01")
                .get("/api/v1/agencies/huaxin/commission").then().statusCode(400).body("errors.field", contains("to"));
        given().auth().oauth2(Tokens.tenant("t-other").roles("finance").mint()).queryParam("from", "2026-03-01")
                .queryParam("to", "2026-03-31").get("/api/v1/agencies/huaxin/commission").then().statusCode(404);
    }

    /**
     * The partner's case: handed over on 2026-12-08, 10,000.00 CNY received that day; December shows 1,500.00 (15 %),
     * and still does once the agency has returned the case the same day (until session 33 it then showed no lines).
     */
    @Test
    void aPaymentOnTheHandOffDayKeepsItsCommissionWhenTheCaseIsReturnedTheSameDay() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.tenant(tenant).roles("tenant-admin").mint()).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "15", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL")))
                .put("/api/v1/agencies/huaxin").then().statusCode(200);
        LocalDate dec8 = LocalDate.of(2026, 12, 8);
        String buyer = UUID.randomUUID().toString();
        placement(tenant, "huaxin", buyer, dec8, null);
        paid(tenant, buyer, dec8, "10000.00", "CNY");
        ReadModelEvents.await("the payment", () -> Database.count("select count(*) from received_payment where tenant_id = ?",
                tenant) == 1);
        String finance = Tokens.tenant(tenant).roles("finance").mint();
        given().auth().oauth2(finance).queryParam("from", "2026-12-01").queryParam("to", "2026-12-31")
                .get("/api/v1/agencies/huaxin/commission").then().statusCode(200)
                .body("lines.collected.amount", contains("10000.00"), "lines.commission.amount", contains("1500.00"));
        Database.execute("update agency_placement set ended_on = ?, end_reason = 'RETURNED', ended_by = 'agency:huaxin'"
                + " where tenant_id = ? and buyer_id = ?::uuid", dec8, tenant, buyer);
        given().auth().oauth2(finance).queryParam("from", "2026-12-01").queryParam("to", "2026-12-31")
                .get("/api/v1/agencies/huaxin/commission").then().statusCode(200)
                .body("lines.collected.amount", contains("10000.00"), "lines.commission.amount", contains("1500.00"));
    }

    /** A settlement reported on 12 March and paid that day earns the fee, in a statement from that day on. */
    @Test
    void aSettlementPaidOnTheDayItIsReportedEarnsCommission() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.tenant(tenant).roles("tenant-admin").mint()).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "15", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL")))
                .put("/api/v1/agencies/huaxin").then().statusCode(200);
        String settled = UUID.randomUUID().toString();
        String recalled = UUID.randomUUID().toString();
        placement(tenant, "huaxin", settled, march(1), march(12), "SETTLED");
        placement(tenant, "huaxin", recalled, march(1), march(12), "RECALLED");
        paid(tenant, settled, 12, "3000.00", "CNY");
        paid(tenant, recalled, 12, "1000.00", "CNY");
        ReadModelEvents.await("two payments", () -> Database.count("select count(*) from received_payment where tenant_id = ?",
                tenant) == 2);
        given().auth().oauth2(Tokens.tenant(tenant).roles("finance").mint()).queryParam("from", "2026-03-12")
                .queryParam("to", "2026-03-31").get("/api/v1/agencies/huaxin/commission").then().statusCode(200)
                .body("lines.collected.amount", contains("3000.00"), "lines.commission.amount", contains("450.00"));
    }
}
