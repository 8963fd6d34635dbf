package io.tradecredit.collections.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.messaging.ReadModelEvents.await;
import static io.tradecredit.collections.messaging.ReadModelEvents.buyerRegistered;
import static io.tradecredit.collections.messaging.ReadModelEvents.disputeOpened;
import static io.tradecredit.collections.messaging.ReadModelEvents.invoice;
import static io.tradecredit.collections.messaging.ReadModelEvents.issuedWithParties;
import static io.tradecredit.collections.messaging.ReadModelEvents.lateChargesStated;
import static io.tradecredit.collections.messaging.ReadModelEvents.send;
import static io.tradecredit.collections.messaging.ReadModelEvents.sendUnchecked;
import static io.tradecredit.collections.messaging.ReadModelEvents.today;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.CaseView;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.collections.domain.BusinessCalendar;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.testing.Contracts;
import io.tradecredit.devstack.AgencyClient;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.KafkaTestResource;
import io.tradecredit.testing.Tokens;
import io.tradecredit.testing.Topics;

/**
 * Hand-off, recall and agency updates through the real topics: the case file an agency reads on
 * {@code agency.<code>.cases}, its reports on {@code agency.<code>.updates} moving the case, and
 * reports it may not make going to its own dead-letter topic with the reason.
 */
@QuarkusTest
class AgencyFlowTest {
    /** A case has one address: hand-off and recall live under the cases' own path. */
    static final String CASES = "/api/v1/collections/cases/";

    @Inject
    CollectionCases cases;

    record Placed(String tenant, String agency, String buyer, String invoice, UUID caseId) {
    }

    static String fresh(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A tenant with a contract with a new agency, a buyer owing 10,000.00 CNY (1,500.00 disputed) 40
     * days with 495.00 CNY late charges stated yesterday, its case handed over.
     */
    Placed placed() {
        return placed(cases);
    }

    static Placed placed(CollectionCases cases) {
        return placed(cases, (tenant, buyer) -> {
        });
    }

    /** As {@link #placed()}, with {@code beforeHandOff(tenant, buyer)} done just before the hand-off. */
    static Placed placed(CollectionCases cases, java.util.function.BiConsumer<String, String> beforeHandOff) {
        String tenant = fresh("t-");
        String agency = fresh("ag-");
        given().auth().oauth2(Tokens.tenant(tenant).roles("credit-manager").mint()).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "15", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL")))
                .put("/api/v1/agencies/" + agency).then().statusCode(200);
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        send(tenant, buyer, "credit", "buyer-registered", UUID.randomUUID().toString(), buyerRegistered(buyer, "Globex Trading Ltd."));
        invoice(tenant, buyer, "issued", issuedWithParties(buyer, inv, "10000.00", today().minusDays(40),
                "1 Harbour Rd, Shanghai"));
        invoice(tenant, buyer, "late-charges-stated", lateChargesStated(buyer, inv, today().minusDays(40),
                today().minusDays(1), "10000.00", "195.00", "300.00"));
        invoice(tenant, buyer, "dispute-opened", disputeOpened(buyer, inv, UUID.randomUUID().toString(), "1500.00",
                "10000.00", "8500.00", today().minusDays(40)));
        await("the late charges stated", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and late_charges_as_of is not null and invoice_id = ?::uuid", tenant, inv) == 1);
        await("the disputed invoice", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and disputed_amount = 1500 and invoice_id = ?::uuid", tenant, inv) == 1);
        await("the buyer", () -> Database.count("select count(*) from buyer where tenant_id = ? and name is not null"
                + " and buyer_id = ?::uuid", tenant, buyer) == 1);
        CaseView c = run(() -> cases.openFor(tenant, UUID.fromString(buyer), today(), "lena"));
        run(() -> cases.log(tenant, c.id(), "call", "lena", Map.of("reason", "CASH_FLOW", "note", "asked for two weeks")));
        beforeHandOff.accept(tenant, buyer);
        given().auth().oauth2(Tokens.tenant(tenant).roles("collector").subject("lena").mint()).contentType(ContentType.JSON)
                .body(Map.of("agencyCode", agency)).post(CASES + c.id() + "/hand-off").then().statusCode(200)
                .body("caseId", equalTo(c.id().toString()), "agencyCode", equalTo(agency),
                        "collectible[0].amount", equalTo("8500.00"), "disputed[0].amount", equalTo("1500.00"));
        return new Placed(tenant, agency, buyer, inv, c.id());
    }

    @Test
    void handOffPublishesTheWholeCaseFileToTheAgencyAndTheHandOffToThePlatform() {
        Placed p = placed();
        assertEquals(CaseState.WITH_AGENCY, state(p));
        JsonNode file = event(TopicNames.agencyCases(p.agency()), p.caseId(), "io.tradecredit.collections.agency-case-placed.v1");
        assertEquals(p.tenant(), file.at("/creditor/tenantId").asText());
        assertEquals("Globex Trading Ltd.", file.at("/debtor/name").asText());
        assertEquals("91310000MA1FL8XQ30", file.at("/debtor/registrationNumber").asText());
        assertEquals("CN", file.at("/debtor/country").asText());
        // both parties as the invoice prints them, so the agency can write to the buyer for the seller
        assertEquals("Acme Machinery Co.", file.at("/creditor/name").asText());
        assertEquals("1 Harbour Rd, Shanghai", file.at("/creditor/address").asText());
        assertEquals("91310000MA1FL8XQ30", file.at("/creditor/taxId").asText());
        assertEquals("CN12 3456 7890", file.at("/creditor/bankAccount").asText());
        assertEquals("8 Market St, Shenzhen", file.at("/debtor/address").asText());
        JsonNode line = file.at("/invoices/0");
        assertEquals(p.invoice(), line.get("invoiceId").asText());
        assertEquals("PO-4711", line.get("purchaseOrderNumber").asText());
        assertEquals(40, line.get("daysPastDue").asInt());
        assertEquals("10000.00", line.at("/openAmount/amount").asText());
        assertEquals("1500.00", line.at("/disputedAmount/amount").asText());
        assertEquals("8500.00", line.at("/collectibleAmount/amount").asText());
        assertEquals(today().minusDays(1).toString(), line.at("/lateCharges/asOf").asText());
        assertEquals("195.00", line.at("/lateCharges/interest/amount").asText());
        assertEquals("300.00", line.at("/lateCharges/fee/amount").asText());
        assertEquals("495.00", line.at("/lateCharges/total/amount").asText());
        assertEquals("CNY", line.at("/lateCharges/total/currency").asText());
        List<String> log = file.get("communication").findValuesAsText("kind");
        assertTrue(log.containsAll(List.of("case-opened", "call")), "the prior communication record: " + log);
        assertEquals("asked for two weeks", file.at("/communication/1/detail/note").asText());

        JsonNode handed = event(TopicNames.COLLECTION_CASES, p.caseId(), "io.tradecredit.collections.handed-to-agency.v1");
        assertEquals(p.agency(), handed.get("agencyCode").asText());
        assertEquals("lena", handed.get("by").asText());
        assertEquals(file.get("placementId").asText(), handed.get("placementId").asText());

        // a second hand-off while it is with the agency is refused, naming it
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("collector").mint()).contentType(ContentType.JSON)
                .body(Map.of("agencyCode", p.agency())).post(CASES + p.caseId() + "/hand-off").then()
                .statusCode(409).body("code", equalTo("case.already-with-agency"));
        // the old address is gone: one path for cases
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("collector").mint()).contentType(ContentType.JSON)
                .body(Map.of("agencyCode", p.agency())).post("/api/v1/cases/" + p.caseId() + "/hand-off").then()
                .statusCode(404);
    }

    @Test
    void theCaseFileNamesTheBuyersContactsAsNotificationServicePublishedThem() {
        String li = UUID.randomUUID().toString();
        String zhao = UUID.randomUUID().toString();
        Placed p = placed(cases, (tenant, buyer) -> {
            contactChanged(tenant, buyer, li, "Li Wei", null, "li@globex.example", null, "2026-12-01T09:00:00Z");
            // changed later: the agency gets the function and mobile entered since
            contactChanged(tenant, buyer, li, "Li Wei", "accounts payable", "li@globex.example", "+86 138 0000 0000",
                    "2026-12-02T09:00:00Z");
            contactChanged(tenant, buyer, zhao, "赵敏", "CFO", null, "+86 139 0000 0000", "2026-12-01T10:00:00Z");
            // another tenant's contact for the same buyer id stays with that tenant
            contactChanged(fresh("t-"), buyer, UUID.randomUUID().toString(), "Someone Else", null, null, null,
                    "2026-12-01T10:00:00Z");
            await("the contacts", () -> Database.count("select count(*) from buyer_contact where tenant_id = ?"
                    + " and buyer_id = ?::uuid and (function is not null or contact_id = ?::uuid)", tenant, buyer, zhao) == 2);
        });
        // a change older than the one kept (redelivered late) changes nothing
        String stale = contactChanged(p.tenant(), p.buyer(), li, "Li Wei (old)", null, null, null, "2026-11-30T09:00:00Z");
        await("the stale change read", () -> Database.count("select count(*) from inbox where event_id = ?", stale) == 1);

        JsonNode file = event(TopicNames.agencyCases(p.agency()), p.caseId(), "io.tradecredit.collections.agency-case-placed.v1");
        JsonNode contacts = file.at("/debtor/contacts");
        assertEquals(2, contacts.size(), contacts.toString());
        JsonNode first = contacts.get(li.compareTo(zhao) < 0 ? 0 : 1);
        assertEquals("Li Wei", first.get("name").asText());
        assertEquals("accounts payable", first.get("function").asText());
        assertEquals("li@globex.example", first.get("email").asText());
        assertEquals("+86 138 0000 0000", first.get("mobile").asText());
        assertEquals("zh-CN", first.get("language").asText());
        // the agency's REST view shows the same file
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("agency").agency(p.agency()).mint())
                .get("/api/v1/agency/cases/" + p.caseId()).then().statusCode(200)
                .body("debtor.contacts.name", hasItems("Li Wei", "赵敏"), "debtor.contacts.size()", equalTo(2));
    }

    /** contact-changed as notification-service publishes it on notification-status (checked against its schema). */
    static String contactChanged(String tenant, String buyer, String contact, String name, String function, String email,
            String mobile, String at) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("contactId", contact);
        m.put("buyerId", buyer);
        m.put("name", name);
        m.put("function", function);
        m.put("email", email);
        m.put("mobile", mobile);
        m.put("language", "zh-CN");
        m.put("changedAt", at);
        return Topics.sendEvent("notification-status", tenant, "notification", "contact-changed", buyer,
                UUID.randomUUID().toString(), m);
    }

    @Test
    void aPromiseStaysWithTheAgencyAndAReturnBringsTheCaseBackThroughTheRealTopic() {
        // lena planned a call in 20 days before the hand-off: while with the agency the case has no next action
        // of hers; returned, it is hers again today (until session 30 it kept the date, 20 days off, or none)
        Placed p = placed(cases, (tenant, buyer) -> run(() -> cases.openCaseOf(tenant, UUID.fromString(buyer))
                .chain(c -> cases.planNextAction(tenant, c.orElseThrow().id(), today().plusDays(20), "lena"))));
        assertNull(run(() -> cases.find(p.tenant(), p.caseId())).nextActionOn());
        report(p.tenant(), p.agency(), p.caseId(), update("PROMISE", "amount", Map.of("amount", "8500.00", "currency", "CNY"),
                "promisedFor", today().plusDays(14).toString(), "note", "CFO promised by phone"));
        await("the promise in the case log", () -> logKinds(p).contains("agency-update"));
        assertEquals(CaseState.WITH_AGENCY, state(p));
        JsonNode received = event(TopicNames.COLLECTION_CASES, p.caseId(), "io.tradecredit.collections.agency-update-received.v1");
        assertEquals("PROMISE", received.get("kind").asText());
        assertEquals("topic", received.get("via").asText());
        assertEquals("WITH_AGENCY", received.get("caseState").asText());
        assertFalse(received.get("placementEnded").asBoolean());

        report(p.tenant(), p.agency(), p.caseId(), update("RETURNED", "note", "buyer unreachable"));
        await("the case back with the collector", () -> state(p) == CaseState.IN_PROGRESS);
        assertEquals(1, Database.count("select count(*) from agency_placement where case_id = ?::uuid and end_reason = 'RETURNED'"
                + " and ended_on is not null", p.caseId().toString()));
        assertEquals(BusinessCalendar.DEFAULT.nextWorkingDay(today()), run(() -> cases.find(p.tenant(), p.caseId())).nextActionOn());
        assertTrue(logKinds(p).contains("next-action-planned"));
    }

    @Test
    void aSettlementClosesTheCaseAsSettled() {
        Placed p = placed();
        report(p.tenant(), p.agency(), p.caseId(), update("SETTLED", "amount", Map.of("amount", "8000.00", "currency", "CNY")));
        await("the case closed", () -> state(p) == CaseState.CLOSED);
        assertEquals(CloseReason.SETTLED, run(() -> cases.find(p.tenant(), p.caseId())).closeReason());
    }

    @Test
    void reportsOnAnotherAgencysCaseOrForAnotherTenantGoToTheAgencysDeadLetterTopicWithTheReason() {
        Placed mine = placed();
        Placed theirs = placed();
        // agency "mine" reports on a case that is with "theirs"
        String wrongCase = report(mine.tenant(), mine.agency(), theirs.caseId(), update("CONTACT_MADE"));
        // the right case, but as another tenant
        String wrongTenant = report("t-other", mine.agency(), mine.caseId(), update("CONTACT_MADE"));
        // not a report at all
        String unreadable = UUID.randomUUID().toString();
        sendUnchecked(TopicNames.agencyUpdates(mine.agency()), mine.tenant(), mine.caseId().toString(),
                "io.tradecredit.agency.case-update.v1", unreadable, "{\"caseId\":\"" + mine.caseId() + "\",\"kind\":\"WON\"}");
        String dlq = TopicNames.agencyUpdates(mine.agency()) + ".dlq.collections-service";
        List<ConsumerRecord<String, String>> dead = Topics.read(dlq, Duration.ofSeconds(60), r -> r.size() >= 3);
        assertEquals(3, dead.size(), "three refused reports");
        assertTrue(reason(dead, wrongCase).contains("is not with agency " + mine.agency()), reason(dead, wrongCase));
        assertTrue(reason(dead, wrongTenant).contains("of tenant t-other is not with agency"), reason(dead, wrongTenant));
        assertTrue(reason(dead, unreadable).contains("kind"), reason(dead, unreadable));
        assertEquals(CaseState.WITH_AGENCY, state(mine));
        assertEquals(CaseState.WITH_AGENCY, state(theirs));
        assertFalse(logKinds(theirs).contains("agency-update"));
    }

    /**
     * Two agencies (of two tenants) number their reports alike: each sends {@code r-1}. Each report is an agency's own and is
     * applied; the first agency's retry of its {@code r-1} is still applied once. Until session 34 the inbox keyed on
     * {@code ce_id} alone, so the second agency's {@code r-1} was taken for a duplicate and silently dropped (neither logged
     * nor sent to the DLQ).
     */
    @Test
    void twoAgenciesMayNumberTheirReportsAlike() {
        Placed first = placed();
        Placed second = placed();
        String id = "r-1-" + UUID.randomUUID().toString().substring(0, 8);
        for (Placed p : List.of(first, second, first)) {
            report(p.tenant(), p.agency(), p.caseId(), id, update("CONTACT_MADE", "note", "spoke to " + p.agency()));
        }
        await("the second agency's r-1 logged", () -> logKinds(second).contains("agency-update"));
        await("the first agency's r-1 logged", () -> logKinds(first).contains("agency-update"));
        assertEquals(1, Database.count("select count(*) from case_activity where tenant_id = ? and case_id = ?::uuid"
                + " and kind = 'agency-update'", first.tenant(), first.caseId().toString()), "the retry is applied once");
    }

    @Test
    void aRecallEndsThePlacementAndTellsTheAgency() {
        Placed p = placed();
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("finance").mint()).contentType(ContentType.JSON)
                .body(Map.of()).post(CASES + p.caseId() + "/recall").then().statusCode(403);
        given().auth().oauth2(Tokens.tenant(fresh("t-")).roles("collector").mint()).contentType(ContentType.JSON)
                .body(Map.of()).post(CASES + p.caseId() + "/recall").then().statusCode(404);
        // a note over its 500 characters: named, the case stays with the agency
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("collector").mint()).contentType(ContentType.JSON)
                .body(Map.of("note", "n".repeat(501))).post(CASES + p.caseId() + "/recall").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("agency-recall.invalid"),
                        "errors.field", equalTo(List.of("note")));
        assertEquals(CaseState.WITH_AGENCY, state(p));
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("credit-manager").subject("wang").mint())
                .contentType(ContentType.JSON).body(Map.of("note", "buyer offered a plan directly"))
                .post(CASES + p.caseId() + "/recall").then().statusCode(200)
                .body("endReason", equalTo("RECALLED"), "endedOn", equalTo(today().toString()));
        assertEquals(CaseState.IN_PROGRESS, state(p));
        assertEquals(BusinessCalendar.DEFAULT.nextWorkingDay(today()), run(() -> cases.find(p.tenant(), p.caseId())).nextActionOn());
        JsonNode told = event(TopicNames.agencyCases(p.agency()), p.caseId(), "io.tradecredit.collections.agency-case-recalled.v1");
        assertEquals("buyer offered a plan directly", told.get("note").asText());
        JsonNode recalled = event(TopicNames.COLLECTION_CASES, p.caseId(), "io.tradecredit.collections.recalled.v1");
        assertEquals("wang", recalled.get("by").asText());
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("collector").mint()).contentType(ContentType.JSON)
                .body(Map.of()).post(CASES + p.caseId() + "/recall").then().statusCode(409)
                .body("code", equalTo("case.not-with-agency"));
    }

    @Test
    void aCaseTheTenantClosesEndsItsPlacementAndTellsTheAgencyWhileTheStateDoorNeitherTakesItBackNorHandsItOff() {
        Placed p = placed();
        String collector = Tokens.tenant(p.tenant()).roles("collector").subject("lena").mint();
        for (String to : List.of("IN_PROGRESS", "WITH_AGENCY")) {
            given().auth().oauth2(collector).contentType(ContentType.JSON).body(Map.of("state", to))
                    .put(CASES + p.caseId() + "/state").then().statusCode(409).body("code", equalTo("case.agency-move"));
        }
        assertEquals(CaseState.WITH_AGENCY, state(p));
        given().auth().oauth2(collector).contentType(ContentType.JSON)
                .body(Map.of("state", "CLOSED", "closeReason", "WRITTEN_OFF", "note", "buyer dissolved"))
                .put(CASES + p.caseId() + "/state").then().statusCode(200);
        JsonNode told = event(TopicNames.agencyCases(p.agency()), p.caseId(), "io.tradecredit.collections.agency-case-recalled.v1");
        assertEquals("case closed: WRITTEN_OFF", told.get("note").asText());
        assertEquals(1, Database.count("select count(*) from agency_placement where tenant_id = ? and case_id = ?::uuid"
                + " and end_reason = 'CASE_CLOSED' and ended_on is not null", p.tenant(), p.caseId().toString()));
    }

    /**
     * Abandonment judges a case an agency holds at the fee of that agency's contract (15 %), not at the tenant's
     * estimate for agencies in general (40 %): with 7,000.00 of further steps the debt is worth collecting with
     * the agency, and once recalled, at 40 %, it is not. Before, the tenant's estimate judged both.
     */
    @Test
    void abandonmentJudgesACaseWithAnAgencyAtItsContractsFee() {
        Placed p = placed();
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("credit-manager").mint()).contentType(ContentType.JSON)
                .body(Map.of("costPerStep", List.of(Map.of("amount", "3500.00", "currency", "CNY")), "stepsToCollect", 2,
                        "agencyFeePercent", "40"))
                .put("/api/v1/collections/terms").then().statusCode(200);
        String lena = Tokens.tenant(p.tenant()).roles("collector").subject("lena").mint();
        given().auth().oauth2(lena).post(CASES + p.caseId() + "/abandonment").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("abandonment.worth-collecting"),
                        "errors[0].message", org.hamcrest.Matchers.containsString("8275.00"));
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("credit-manager").mint()).contentType(ContentType.JSON)
                .body(Map.of("note", "not worth the agency's time")).post(CASES + p.caseId() + "/recall").then()
                .statusCode(200);
        given().auth().oauth2(lena).post(CASES + p.caseId() + "/abandonment").then().statusCode(201)
                .body("amounts[0].overdue.amount", equalTo("8500.00"),
                        "amounts[0].expectedCost.amount", equalTo("10400.00"));
    }

    /**
     * Globex owes 10,000.00 CNY, 40 days overdue. A collector hands its case to an agency collecting only USD: 409
     * {@code agency.nothing-to-collect} naming agencyCode, the case stays where it was, nothing is placed or
     * published. Before, the USD agency got the case, and the buyer's CNY payments earned it nothing. To an agency
     * collecting CNY, it goes.
     */
    @Test
    void aCollectorCannotHandACaseToAnAgencyCollectingNoneOfTheCurrenciesTheBuyerOwes() {
        String tenant = fresh("t-");
        String manager = Tokens.tenant(tenant).roles("credit-manager").mint();
        String dollars = fresh("usd-");
        String yuan = fresh("cny-");
        given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "10", "currencies", List.of("USD"), "handOff", Map.of("mode", "MANUAL")))
                .put("/api/v1/agencies/" + dollars).then().statusCode(200);
        given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("successFeePercent", "15", "currencies", List.of("CNY"), "handOff", Map.of("mode", "MANUAL")))
                .put("/api/v1/agencies/" + yuan).then().statusCode(200);
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        invoice(tenant, buyer, "issued", issuedWithParties(buyer, inv, "10000.00", today().minusDays(40), "1 Harbour Rd, Shanghai"));
        await("the invoice", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and invoice_id = ?::uuid", tenant, inv) == 1);
        CaseView c = run(() -> cases.openFor(tenant, UUID.fromString(buyer), today(), "lena"));
        String collector = Tokens.tenant(tenant).roles("collector").subject("lena").mint();
        given().auth().oauth2(collector).contentType(ContentType.JSON).body(Map.of("agencyCode", dollars))
                .post(CASES + c.id() + "/hand-off").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("agency.nothing-to-collect"), "errors[0].field", equalTo("agencyCode"));
        assertEquals(CaseState.OPEN, run(() -> cases.find(tenant, c.id())).state());
        assertEquals(0, Database.count("select count(*) from agency_placement where tenant_id = ?", tenant));
        given().auth().oauth2(collector).contentType(ContentType.JSON).body(Map.of("agencyCode", yuan))
                .post(CASES + c.id() + "/hand-off").then().statusCode(200).body("agencyCode", equalTo(yuan));
        assertEquals(CaseState.WITH_AGENCY, run(() -> cases.find(tenant, c.id())).state());
    }

    @Test
    void aHandOffNamesAMissingAgencyAndAnAgencyWithoutContract() {
        Placed p = placed();
        String other = run(() -> cases.openFor(p.tenant(), UUID.randomUUID(), today(), "lena")).id().toString();
        String collector = Tokens.tenant(p.tenant()).roles("collector").mint();
        given().auth().oauth2(collector).contentType(ContentType.JSON).body(Map.of())
                .post(CASES + other + "/hand-off").then().statusCode(400).body("errors[0].field", equalTo("agencyCode"));
        given().auth().oauth2(collector).contentType(ContentType.JSON).body(Map.of("agencyCode", "nobody"))
                .post(CASES + other + "/hand-off").then().statusCode(404).body("code", equalTo("agency.not-found"));
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("viewer").mint()).contentType(ContentType.JSON)
                .body(Map.of("agencyCode", p.agency())).post(CASES + other + "/hand-off").then().statusCode(403);
    }

    /** docs/agencies.md's example client, as a partner would run it against the platform's broker. */
    @Test
    void theExampleAgencyClientReadsItsCaseAndReportsItReturned() throws Exception {
        Placed p = placed();
        String bootstrap = KafkaTestResource.bootstrapServers();
        List<String> lines = AgencyClient.read(bootstrap, p.agency(), Duration.ofSeconds(8));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("io.tradecredit.collections.agency-case-placed.v1 tenant="
                + p.tenant() + " case=" + p.caseId())), String.join("\n", lines));
        String contact = AgencyClient.report(bootstrap, p.agency(), p.tenant(), p.caseId(), "CONTACT_MADE", "left a message");
        String again = AgencyClient.report(bootstrap, p.agency(), p.tenant(), p.caseId(), "CONTACT_MADE", "left a message");
        assertEquals(contact, again, "the same report sent again (a retry) carries the same event id");
        AgencyClient.report(bootstrap, p.agency(), p.tenant(), p.caseId(), "RETURNED", "no contact after 30 days");
        await("the case back with the collector", () -> state(p) == CaseState.IN_PROGRESS);
        assertEquals(1, Database.count("select count(*) from case_activity where tenant_id = ? and case_id = ?::uuid"
                + " and kind = 'agency-update' and detail::text like '%left a message%'", p.tenant(), p.caseId().toString()),
                "the retried report is logged once");

        String newcomer = fresh("ag-");
        assertEquals(List.of("agency." + newcomer + ".cases", "agency." + newcomer + ".updates",
                "agency." + newcomer + ".updates.dlq.collections-service"), AgencyClient.createTopics(bootstrap, newcomer));
        assertEquals(0, Topics.readFor("agency." + newcomer + ".cases", Duration.ofSeconds(1)).size());
    }

    static Map<String, Object> update(String kind, Object... more) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", kind);
        m.put("reportedOn", today().toString());
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    /** Sends a schema-valid report on the agency's updates topic, as the agency would; returns its event id. */
    static String report(String tenant, String agency, UUID caseId, Map<String, Object> body) {
        return report(tenant, agency, caseId, UUID.randomUUID().toString(), body);
    }

    /** {@link #report(String, String, UUID, Map)} with the agency's own id for it ({@code ce_id}). */
    static String report(String tenant, String agency, UUID caseId, String id, Map<String, Object> body) {
        Map<String, Object> withCase = new HashMap<>(body);
        withCase.put("caseId", caseId.toString());
        return Topics.sendEvent(TopicNames.agencyUpdates(agency), tenant, "agency", "case-update", caseId.toString(), id,
                withCase);
    }

    static String reason(List<ConsumerRecord<String, String>> dead, String eventId) {
        return dead.stream().filter(r -> eventId.equals(Topics.header(r, "ce_id"))).findFirst()
                .map(r -> Topics.header(r, "dead-letter-reason")).orElse("(not in the DLQ)");
    }

    /** The event of that type about the case, checked against its schema. */
    static JsonNode event(String topic, UUID caseId, String type) {
        List<ConsumerRecord<String, String>> records = Topics.read(topic, Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> matches(r, caseId, type)));
        ConsumerRecord<String, String> r = records.stream().filter(x -> matches(x, caseId, type)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type + " for case " + caseId + " on " + topic));
        return Contracts.assertValid(r);
    }

    /**
     * The case's event of {@code type} whose body holds {@code text}, waiting for it: a case's earlier
     * event of the same type may already be on the topic while the relay has not yet sent this one.
     */
    static JsonNode event(String topic, UUID caseId, String type, String text) {
        java.util.function.Predicate<ConsumerRecord<String, String>> wanted = x -> matches(x, caseId, type)
                && x.value().contains(text);
        ConsumerRecord<String, String> r = Topics.read(topic, Duration.ofSeconds(30), rs -> rs.stream().anyMatch(wanted))
                .stream().filter(wanted).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type + " with " + text + " for case " + caseId + " on " + topic));
        return Contracts.assertValid(r);
    }

    private static boolean matches(ConsumerRecord<String, String> r, UUID caseId, String type) {
        return caseId.toString().equals(r.key()) && type.equals(Topics.header(r, "ce_type"));
    }

    CaseState state(Placed p) {
        return state(cases, p);
    }

    static CaseState state(CollectionCases cases, Placed p) {
        return run(() -> cases.find(p.tenant(), p.caseId())).state();
    }

    List<String> logKinds(Placed p) {
        return run(() -> cases.activities(p.tenant(), p.caseId())).stream().map(a -> a.kind()).toList();
    }

    static <T> T run(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }
}
