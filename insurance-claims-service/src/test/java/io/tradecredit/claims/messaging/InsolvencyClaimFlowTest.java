package io.tradecredit.claims.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.claims.ClaimsFixtures.POLICIES;
import static io.tradecredit.claims.ClaimsFixtures.freshTenant;
import static io.tradecredit.claims.ClaimsFixtures.money;
import static io.tradecredit.claims.ClaimsFixtures.policy;
import static io.tradecredit.claims.ClaimsFixtures.today;
import static io.tradecredit.claims.ClaimsFixtures.token;
import static io.tradecredit.claims.messaging.ExposureFlowTest.await;
import static io.tradecredit.claims.messaging.ExposureFlowTest.issued;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * credit-service's buyer-blocked on the real {@code credit-events} topic, as credit-service writes it
 * (payload valid against its schema): an insolvency opens a draft claim at once of the buyer's unpaid invoices
 * delivered under cover, once however often the signal arrives; without insured exposure nothing.
 */
@QuarkusTest
class InsolvencyClaimFlowTest {
    static final String CLAIMS = "/api/v1/insurance/claims";
    static final String OPENED = "io.tradecredit.claims.claim-opened.v1";

    record Insured(String tenant, String policyId, String buyer) {
    }

    /** A policy with an 80,000 limit on a new buyer from 1 March, and the buyer's invoices in the read model. */
    static Insured insured(boolean withLimit) {
        String tenant = freshTenant();
        String cm = token(tenant, "credit-manager");
        String policyId = given().auth().oauth2(cm).contentType(ContentType.JSON).body(policy("P-" + UUID.randomUUID()))
                .post(POLICIES).then().statusCode(201).extract().path("id");
        String buyer = UUID.randomUUID().toString();
        if (withLimit) {
            given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("decisionId", "D-1", "buyerId", buyer,
                    "outcome", "APPROVED", "amount", money("80000.00", "CNY"), "effectiveFrom", "2026-03-01"))
                    .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);
        }
        invoice(tenant, buyer, "INV-0", LocalDate.of(2026, 2, 20), "10000.00");
        invoice(tenant, buyer, "INV-1", LocalDate.of(2026, 3, 5), "50000.00");
        invoice(tenant, buyer, "INV-2", LocalDate.of(2026, 4, 1), "40000.00");
        await("the read model", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and buyer_id = ?::uuid", tenant, buyer) == 3);
        return new Insured(tenant, policyId, buyer);
    }

    static void invoice(String tenant, String buyer, String number, LocalDate issued, String amount) {
        Topics.sendEvent("invoice-events", tenant, "invoice", "issued", buyer, UUID.randomUUID().toString(),
                issued(buyer, UUID.randomUUID().toString(), number, issued, amount));
    }

    /** credit-service's buyer-blocked as {@code CreditEvents.blocked} writes it (sendEvent checks it against the schema). */
    static Map<String, Object> blocked(String buyer, String cause, String signalId) {
        Map<String, Object> m = new HashMap<>();
        m.put("buyerId", buyer);
        m.put("buyerName", "Zhejiang Trading");
        m.put("reason", "insolvency filing reported by Hangzhou Intermediate Court on 2026-11-20");
        m.put("cause", cause);
        m.put("signalId", signalId);
        m.put("blockedAt", "2026-11-20T09:00:00Z");
        return m;
    }

    static void block(Insured s, String eventId, Map<String, Object> body) {
        Topics.sendEvent("credit-events", s.tenant(), "credit", "buyer-blocked", s.buyer(), eventId, body);
    }

    /** Events of one buyer share a partition: once this last one is in the inbox, the earlier ones were read. */
    static void awaitRead(Insured s) {
        String marker = UUID.randomUUID().toString();
        block(s, marker, Map.of("buyerId", s.buyer(), "buyerName", "Zhejiang Trading", "reason", "by hand",
                "blockedAt", "2026-11-20T09:00:00Z"));
        await("the marker", () -> Database.count("select count(*) from inbox where event_id = ?", marker) == 1);
    }

    static List<JsonNode> opened(String buyer, Duration wait, int atLeast) {
        List<ConsumerRecord<String, String>> read = Topics.read("claim-events", wait, records -> records.stream()
                .filter(r -> OPENED.equals(Topics.header(r, "ce_type")) && r.value().contains(buyer)).count() >= atLeast);
        return read.stream().filter(r -> OPENED.equals(Topics.header(r, "ce_type"))).map(Contracts::assertValid)
                .filter(p -> buyer.equals(p.get("buyerId").asText())).toList();
    }

    @Test
    void anInsolvencyOpensOneDraftClaimAtOnceOfTheInvoicesDeliveredUnderCover() {
        Insured s = insured(true);
        String signal = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        block(s, eventId, blocked(s.buyer(), "INSOLVENCY", signal));
        block(s, eventId, blocked(s.buyer(), "INSOLVENCY", signal));
        block(s, UUID.randomUUID().toString(), blocked(s.buyer(), "INSOLVENCY", signal));
        awaitRead(s);

        // INV-0 was issued before cover; INV-1 50,000 and INV-2 40,000 were delivered under cover, claimed whole (the
        // 80,000 limit caps the loss at approval, not the invoices)
        String viewer = token(s.tenant(), "viewer");
        String id = given().auth().oauth2(viewer).get(CLAIMS + "?state=DRAFT").then().statusCode(200)
                .body("total", equalTo(1), "items[0].buyerId", equalTo(s.buyer()), "items[0].cause", equalTo("INSOLVENCY"))
                .extract().path("items[0].id");
        given().auth().oauth2(viewer).get(CLAIMS + "/" + id).then().statusCode(200)
                .body("state", equalTo("DRAFT"), "policyId", equalTo(s.policyId()),
                        "invoices.invoiceNumber", contains("INV-1", "INV-2"),
                        "invoices.unpaidAmount.amount", contains("50000.00", "40000.00"), "unpaid.amount", equalTo("90000.00"),
                        "log.to", contains("DRAFT"), "log.by", contains("insurance-claims-service"));

        List<JsonNode> events = opened(s.buyer(), Duration.ofSeconds(20), 1);
        assertEquals(1, events.size(), "one claim-opened for the signal");
        JsonNode e = events.get(0);
        assertEquals("INSOLVENCY", e.get("trigger").asText());
        assertEquals(signal, e.get("signalId").asText());
        assertEquals(id, e.get("claimId").asText());
        assertEquals("90000.00", e.get("unpaidAmount").get("amount").asText());
        assertEquals(today().toString(), e.get("openedOn").asText());
        assertEquals(1, Database.count("select count(*) from claim where tenant_id = ?", s.tenant()));
    }

    /**
     * The claim on the buyer's insolvency tells the insurer of it: from its day new deliveries are at the tenant's own
     * risk (DOMAIN §4). Before, the exposure showed the 80,000 limit and no stop, and credit-service's check insured a
     * new order of 10,000 "within the limit".
     */
    @Test
    void anInsolvencyClaimStartsStopDeliveriesFromItsDay() {
        Insured s = insured(true);
        block(s, UUID.randomUUID().toString(), blocked(s.buyer(), "INSOLVENCY", UUID.randomUUID().toString()));
        awaitRead(s);
        String viewer = token(s.tenant(), "viewer");
        String id = given().auth().oauth2(viewer).get(CLAIMS + "?state=DRAFT").then().statusCode(200)
                .extract().path("items[0].id");
        invoice(s.tenant(), s.buyer(), "INV-3", today(), "10000.00");
        await("the read model", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and buyer_id = ?::uuid", s.tenant(), s.buyer()) == 4);

        given().auth().oauth2(viewer).get(POLICIES + "/" + s.policyId() + "/buyers/" + s.buyer() + "/exposure")
                .then().statusCode(200).body("stopDeliveriesFrom", equalTo(today().toString()),
                        "invoices.find { it.invoiceNumber == 'INV-3' }.afterStopDeliveries", equalTo(true),
                        "invoices.find { it.invoiceNumber == 'INV-3' }.insured.amount", equalTo("0.00"));
        String type = "io.tradecredit.claims.stop-deliveries-started.v1";
        JsonNode stop = Topics.read("claim-events", Duration.ofSeconds(20), records -> records.stream()
                .anyMatch(r -> type.equals(Topics.header(r, "ce_type")) && s.buyer().equals(r.key())))
                .stream().filter(r -> type.equals(Topics.header(r, "ce_type")) && s.buyer().equals(r.key()))
                .map(Contracts::assertValid).findFirst().orElseThrow();
        assertEquals(today().toString(), stop.get("from").asText());
        assertEquals("INSOLVENCY", stop.get("cause").asText());
        assertEquals(id, stop.get("notificationId").asText(), "the claim that started it");
        assertEquals(s.policyId(), stop.get("policyId").asText());
    }

    /**
     * The service's own draft (from the ladder's claim trigger) is replaced: withdrawn with the reason and announced
     * (collections ends its holds), its invoices claimed anew with the insolvency's cause; an invoice a claim opened
     * by hand holds is left out, never claimed twice. Before, a second claim of the same invoices was opened. A claim by
     * hand of an invoice the draft holds is refused (409 claim.invoice-held).
     */
    @Test
    void anInsolvencyReplacesTheServicesOwnDraftAndLeavesOutWhatAClaimByHandHolds() {
        Insured s = insured(true);
        LadderClaimFlowTest.awaitRead(DossierFlowTest.sendCounted(s.tenant(), s.buyer(), today(),
                LadderClaimFlowTest.paymentOrder("TAKEN", null)));
        String viewer = token(s.tenant(), "viewer");
        String ladderDraft = given().auth().oauth2(viewer).get(CLAIMS + "?state=DRAFT").then().statusCode(200)
                .body("total", equalTo(1), "items[0].invoices.invoiceNumber", contains("INV-1", "INV-2"))
                .extract().path("items[0].id");
        // the credit manager cannot claim INV-2 by hand while the ladder's draft holds it (both would be indemnified)
        given().auth().oauth2(token(s.tenant(), "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("policyId", s.policyId(), "buyerId", s.buyer(), "buyerName", "Zhejiang Trading",
                        "cause", "PROTRACTED_DEFAULT", "invoices", List.of(Map.of("invoiceNumber", "INV-2",
                                "unpaidAmount", money("30000.00", "CNY")))))
                .post(CLAIMS).then().statusCode(409).body("code", equalTo("claim.invoice-held"));
        // INV-3, delivered today under cover and not yet due (so not in the ladder's draft), is claimed by hand
        invoice(s.tenant(), s.buyer(), "INV-3", today(), "20000.00");
        await("INV-3 read", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and buyer_id = ?::uuid", s.tenant(), s.buyer()) == 4);
        String byHand = given().auth().oauth2(token(s.tenant(), "credit-manager")).contentType(ContentType.JSON)
                .body(Map.of("policyId", s.policyId(), "buyerId", s.buyer(), "buyerName", "Zhejiang Trading",
                        "cause", "PROTRACTED_DEFAULT", "invoices", List.of(Map.of("invoiceNumber", "INV-3",
                                "unpaidAmount", money("20000.00", "CNY")))))
                .post(CLAIMS).then().statusCode(201).extract().path("id");

        String signal = UUID.randomUUID().toString();
        block(s, UUID.randomUUID().toString(), blocked(s.buyer(), "INSOLVENCY", signal));
        block(s, UUID.randomUUID().toString(), blocked(s.buyer(), "INSOLVENCY", signal));
        awaitRead(s);

        given().auth().oauth2(viewer).get(CLAIMS + "/" + ladderDraft).then().statusCode(200)
                .body("state", equalTo("WITHDRAWN"), "log.to", contains("DRAFT", "WITHDRAWN"),
                        "log[1].by", equalTo("insurance-claims-service"),
                        "log[1].note", equalTo("replaced by the claim on the buyer's insolvency (signal " + signal + ")"));
        String withdrawnType = "io.tradecredit.claims.claim-withdrawn.v1";
        List<JsonNode> withdrawn = Topics.read("claim-events", Duration.ofSeconds(20), records -> records.stream()
                .anyMatch(r -> withdrawnType.equals(Topics.header(r, "ce_type")) && r.value().contains(ladderDraft)))
                .stream().filter(r -> withdrawnType.equals(Topics.header(r, "ce_type")) && r.value().contains(ladderDraft))
                .map(Contracts::assertValid).toList();
        assertEquals(1, withdrawn.size(), "one claim-withdrawn for the replaced draft");
        given().auth().oauth2(viewer).get(CLAIMS + "/" + byHand).then().statusCode(200).body("state", equalTo("DRAFT"));
        String insolvency = given().auth().oauth2(viewer).get(CLAIMS + "?state=DRAFT").then().statusCode(200)
                .body("total", equalTo(2)).extract().path("items.find { it.cause == 'INSOLVENCY' }.id");
        given().auth().oauth2(viewer).get(CLAIMS + "/" + insolvency).then().statusCode(200)
                .body("invoices.invoiceNumber", contains("INV-1", "INV-2"),
                        "invoices.unpaidAmount.amount", contains("50000.00", "40000.00"));
        assertEquals(3, Database.count("select count(*) from claim where tenant_id = ?", s.tenant()),
                "the ladder's draft, the claim by hand and one insolvency claim for the signal sent twice");
    }

    /**
     * DOMAIN §4's worked example through an insolvency claim: limit 80,000, INV-1 60,000 and INV-2 40,000 unpaid, both
     * delivered under cover, no deductible, 90 %. The claim carries the 100,000 unpaid; the limit caps the insured
     * loss at 80,000: indemnity 72,000, the tenant bears 28,000 (what invoice-service writes off of the claimed
     * 100,000 after the insurer's 72,000); a recovery of 10,000 gives 7,200 to the insurer and 2,800 to the tenant.
     * The claim carried 80,000 (each invoice cut to the limit): 8,000 borne, and 9,000 / 1,000 of the recovery.
     */
    @Test
    void theWorkedExampleThroughAnInsolvencyClaimAndARecovery() {
        String tenant = freshTenant();
        String cm = token(tenant, "credit-manager");
        String policyId = given().auth().oauth2(cm).contentType(ContentType.JSON).body(policy("P-" + UUID.randomUUID()))
                .post(POLICIES).then().statusCode(201).extract().path("id");
        String buyer = UUID.randomUUID().toString();
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("decisionId", "D-1", "buyerId", buyer,
                "outcome", "APPROVED", "amount", money("80000.00", "CNY"), "effectiveFrom", "2026-03-01"))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);
        invoice(tenant, buyer, "INV-1", LocalDate.of(2026, 3, 5), "60000.00");
        invoice(tenant, buyer, "INV-2", LocalDate.of(2026, 4, 1), "40000.00");
        await("the read model", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and buyer_id = ?::uuid", tenant, buyer) == 2);
        Insured s = new Insured(tenant, policyId, buyer);
        block(s, UUID.randomUUID().toString(), blocked(buyer, "INSOLVENCY", UUID.randomUUID().toString()));
        awaitRead(s);

        String id = given().auth().oauth2(cm).get(CLAIMS + "?state=DRAFT").then().statusCode(200)
                .body("total", equalTo(1), "items[0].unpaid.amount", equalTo("100000.00"),
                        "items[0].invoices.unpaidAmount.amount", contains("60000.00", "40000.00"))
                .extract().path("items[0].id");
        for (String state : List.of("SUBMITTED", "UNDER_REVIEW")) {
            given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("state", state))
                    .put(CLAIMS + "/" + id + "/state").then().statusCode(200);
        }
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("state", "APPROVED"))
                .put(CLAIMS + "/" + id + "/state").then().statusCode(200)
                .body("indemnity.unpaid.amount", equalTo("100000.00"), "indemnity.cappedLoss.amount", equalTo("80000.00"),
                        "indemnity.indemnity.amount", equalTo("72000.00"),
                        "indemnity.tenantBears.amount", equalTo("28000.00"));
        given().auth().oauth2(token(tenant, "finance")).contentType(ContentType.JSON)
                .body(Map.of("amount", money("72000.00", "CNY"))).post(CLAIMS + "/" + id + "/payments").then()
                .statusCode(200).body("state", equalTo("PAID"));
        // the ledger closes the claimed invoices (72,000 posted, 28,000 written off): a recovery by hand is outside it
        List<String> ids = given().auth().oauth2(cm).get(CLAIMS + "/" + id).then().statusCode(200).extract()
                .path("invoices.invoiceId");
        for (String invoiceId : ids) {
            Topics.sendEvent("invoice-events", tenant, "invoice", "written-off", buyer, UUID.randomUUID().toString(),
                    Map.of("invoiceId", invoiceId, "invoiceNumber", "INV", "buyerId", buyer, "amount", money("1.00", "CNY"),
                            "openAmount", money("0.00", "CNY"), "reason", "insured loss", "dueDate", "2026-06-01"));
        }
        await("the ledger closed the claimed invoices", () -> Database.count("select count(*) from open_invoice where"
                + " tenant_id = ? and buyer_id = ?::uuid and open_amount = 0", tenant, buyer) == 2);
        given().auth().oauth2(token(tenant, "finance")).contentType(ContentType.JSON)
                .body(Map.of("amount", money("10000.00", "CNY"))).post(CLAIMS + "/" + id + "/recoveries").then()
                .statusCode(200).body("toInsurer.amount", equalTo("7200.00"), "toTenant.amount", equalTo("2800.00"));
        given().auth().oauth2(cm).get(CLAIMS + "/" + id + "/dossier").then().statusCode(200)
                .body("unpaid.amount", equalTo("100000.00"), "invoices.unpaidAmount.amount", contains("60000.00", "40000.00"));

        // invoice-service posts the 72,000 on the claimed invoices and writes off the rest of them: 28,000
        String paidType = "io.tradecredit.claims.indemnity-paid.v1";
        JsonNode paid = Topics.read("claim-events", Duration.ofSeconds(20), records -> records.stream()
                .anyMatch(r -> paidType.equals(Topics.header(r, "ce_type")) && id.equals(r.key())))
                .stream().filter(r -> paidType.equals(Topics.header(r, "ce_type")) && id.equals(r.key()))
                .map(Contracts::assertValid).findFirst().orElseThrow();
        assertTrue(paid.get("fullyPaid").asBoolean());
        assertEquals(List.of("60000.00", "40000.00"), java.util.stream.StreamSupport.stream(paid.get("invoices")
                .spliterator(), false).map(i -> i.get("unpaidAmount").get("amount").asText()).toList());
    }

    @Test
    void aBuyerWithoutInsuredExposureOrABlockWithoutInsolvencyOpensNothing() {
        Insured uninsured = insured(false);
        block(uninsured, UUID.randomUUID().toString(), blocked(uninsured.buyer(), "INSOLVENCY",
                UUID.randomUUID().toString()));
        awaitRead(uninsured);
        Insured notInsolvent = insured(true);
        Map<String, Object> old = blocked(notInsolvent.buyer(), null, UUID.randomUUID().toString());
        old.remove("cause");
        block(notInsolvent, UUID.randomUUID().toString(), old);
        awaitRead(notInsolvent);

        assertEquals(0, Database.count("select count(*) from claim where tenant_id in (?, ?)", uninsured.tenant(),
                notInsolvent.tenant()));
        assertTrue(opened(uninsured.buyer(), Duration.ofSeconds(2), 1).isEmpty());
    }

    @Test
    void anUnreadableBuyerBlockedGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        Insured s = insured(true);
        String poison = UUID.randomUUID().toString();
        Topics.send("credit-events", s.buyer(), "{\"buyerName\":\"Zhejiang Trading\",\"cause\":\"INSOLVENCY\"}",
                Topics.cloudEventHeaders(s.tenant(), "/tradecredit/credit-service", "io.tradecredit.credit.buyer-blocked.v1",
                        s.buyer(), poison));
        block(s, UUID.randomUUID().toString(), blocked(s.buyer(), "INSOLVENCY", UUID.randomUUID().toString()));
        await("the good event after the poison one", () -> Database.count(
                "select count(*) from claim where tenant_id = ?", s.tenant()) == 1);
        Topics.awaitParked("credit-events.dlq.insurance-claims-service", poison, Duration.ofSeconds(20)); // the poison event
    }
}
