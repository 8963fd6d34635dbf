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
import static io.tradecredit.claims.messaging.ExposureFlowTest.payment;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * A claim's amounts follow the ledger through the real {@code invoice-events} topic (docs/insurance-claims-service.md,
 * "Payments after a claim opened"): the insured loss is what is unpaid at approval, not at opening.
 */
@QuarkusTest
class ClaimFollowsLedgerFlowTest {
    static final String CLAIMS = "/api/v1/insurance/claims";

    record Ledger(String tenant, String policyId, String buyer, String inv1, String inv2) {
    }

    /** Limit 80,000 from 1 March; INV-1 60,000 and INV-2 40,000 delivered under cover, in the read model. */
    static Ledger ledger() {
        String tenant = freshTenant();
        String cm = token(tenant, "credit-manager");
        String policyId = given().auth().oauth2(cm).contentType(ContentType.JSON).body(policy("P-" + UUID.randomUUID()))
                .post(POLICIES).then().statusCode(201).extract().path("id");
        String buyer = UUID.randomUUID().toString();
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("decisionId", "D-1", "buyerId", buyer,
                "outcome", "APPROVED", "amount", money("80000.00", "CNY"), "effectiveFrom", "2026-03-01"))
                .post(POLICIES + "/" + policyId + "/limit-decisions").then().statusCode(201);
        Ledger l = new Ledger(tenant, policyId, buyer, UUID.randomUUID().toString(), UUID.randomUUID().toString());
        send(l, "issued", UUID.randomUUID().toString(), issued(buyer, l.inv1(), "INV-1", LocalDate.of(2026, 3, 5), "60000.00"));
        send(l, "issued", UUID.randomUUID().toString(), issued(buyer, l.inv2(), "INV-2", LocalDate.of(2026, 4, 1), "40000.00"));
        await("the read model", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and buyer_id = ?::uuid", tenant, buyer) == 2);
        return l;
    }

    static void send(Ledger l, String name, String eventId, Map<String, Object> body) {
        Topics.sendEvent("invoice-events", l.tenant(), "invoice", name, l.buyer(), eventId, body);
    }

    /** Events of one buyer share a partition: once this marker is in the inbox, the events before it were read. */
    static void awaitRead(Ledger l) {
        String marker = UUID.randomUUID().toString();
        send(l, "issued", marker, issued(l.buyer(), UUID.randomUUID().toString(), "MARK-" + marker.substring(0, 8),
                LocalDate.of(2026, 1, 2), "1.00"));
        await("the marker", () -> Database.count("select count(*) from inbox where event_id = ?", marker) == 1);
    }

    static void move(Ledger l, String id, String... states) {
        for (String state : states) {
            given().auth().oauth2(token(l.tenant(), "credit-manager")).contentType(ContentType.JSON)
                    .body(Map.of("state", state)).put(CLAIMS + "/" + id + "/state").then().statusCode(200);
        }
    }

    static JsonNode event(String type, String claimId) {
        String ceType = "io.tradecredit.claims." + type + ".v1";
        return Topics.read("claim-events", Duration.ofSeconds(20), records -> records.stream()
                .anyMatch(r -> ceType.equals(Topics.header(r, "ce_type")) && claimId.equals(r.key())))
                .stream().filter(r -> ceType.equals(Topics.header(r, "ce_type")) && claimId.equals(r.key()))
                .map(Contracts::assertValid).findFirst().orElseThrow();
    }

    /**
     * DOMAIN §4's claim (INV-1 60,000, INV-2 40,000, limit 80,000, 90 %; INV-2 claimed by hand by number only). After
     * opening the buyer pays 30,000 on INV-1 (the event read twice): unpaid 70,000 at approval, capped 70,000,
     * indemnity 63,000, the tenant bears 7,000 (before: 72,000 and 28,000 on the 100,000 of the opening). Between
     * approval and the insurer's payment the buyer pays 10,000 on INV-2: kept, and once the insurer paid its 63,000
     * shared as a recovery, 9,000 to the insurer (63,000 of 70,000) and 1,000 to the tenant; the insurer's own payment
     * posted by the ledger is not the buyer's money.
     */
    @Test
    void aPaymentAfterTheClaimOpenedLowersTheIndemnityAndOneAfterApprovalIsShared() {
        Ledger l = ledger();
        String cm = token(l.tenant(), "credit-manager");
        String id = claimByHand(l, l.buyer(), "Zhejiang Trading",
                line("INV-1", l.inv1(), "60000.00"), line("INV-2", null, "40000.00"))
                .statusCode(201).body("unpaid.amount", equalTo("100000.00")).extract().path("id");
        move(l, id, "SUBMITTED");

        String paymentEvent = UUID.randomUUID().toString();
        Map<String, Object> paid = payment(l.buyer(), l.inv1(), "INV-1", "30000.00", "30000.00");
        send(l, "payment-received", paymentEvent, paid);
        send(l, "payment-received", paymentEvent, paid);
        awaitRead(l);

        given().auth().oauth2(cm).get(CLAIMS + "/" + id).then().statusCode(200)
                .body("state", equalTo("SUBMITTED"), "unpaid.amount", equalTo("70000.00"),
                        "invoices.unpaidAmount.amount", contains("30000.00", "40000.00"),
                        "log.kind", contains("MOVE", "MOVE", "AMENDED"), "log[2].amount.amount", equalTo("30000.00"),
                        "log[2].eventId", equalTo(paymentEvent), "log[2].by", equalTo("invoice-service"));
        JsonNode amended = event("claim-amended", id);
        assertEquals("60000.00", amended.get("unpaidBefore").get("amount").asText());
        assertEquals("30000.00", amended.get("unpaidAfter").get("amount").asText());
        assertEquals("70000.00", amended.get("unpaidAmount").get("amount").asText());
        assertEquals(paymentEvent, amended.get("ledgerEventId").asText());

        move(l, id, "UNDER_REVIEW");
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("state", "APPROVED"))
                .put(CLAIMS + "/" + id + "/state").then().statusCode(200)
                .body("indemnity.unpaid.amount", equalTo("70000.00"), "indemnity.cappedLoss.amount", equalTo("70000.00"),
                        "indemnity.indemnity.amount", equalTo("63000.00"), "indemnity.tenantBears.amount", equalTo("7000.00"));
        JsonNode approved = event("claim-approved", id);
        assertEquals("70000.00", approved.get("unpaidAmount").get("amount").asText());
        assertEquals("63000.00", approved.get("indemnity").get("amount").asText());
        assertEquals("7000.00", approved.get("tenantBears").get("amount").asText());

        // after approval: the buyer pays 10,000 on INV-2 (claimed by number); the ledger posts an insurer's payment too
        String afterApproval = UUID.randomUUID().toString();
        send(l, "payment-received", afterApproval, payment(l.buyer(), l.inv2(), "INV-2", "10000.00", "30000.00"));
        Map<String, Object> insurers = payment(l.buyer(), l.inv1(), "INV-1", "5000.00", "25000.00");
        insurers.put("payer", Map.of("kind", "INSURER", "name", "China Export & Credit Insurance"));
        send(l, "payment-received", UUID.randomUUID().toString(), insurers);
        awaitRead(l);
        given().auth().oauth2(cm).get(CLAIMS + "/" + id).then().statusCode(200)
                .body("state", equalTo("APPROVED"), "receivedToShare.amount", equalTo("10000.00"),
                        "indemnity.indemnity.amount", equalTo("63000.00"), "unpaid.amount", equalTo("70000.00"),
                        "log.kind", contains("MOVE", "MOVE", "AMENDED", "MOVE", "MOVE", "RECEIVED"),
                        "log[5].eventId", equalTo(afterApproval));

        given().auth().oauth2(token(l.tenant(), "finance")).contentType(ContentType.JSON)
                .body(Map.of("amount", money("63000.00", "CNY"))).post(CLAIMS + "/" + id + "/payments").then()
                .statusCode(200).body("state", equalTo("PAID"), "recovered.amount", equalTo("10000.00"),
                        "recoveredToInsurer.amount", equalTo("9000.00"), "receivedToShare.amount", equalTo("0.00"));
        JsonNode indemnity = event("indemnity-paid", id);
        assertEquals("63000.00", indemnity.get("amount").get("amount").asText());
        assertTrue(indemnity.get("fullyPaid").asBoolean());
        JsonNode shared = event("recovery-shared", id);
        assertEquals("10000.00", shared.get("amount").get("amount").asText());
        assertEquals("9000.00", shared.get("toInsurer").get("amount").asText());
        assertEquals("1000.00", shared.get("toTenant").get("amount").asText());
    }

    /**
     * The buyer paid 30,000 of INV-1 before the tenant claimed by hand: 60,000 + 40,000 was opened and approved at
     * 72,000 (the tenant bearing 28,000), where the claim opened a day earlier follows the payment to 63,000 and 7,000.
     * Now 400 naming invoices[0].unpaidAmount, nothing opened; 30,000 + 40,000 is approved at 63,000.
     */
    @Test
    void aClaimByHandAsksForNoMoreThanTheLedgerHasOpen() {
        Ledger l = ledger();
        String cm = token(l.tenant(), "credit-manager");
        send(l, "payment-received", UUID.randomUUID().toString(), payment(l.buyer(), l.inv1(), "INV-1", "30000.00",
                "30000.00"));
        awaitRead(l);
        claimByHand(l, l.buyer(), "Zhejiang Trading",
                line("INV-1", l.inv1(), "60000.00"), line("INV-2", null, "40000.00"))
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("claim.invalid"), "errors.field", contains("invoices[0].unpaidAmount"),
                        "errors[0].message", org.hamcrest.Matchers.containsString("30000.00 CNY open of INV-1"));
        given().auth().oauth2(cm).get(CLAIMS).then().statusCode(200).body("total", equalTo(0));
        String id = claimByHand(l, l.buyer(), "Zhejiang Trading",
                line("INV-1", l.inv1(), "30000.00"), line("INV-2", null, "40000.00"))
                .statusCode(201).body("unpaid.amount", equalTo("70000.00")).extract().path("id");
        move(l, id, "SUBMITTED", "UNDER_REVIEW");
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("state", "APPROVED"))
                .put(CLAIMS + "/" + id + "/state").then().statusCode(200)
                .body("indemnity.indemnity.amount", equalTo("63000.00"), "indemnity.tenantBears.amount", equalTo("7000.00"));
    }

    /**
     * INV-2's id claimed by hand as "INV-1": the dossier showed INV-1 for INV-2, and the tenant-wide check by number took
     * the buyer's real INV-1 as held (409 for the claim naming it right). Now 400 naming invoices[0].invoiceNumber,
     * nothing opened; INV-1 (number only) and INV-2 by id are claimed.
     */
    @Test
    void aClaimByHandNamesAnInvoiceByTheNumberTheLedgerKnowsItUnder() {
        Ledger l = ledger();
        String cm = token(l.tenant(), "credit-manager");
        claimByHand(l, l.buyer(), "Zhejiang Trading", line("INV-1", l.inv2(), "40000.00"))
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("claim.invalid"), "errors.field", contains("invoices[0].invoiceNumber"),
                        "errors[0].message", org.hamcrest.Matchers.containsString("the ledger knows it as INV-2"));
        given().auth().oauth2(cm).get(CLAIMS).then().statusCode(200).body("total", equalTo(0));
        claimByHand(l, l.buyer(), "Zhejiang Trading",
                line("INV-1", null, "60000.00"), line("INV-2", l.inv2(), "40000.00"))
                .statusCode(201).body("unpaid.amount", equalTo("100000.00"),
                        "invoices.invoiceNumber", contains("INV-1", "INV-2"));
    }

    /**
     * Buyer A's claim by hand naming by id buyer B's INV-B1 30,000 (as "INV-3"; B of the same tenant) was opened, and
     * since a claim follows the ledger by invoice id B's payments changed A's claim. Now 400 naming invoices[0].invoiceId,
     * nothing opened; A's own INV-2 by id is claimed.
     */
    @Test
    void aClaimByHandNamesNoInvoiceOfAnotherBuyerById() {
        Ledger l = ledger();
        String cm = token(l.tenant(), "credit-manager");
        OtherBuyer b = otherBuyersInvB1(l);
        String invB1 = b.invoice();
        claimByHand(l, l.buyer(), "Zhejiang Trading",
                line("INV-3", invB1, "30000.00"), line("INV-2", l.inv2(), "40000.00"))
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("claim.invalid"), "errors.field", contains("invoices[0].invoiceId"));
        given().auth().oauth2(cm).get(CLAIMS).then().statusCode(200).body("total", equalTo(0));
        claimByHand(l, l.buyer(), "Zhejiang Trading", line("INV-2", l.inv2(), "40000.00"))
                .statusCode(201).body("unpaid.amount", equalTo("40000.00"));
    }

    /**
     * Buyer A's claim by hand naming buyer B's INV-B1 30,000 by number only (B of the same tenant; numbers are unique per
     * tenant) was opened as an invoice the ledger does not know, and B's own claim of INV-B1 was then 409, held by A's.
     * Now 400 naming invoices[0].invoiceNumber, nothing opened; B's claim of INV-B1 and A's of INV-2 are opened.
     */
    @Test
    void aClaimByHandNamesNoInvoiceOfAnotherBuyerByNumber() {
        Ledger l = ledger();
        String cm = token(l.tenant(), "credit-manager");
        String buyerB = otherBuyersInvB1(l).buyer();
        claimByHand(l, l.buyer(), "Zhejiang Trading",
                line("INV-B1", null, "30000.00"), line("INV-2", l.inv2(), "40000.00"))
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("claim.invalid"), "errors.field", contains("invoices[0].invoiceNumber"));
        given().auth().oauth2(cm).get(CLAIMS).then().statusCode(200).body("total", equalTo(0));
        claimByHand(l, buyerB, "Ningbo Imports", line("INV-B1", null, "30000.00"))
                .statusCode(201).body("unpaid.amount", equalTo("30000.00"));
        claimByHand(l, l.buyer(), "Zhejiang Trading", line("INV-2", l.inv2(), "40000.00"))
                .statusCode(201).body("unpaid.amount", equalTo("40000.00"));
    }

    /**
     * invoice-service issues buyer B's INV-B1 30,000 under its number stripped of blanks. Buyer A's claim by hand of
     * " INV-B1 " (no id) was kept as sent, compared exactly with the ledger's "INV-B1", and opened (201) as an invoice
     * the ledger does not know. Now the number is kept stripped: 400 naming invoices[0].invoiceNumber, nothing opened;
     * B's claim of "INV-B1 " is opened as INV-B1, and B's second claim of "\tINV-B1" is 409, INV-B1 being held.
     */
    @Test
    void aClaimByHandNamesNoInvoiceOfAnotherBuyerByANumberWithBlanks() {
        Ledger l = ledger();
        String cm = token(l.tenant(), "credit-manager");
        String buyerB = otherBuyersInvB1(l).buyer();
        claimByHand(l, l.buyer(), "Zhejiang Trading",
                line(" INV-B1 ", null, "30000.00"), line("INV-2", l.inv2(), "40000.00"))
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("claim.invalid"), "errors.field", contains("invoices[0].invoiceNumber"));
        given().auth().oauth2(cm).get(CLAIMS).then().statusCode(200).body("total", equalTo(0));
        claimByHand(l, buyerB, "Ningbo Imports", line("INV-B1 ", null, "30000.00"))
                .statusCode(201).body("unpaid.amount", equalTo("30000.00"),
                        "invoices.invoiceNumber", contains("INV-B1"));
        claimByHand(l, buyerB, "Ningbo Imports", line("\tINV-B1", null, "30000.00"))
                .statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("claim.invoice-held"), "errors.field", contains("invoices[0]"));
    }

    /**
     * The buyer paid 30,000 of INV-1; INV-1 claimed by hand at 60,000 under an id the ledger does not know was opened as
     * given (100,000 with INV-2, approved at 72,000 instead of 63,000, and following none of INV-1's payments). A line
     * is the invoice of its id: now 400 naming invoices[0].invoiceNumber, nothing opened; INV-1 under its own id at
     * 30,000 and INV-2 are claimed, 70,000.
     */
    @Test
    void aClaimByHandNamesNoNumberTheLedgerKnowsUnderAnotherId() {
        Ledger l = ledger();
        String cm = token(l.tenant(), "credit-manager");
        send(l, "payment-received", UUID.randomUUID().toString(), payment(l.buyer(), l.inv1(), "INV-1", "30000.00",
                "30000.00"));
        awaitRead(l);
        claimByHand(l, l.buyer(), "Zhejiang Trading",
                line("INV-1", UUID.randomUUID().toString(), "60000.00"), line("INV-2", l.inv2(), "40000.00"))
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("claim.invalid"), "errors.field", contains("invoices[0].invoiceNumber"),
                        "errors[0].message", org.hamcrest.Matchers.containsString("is the number of invoice " + l.inv1()));
        given().auth().oauth2(cm).get(CLAIMS).then().statusCode(200).body("total", equalTo(0));
        claimByHand(l, l.buyer(), "Zhejiang Trading",
                line("INV-1", l.inv1(), "30000.00"), line("INV-2", l.inv2(), "40000.00"))
                .statusCode(201).body("unpaid.amount", equalTo("70000.00"));
    }

    /** A claim by hand of {@code buyer}'s {@code lines} for insolvency, under the ledger's policy, by its credit manager. */
    @SafeVarargs
    static io.restassured.response.ValidatableResponse claimByHand(Ledger l, String buyer, String buyerName,
            Map<String, Object>... lines) {
        return given().auth().oauth2(token(l.tenant(), "credit-manager")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("policyId", l.policyId(), "buyerId", buyer, "buyerName", buyerName,
                        "cause", "INSOLVENCY", "invoices", List.of(lines)))
                .post(CLAIMS).then();
    }

    /** A claim's line: the invoice's number, its id (left out when null) and what is unpaid of it in CNY. */
    static Map<String, Object> line(String number, String invoiceId, String unpaid) {
        return invoiceId == null ? Map.of("invoiceNumber", number, "unpaidAmount", money(unpaid, "CNY"))
                : Map.of("invoiceNumber", number, "invoiceId", invoiceId, "unpaidAmount", money(unpaid, "CNY"));
    }

    record OtherBuyer(String buyer, String invoice) {
    }

    /** Buyer B of the ledger's tenant, issued INV-B1 30,000, once the service has read it. */
    static OtherBuyer otherBuyersInvB1(Ledger l) {
        String buyerB = UUID.randomUUID().toString();
        String invB1 = UUID.randomUUID().toString();
        Topics.sendEvent("invoice-events", l.tenant(), "invoice", "issued", buyerB, UUID.randomUUID().toString(),
                issued(buyerB, invB1, "INV-B1", LocalDate.of(2026, 4, 2), "30000.00"));
        await("B's invoice", () -> Database.count("select count(*) from open_invoice where tenant_id = ?"
                + " and invoice_id = ?::uuid", l.tenant(), invB1) == 1);
        return new OtherBuyer(buyerB, invB1);
    }

    /** DOMAIN §4's claim of INV-1 60,000 and INV-2 40,000 by id, approved at 72,000 and paid by the insurer. */
    static String paidClaim(Ledger l) {
        return paidClaim(l, "60000.00", "40000.00");
    }

    /** The claim of INV-1 and INV-2 for what is unpaid on them, approved at 72,000 and paid by the insurer. */
    static String paidClaim(Ledger l, String unpaid1, String unpaid2) {
        String id = claimByHand(l, l.buyer(), "Zhejiang Trading", line("INV-1", l.inv1(), unpaid1),
                line("INV-2", l.inv2(), unpaid2)).statusCode(201).extract().path("id");
        move(l, id, "SUBMITTED", "UNDER_REVIEW", "APPROVED");
        given().auth().oauth2(token(l.tenant(), "finance")).contentType(ContentType.JSON)
                .body(Map.of("amount", money("72000.00", "CNY"))).post(CLAIMS + "/" + id + "/payments").then()
                .statusCode(200).body("state", equalTo("PAID"));
        return id;
    }

    static io.restassured.response.ValidatableResponse recoverByHand(Ledger l, String id, String amount) {
        return given().auth().oauth2(token(l.tenant(), "finance")).contentType(ContentType.JSON)
                .body(Map.of("amount", money(amount, "CNY"))).post(CLAIMS + "/" + id + "/recoveries").then();
    }

    static Map<String, Object> writtenOff(Ledger l, String invoiceId, String number, String amount) {
        return Map.of("invoiceId", invoiceId, "invoiceNumber", number, "buyerId", l.buyer(), "amount", money(amount, "CNY"),
                "openAmount", money("0.00", "CNY"), "reason", "insured loss", "dueDate", "2026-06-01");
    }

    /** invoice-service's payment-reversed of the payment {@code paid}: its allocation back, leaving {@code openAfter}. */
    static Map<String, Object> reversed(Map<String, Object> paid, String openAfter) {
        Map<String, Object> m = new java.util.HashMap<>(paid);
        m.remove("unallocated");
        m.remove("receivedOn");
        m.put("reason", "bounced");
        @SuppressWarnings("unchecked")
        Map<String, Object> a = new java.util.HashMap<>(((List<Map<String, Object>>) paid.get("allocations")).get(0));
        a.put("openAmount", money(openAfter, "CNY"));
        m.put("allocations", List.of(a));
        return m;
    }

    /**
     * The buyer's 10,000 on INV-2 after the claim was paid reaches the claim through the ledger and is shared there
     * (7,200 / 2,800); entering it again by hand would count it twice, so while the ledger still has a claimed invoice
     * open (the buyer's money on it is posted there) a recovery by hand is refused, 409 naming {@code amount}, nothing
     * shared. Once the ledger closed the claimed invoices (written off after the indemnity), money from the buyer can no
     * longer reach them: an administrator's dividend of 5,000 by hand is shared, 3,600 / 1,400 (15,000 recovered in all,
     * 10,800 the insurer's).
     */
    @Test
    void aRecoveryByHandIsRefusedWhileTheLedgerCanStillBringTheBuyersMoneyToTheClaim() {
        Ledger l = ledger();
        String id = paidClaim(l);
        send(l, "payment-received", UUID.randomUUID().toString(), payment(l.buyer(), l.inv2(), "INV-2", "10000.00", "30000.00"));
        awaitRead(l);
        given().auth().oauth2(token(l.tenant(), "viewer")).get(CLAIMS + "/" + id).then().statusCode(200)
                .body("recovered.amount", equalTo("10000.00"), "recoveredToInsurer.amount", equalTo("7200.00"));

        recoverByHand(l, id, "10000.00").statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("claim.recovery-through-ledger"), "errors.field", contains("amount"));
        given().auth().oauth2(token(l.tenant(), "viewer")).get(CLAIMS + "/" + id).then().statusCode(200)
                .body("recovered.amount", equalTo("10000.00"), "recoveredToInsurer.amount", equalTo("7200.00"));

        send(l, "written-off", UUID.randomUUID().toString(), writtenOff(l, l.inv1(), "INV-1", "60000.00"));
        send(l, "written-off", UUID.randomUUID().toString(), writtenOff(l, l.inv2(), "INV-2", "30000.00"));
        awaitRead(l);
        recoverByHand(l, id, "5000.00").statusCode(200).body("toInsurer.amount", equalTo("3600.00"),
                "toTenant.amount", equalTo("1400.00"), "recoveredTotal.amount", equalTo("15000.00"));
    }

    /**
     * The buyer paid 1,000 of INV-1 before the claim, so it claims 59,000 + 40,000 (no more than the ledger has open),
     * approved at 72,000 under the 80,000 limit. The buyer's 10,000 on INV-2 after the claim was paid is shared at
     * 72,000 / 99,000: 7,272.73 / 2,727.27; then it bounces (payment-reversed): the share is undone by a recovery of
     * -10,000, -7,272.73 / -2,727.27 (recovery-shared with those amounts), so the insurer is owed nothing of money that
     * never arrived. A reversal of a payment the claim never received after approval (one from before it) changes nothing.
     * (The claim was of 59,000 + 41,000, 1,000 more of INV-2 than was open, to keep 100,000.)
     */
    @Test
    void aBuyersPaymentReversedAfterItWasSharedIsSharedBack() {
        Ledger l = ledger();
        Map<String, Object> before = payment(l.buyer(), l.inv1(), "INV-1", "1000.00", "59000.00");
        send(l, "payment-received", UUID.randomUUID().toString(), before);
        awaitRead(l);
        String id = paidClaim(l, "59000.00", "40000.00");

        Map<String, Object> paid = payment(l.buyer(), l.inv2(), "INV-2", "10000.00", "30000.00");
        send(l, "payment-received", UUID.randomUUID().toString(), paid);
        awaitRead(l);
        given().auth().oauth2(token(l.tenant(), "viewer")).get(CLAIMS + "/" + id).then().statusCode(200)
                .body("recovered.amount", equalTo("10000.00"), "recoveredToInsurer.amount", equalTo("7272.73"));

        send(l, "payment-reversed", UUID.randomUUID().toString(), reversed(paid, "40000.00"));
        send(l, "payment-reversed", UUID.randomUUID().toString(), reversed(before, "60000.00"));
        awaitRead(l);
        given().auth().oauth2(token(l.tenant(), "viewer")).get(CLAIMS + "/" + id).then().statusCode(200)
                .body("recovered.amount", equalTo("0.00"), "recoveredToInsurer.amount", equalTo("0.00"),
                        "receivedToShare.amount", equalTo("0.00"));
        JsonNode undone = Topics.read("claim-events", Duration.ofSeconds(20), records -> records.stream()
                .filter(r -> "io.tradecredit.claims.recovery-shared.v1".equals(Topics.header(r, "ce_type"))
                        && id.equals(r.key())).count() == 2)
                .stream().filter(r -> "io.tradecredit.claims.recovery-shared.v1".equals(Topics.header(r, "ce_type"))
                        && id.equals(r.key())).map(Contracts::assertValid)
                .filter(e -> e.get("amount").get("amount").asText().startsWith("-")).findFirst().orElseThrow();
        assertEquals("-10000.00 -7272.73 -2727.27 0.00 0.00", undone.get("amount").get("amount").asText() + " "
                + undone.get("toInsurer").get("amount").asText() + " " + undone.get("toTenant").get("amount").asText() + " "
                + undone.get("recoveredTotal").get("amount").asText() + " "
                + undone.get("toInsurerTotal").get("amount").asText());
    }

    /**
     * The buyer pays the only claimed invoice in full while the claim is with the insurer: the claim ends without
     * indemnity, withdrawn as settled by the buyer (claim-withdrawn, settledByBuyer), and holds the buyer no longer:
     * the dunning ladder's claim trigger then opens a claim of INV-2. Before, the claim stayed submitted and the ladder
     * opened nothing while it was open.
     */
    @Test
    void aClaimTheBuyerPaidInFullBeforeApprovalEndsAndNoLongerHoldsTheBuyer() {
        Ledger l = ledger();
        String cm = token(l.tenant(), "credit-manager");
        String id = claimByHand(l, l.buyer(), "Zhejiang Trading", line("INV-1", l.inv1(), "60000.00"))
                .statusCode(201).extract().path("id");
        move(l, id, "SUBMITTED");
        String paid = UUID.randomUUID().toString();
        send(l, "payment-received", paid, payment(l.buyer(), l.inv1(), "INV-1", "60000.00", "0.00"));
        awaitRead(l);

        given().auth().oauth2(cm).get(CLAIMS + "/" + id).then().statusCode(200)
                .body("state", equalTo("WITHDRAWN"), "unpaid.amount", equalTo("0.00"),
                        "log.kind", contains("MOVE", "MOVE", "AMENDED", "MOVE"), "log[3].to", equalTo("WITHDRAWN"),
                        "log[3].by", equalTo("insurance-claims-service"));
        JsonNode withdrawn = event("claim-withdrawn", id);
        assertTrue(withdrawn.get("settledByBuyer").asBoolean());
        assertTrue(withdrawn.get("reason").asText().startsWith("settled by the buyer"));

        LadderClaimFlowTest.awaitRead(DossierFlowTest.sendCounted(l.tenant(), l.buyer(), today(),
                LadderClaimFlowTest.paymentOrder("TAKEN", null)));
        given().auth().oauth2(cm).get(CLAIMS + "?state=DRAFT").then().statusCode(200)
                .body("total", equalTo(1), "items[0].invoices.invoiceNumber", contains("INV-2"));
    }
}
