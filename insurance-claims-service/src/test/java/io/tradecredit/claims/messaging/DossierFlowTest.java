package io.tradecredit.claims.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.claims.ClaimsFixtures.POLICIES;
import static io.tradecredit.claims.ClaimsFixtures.freshTenant;
import static io.tradecredit.claims.ClaimsFixtures.money;
import static io.tradecredit.claims.ClaimsFixtures.policy;
import static io.tradecredit.claims.ClaimsFixtures.today;
import static io.tradecredit.claims.ClaimsFixtures.token;
import static io.tradecredit.claims.messaging.ExposureFlowTest.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * collections-service's events on the real {@code collection-cases} topic, as it writes them (each checked
 * against its schema), become the buyer's collection record; a claim's dossier shows its invoices, that record
 * up to the claim's day, the agency's reports and the tenant's document references.
 */
@QuarkusTest
class DossierFlowTest {
    static final String CLAIMS = "/api/v1/insurance/claims";
    static final String INV1 = UUID.randomUUID().toString();
    static final String INV2 = UUID.randomUUID().toString();

    static Map<String, Object> step(String invoiceId, String number, String key, String outcome, String skipReason,
            List<Map<String, Object>> actions) {
        Map<String, Object> s = new HashMap<>();
        s.put("itemReference", "invoice:" + invoiceId);
        s.put("invoiceId", invoiceId);
        s.put("invoiceNumber", number);
        s.put("stepKey", key);
        s.put("offsetDays", 30);
        s.put("stepDay", today().minusDays(60).toString());
        s.put("outcome", outcome);
        s.put("skipReason", skipReason);
        s.put("supersededBy", null);
        s.put("collectibleAmount", money("30000.00", "CNY"));
        s.put("actions", actions);
        s.put("messageRequestIds", List.of());
        return s;
    }

    static Map<String, Object> action(String kind, String... channels) {
        return Map.of("kind", kind, "key", kind.toLowerCase(), "channels", List.of(channels));
    }

    static Map<String, Object> run(String buyer, LocalDate runDate, List<Map<String, Object>> steps) {
        return Map.of("buyerId", buyer, "runDate", runDate.toString(), "ladderKey", "default", "ladderVersion", 1,
                "steps", steps);
    }

    static String send(String tenant, String key, String name, Map<String, Object> body) {
        return Topics.sendEvent("collection-cases", tenant, "collections", name, key, UUID.randomUUID().toString(), body);
    }

    /** A run's steps as collections-service writes them since step-taken v2: counted per step key and outcome. */
    static String sendCounted(String tenant, String buyer, LocalDate runDate, List<Map<String, Object>> groups) {
        String eventId = UUID.randomUUID().toString();
        String json;
        try {
            json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("buyerId", buyer,
                    "runDate", runDate.toString(), "ladderKey", "default", "ladderVersion", 1, "stepCount",
                    groups.stream().mapToInt(g -> (Integer) g.get("count")).sum(), "steps", groups));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> headers = Topics.cloudEventHeaders(tenant, "/tradecredit/collections-service",
                "io.tradecredit.collections.step-taken.v2", buyer, eventId);
        var asSent = new org.apache.kafka.clients.consumer.ConsumerRecord<String, String>("collection-cases", 0, 0L, buyer, json);
        headers.forEach((k, v) -> asSent.headers().add(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        io.tradecredit.testing.Contracts.assertValid(asSent);
        Topics.send("collection-cases", buyer, json, headers);
        return eventId;
    }

    static Map<String, Object> group(String key, String outcome, String skipReason, int count,
            List<Map<String, Object>> actions) {
        Map<String, Object> g = new HashMap<>();
        g.put("stepKey", key);
        g.put("offsetDays", 30);
        g.put("outcome", outcome);
        g.put("skipReason", skipReason);
        g.put("count", count);
        g.put("actions", actions);
        g.put("messageRequestIds", List.of());
        return g;
    }

    static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> m = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    static long recorded(String tenant) {
        return Database.count("select count(*) from collection_record where tenant_id = ?", tenant);
    }

    static String openClaim(String tenant, String buyer) {
        String cm = token(tenant, "credit-manager");
        String policyId = given().auth().oauth2(cm).contentType(ContentType.JSON).body(policy("P-" + UUID.randomUUID()))
                .post(POLICIES).then().statusCode(201).extract().path("id");
        return given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("policyId", policyId, "buyerId", buyer, "buyerName", "Zhejiang Trading", "cause",
                        "PROTRACTED_DEFAULT", "invoices", List.of(
                                Map.of("invoiceNumber", "INV-1", "invoiceId", INV1, "unpaidAmount", money("30000.00", "CNY")),
                                Map.of("invoiceNumber", "INV-2", "invoiceId", INV2, "unpaidAmount", money("20000.00", "CNY")))))
                .post(CLAIMS).then().statusCode(201).extract().path("id");
    }

    @Test
    void theDossierListsTheInvoicesTheBuyersRecordUpToTheClaimsDayAndTheAgencysReports() {
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        Map<String, Object> ofCase = Map.of("caseId", caseId, "buyerId", buyer);
        String claimId = openClaim(tenant, buyer);

        // a run announced as step-taken v1 (each invoice's step listed), as still on the topic from before v2
        send(tenant, buyer, "step-taken", run(buyer, today().minusDays(60), List.of(
                step(INV1, "INV-1", "demand-30", "TAKEN", null, List.of(action("MESSAGE", "EMAIL", "LETTER"))),
                step(INV2, "INV-2", "demand-30", "TAKEN", null, List.of(action("MESSAGE", "EMAIL", "LETTER"))),
                step(INV2, "INV-2", "reminder-7", "SUPERSEDED", null, List.of(action("MESSAGE", "SMS"))))));
        // a run that only skipped (a promise held the buyer) is no part of the record
        String skipped = send(tenant, buyer, "step-taken", run(buyer, today().minusDays(35), List.of(
                step(INV1, "INV-1", "demand-60", "SKIPPED", "BUYER_ON_HOLD", List.of(action("MESSAGE", "LETTER"))))));
        String opened = send(tenant, caseId, "case-opened", with(ofCase, "openedOn", today().minusDays(50).toString(),
                "openedBy", "dunning-run"));
        send(tenant, caseId, "promise-made", with(ofCase, "promiseId", UUID.randomUUID().toString(),
                "amount", money("10000.00", "CNY"), "madeOn", today().minusDays(45).toString(),
                "promisedDate", today().minusDays(40).toString(), "deadline", today().minusDays(37).toString(),
                "madeBy", "collector-li"));
        send(tenant, caseId, "promise-broken", with(ofCase, "promiseId", UUID.randomUUID().toString(),
                "amount", money("10000.00", "CNY"), "paid", money("2000.00", "CNY"), "shortfall", money("8000.00", "CNY"),
                "madeOn", today().minusDays(45).toString(), "promisedDate", today().minusDays(40).toString(),
                "deadline", today().minusDays(37).toString(), "judgedOn", today().minusDays(36).toString()));
        send(tenant, caseId, "handed-to-agency", with(ofCase, "placementId", UUID.randomUUID().toString(),
                "agencyCode", "huaxin", "handedOn", today().minusDays(20).toString(), "by", "dunning-run",
                "stepKey", "agency-45"));
        Map<String, Object> report = with(ofCase, "placementId", UUID.randomUUID().toString(),
                "agencyCode", "huaxin", "kind", "CONTACT_MADE", "reportedOn", today().minusDays(10).toString(),
                "amount", null, "promisedFor", null, "note", "the buyer's CFO admits the debt", "via", "topic",
                "caseState", "WITH_AGENCY", "placementEnded", false);
        send(tenant, caseId, "agency-update-received", report);
        // after the claim's day: the recovery's, not the claim's
        send(tenant, caseId, "case-closed", with(ofCase, "closeReason", "CLAIMED", "openedOn",
                today().minusDays(50).toString(), "closedOn", today().plusDays(1).toString(), "closedBy", "invoice-service"));
        // the same buyer id at another tenant, and a redelivery of the case's opening
        send(freshTenant(), caseId, "case-opened", with(ofCase, "openedOn", today().minusDays(49).toString(),
                "openedBy", "collector-wang"));
        Topics.sendEvent("collection-cases", tenant, "collections", "case-opened", caseId, opened, with(ofCase,
                "openedOn", today().minusDays(50).toString(), "openedBy", "dunning-run"));

        await("the record", () -> recorded(tenant) == 7 && Database.count(
                "select count(*) from inbox where event_id = ?", skipped) == 1);
        given().auth().oauth2(token(tenant, "viewer")).get(CLAIMS + "/" + claimId + "/dossier").then().statusCode(200)
                .body("claimId", equalTo(claimId), "buyerId", equalTo(buyer), "upTo", equalTo(today().toString()),
                        "invoices.invoiceNumber", contains("INV-1", "INV-2"),
                        "invoices.unpaidAmount.amount", contains("30000.00", "20000.00"), "unpaid.amount", equalTo("50000.00"),
                        "collectionRecord.kind", contains("STEPS_TAKEN", "CASE_OPENED", "PROMISE_MADE", "PROMISE_BROKEN",
                                "HANDED_TO_AGENCY"),
                        "collectionRecord[0].on", equalTo(today().minusDays(60).toString()),
                        "collectionRecord[0].summary", equalTo("demand-30 (message by EMAIL, LETTER): INV-1, INV-2"),
                        "collectionRecord[0].invoiceIds", contains(INV1, INV2),
                        "collectionRecord[0].steps", contains("demand-30"),
                        "collectionRecord[0].channels", contains("EMAIL", "LETTER"),
                        "collectionRecord[1].caseId", equalTo(caseId),
                        "collectionRecord[3].summary", equalTo("promise of 10000.00 CNY by " + today().minusDays(40)
                                + " broken: paid 2000.00 CNY, short 8000.00 CNY"),
                        "collectionRecord[4].agencyCode", equalTo("huaxin"),
                        "agencyReports", hasSize(1), "agencyReports[0].kind", equalTo("AGENCY_REPORT"),
                        "agencyReports[0].agencyCode", equalTo("huaxin"),
                        "agencyReports[0].summary", equalTo("CONTACT_MADE: the buyer's CFO admits the debt (case WITH_AGENCY)"),
                        "documents", hasSize(0));
        given().auth().oauth2(token(freshTenant(), "viewer")).get(CLAIMS + "/" + claimId + "/dossier").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aCountedRunIsOneEntryNamingItsStepsAndHowManyItemsTheyConcerned() {
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String claimId = openClaim(tenant, buyer);
        sendCounted(tenant, buyer, today().minusDays(30), List.of(
                group("demand-30", "TAKEN", null, 2, List.of(action("MESSAGE", "EMAIL", "LETTER"))),
                group("reminder-7", "SUPERSEDED", null, 2, List.of(action("MESSAGE", "SMS"))),
                group("legal-60", "TAKEN", null, 1, List.of(action("LEGAL_PREPARATION")))));
        // a counted run that only skipped adds nothing
        String skipped = sendCounted(tenant, buyer, today().minusDays(20), List.of(
                group("demand-60", "SKIPPED", "BUYER_ON_HOLD", 3, List.of(action("MESSAGE", "LETTER")))));

        await("the record", () -> recorded(tenant) == 1 && Database.count(
                "select count(*) from inbox where event_id = ?", skipped) == 1);
        given().auth().oauth2(token(tenant, "viewer")).get(CLAIMS + "/" + claimId + "/dossier").then().statusCode(200)
                .body("collectionRecord.kind", contains("STEPS_TAKEN"),
                        "collectionRecord[0].on", equalTo(today().minusDays(30).toString()),
                        "collectionRecord[0].summary", equalTo("demand-30 (message by EMAIL, LETTER): 2 items;"
                                + " legal-60 (legal preparation): 1 item"),
                        "collectionRecord[0].invoiceIds", hasSize(0),
                        "collectionRecord[0].steps", contains("demand-30", "legal-60"),
                        "collectionRecord[0].channels", contains("EMAIL", "LETTER"));
    }

    @Test
    void aDocumentReferenceIsValidatedNamingEveryWrongFieldAndAddedOncePerKey() {
        String tenant = freshTenant();
        String claimId = openClaim(tenant, UUID.randomUUID().toString());
        String cm = token(tenant, "credit-manager");
        String docs = CLAIMS + "/" + claimId + "/documents";
        Map<String, Object> bad = Map.of("name", " ", "uri", "docs/delivery.pdf", "sha256", "abc", "kind", "PHOTO");
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(bad).post(docs).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("claim-document.invalid"), "errors.field", containsInAnyOrder("name", "uri", "sha256",
                        "kind"));
        assertEquals(0, Database.count("select count(*) from claim_document where claim_id = ?::uuid", claimId));

        String hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        Map<String, Object> note = Map.of("name", "Delivery note DN-0817", "uri", "https://dms.example.cn/dn-0817.pdf",
                "sha256", hash, "kind", "DELIVERY_PROOF");
        String key = UUID.randomUUID().toString();
        String id = given().auth().oauth2(token(tenant, "finance")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(note).post(docs).then().statusCode(201)
                .body("name", equalTo("Delivery note DN-0817"), "kind", equalTo("DELIVERY_PROOF"), "sha256", equalTo(hash),
                        "addedBy", equalTo("tester"))
                .extract().path("id");
        given().auth().oauth2(cm).header("Idempotency-Key", key).contentType(ContentType.JSON).body(note).post(docs).then()
                .statusCode(201).body("id", equalTo(id));
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("name", "Court ruling", "uri",
                "s3://tenant-docs/ruling-2026-118.pdf", "kind", "COURT_DOCUMENT")).post(docs).then().statusCode(201);
        given().auth().oauth2(token(tenant, "viewer")).get(CLAIMS + "/" + claimId + "/dossier").then().statusCode(200)
                .body("documents.name", contains("Delivery note DN-0817", "Court ruling"),
                        "documents.uri", contains("https://dms.example.cn/dn-0817.pdf", "s3://tenant-docs/ruling-2026-118.pdf"),
                        "collectionRecord", hasSize(0));

        given().auth().oauth2(token(tenant, "viewer")).contentType(ContentType.JSON).body(note).post(docs).then()
                .statusCode(403);
        given().auth().oauth2(token(freshTenant(), "credit-manager")).contentType(ContentType.JSON).body(note).post(docs)
                .then().statusCode(404);
        assertEquals(2, Database.count("select count(*) from claim_document where claim_id = ?::uuid", claimId));
    }

    @Test
    void anUnreadableStepTakenGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String tenant = freshTenant();
        String buyer = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Topics.send("collection-cases", buyer, "{\"buyerId\":\"" + buyer + "\"}", Topics.cloudEventHeaders(tenant,
                "/tradecredit/collections-service", "io.tradecredit.collections.step-taken.v1", buyer, eventId));
        send(tenant, buyer, "step-taken", run(buyer, today(), List.of(
                step(INV1, "INV-1", "legal-60", "TAKEN", null, List.of(action("LEGAL_PREPARATION"))))));
        await("the good event after the poison one", () -> recorded(tenant) == 1);
        Topics.awaitParked("collection-cases.dlq.insurance-claims-service", eventId, Duration.ofSeconds(20)); // the poison event
    }
}
