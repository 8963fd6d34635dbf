package io.tradecredit.invoice.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.LedgerFixtures.freshTenant;
import static io.tradecredit.invoice.LedgerFixtures.issue;
import static io.tradecredit.invoice.LedgerFixtures.pay;
import static io.tradecredit.invoice.LedgerFixtures.token;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.invoice.PaymentFixtures;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * insurance-claims-service's indemnity-paid, read from the real claim-events topic: each payment
 * of the insurer is posted as a payment from the insurer on the claimed invoices, oldest first,
 * and once the claim is fully paid the rest of each claimed invoice is written off as insured loss.
 */
@QuarkusTest
class IndemnityLedgerFlowTest {
    static final LocalDate TODAY = PlatformZone.today();
    static final LocalDate ISSUED = TODAY.minusDays(200);
    static final String INSURER = "Allianz Trade";

    static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    static Map<String, Object> claimed(String invoiceId, String number, String unpaid) {
        Map<String, Object> m = new HashMap<>();
        m.put("invoiceNumber", number);
        m.put("invoiceId", invoiceId);
        m.put("unpaidAmount", money(unpaid));
        return m;
    }

    /** indemnity-paid as insurance-claims-service's ClaimEvents.indemnityPaid builds it. */
    static Map<String, Object> indemnityPaid(String claimId, UUID buyer, List<Map<String, Object>> invoices,
            String amount, String paidSoFar, boolean fullyPaid) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claimId", claimId);
        m.put("policyId", UUID.randomUUID().toString());
        m.put("policyNumber", "POL-2026-001");
        m.put("insurer", INSURER);
        m.put("buyerId", buyer.toString());
        m.put("buyerName", "Shenzhen Huaxin Trading Co., Ltd.");
        m.put("invoices", invoices);
        m.put("amount", money(amount));
        m.put("indemnityPaid", money(paidSoFar));
        m.put("indemnity", money("81000.00"));
        m.put("fullyPaid", fullyPaid);
        m.put("paidOn", TODAY.toString());
        m.put("recordedBy", "zhao.finance");
        return m;
    }

    static void send(String tenant, String eventId, Map<String, Object> body) {
        Topics.sendEvent("claim-events", tenant, "claims", "indemnity-paid", (String) body.get("claimId"), eventId, body);
    }

    static ValidatableResponse invoice(String tenant, String id) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/invoices/" + id).then().statusCode(200);
    }

    static String numberOf(String tenant, String id) {
        return invoice(tenant, id).extract().path("invoiceNumber");
    }

    static long insurerPayments(String tenant, UUID buyer) {
        return Database.count("select count(*) from payment where tenant_id = ? and buyer_id = ? and payer_kind = 'INSURER'",
                tenant, buyer);
    }

    static long writeOffsOf(String tenant, UUID buyer) {
        return Database.count("select count(*) from ledger_entry where tenant_id = ? and buyer_id = ? and kind = 'WRITE_OFF'",
                tenant, buyer);
    }

    static void await(String what, BooleanSupplier done) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(done::getAsBoolean);
    }

    @Test
    void theIndemnityIsPaidOnTheClaimedInvoicesOldestFirstAndTheRestWrittenOffOnceFullyPaid() {
        String tenant = freshTenant();
        String other = freshTenant();
        UUID buyer = UUID.randomUUID();
        String older = issue(tenant, buyer, ISSUED, ISSUED.plusDays(30), "60000.00");
        String newer = issue(tenant, buyer, ISSUED.plusDays(10), ISSUED.plusDays(40), "40000.00");
        pay(tenant, newer, "10000.00", ISSUED.plusDays(20));
        String notClaimed = issue(tenant, buyer, ISSUED, ISSUED.plusDays(30), "5000.00");
        String othersInvoice = issue(other, buyer, ISSUED, ISSUED.plusDays(30), "70000.00");
        String claimId = UUID.randomUUID().toString();
        // the claim knows the newer invoice by its number only (a claim opened by hand)
        List<Map<String, Object>> invoices = List.of(claimed(older, numberOf(tenant, older), "60000.00"),
                claimed(null, numberOf(tenant, newer), "30000.00"), claimed(othersInvoice, "OTHER-1", "70000.00"));

        // claim-approved before it (same key) is another claims event: skipped, not dead-lettered
        String openedId = Topics.sendEvent("claim-events", tenant, "claims", "claim-approved", claimId,
                UUID.randomUUID().toString(), claimApproved(claimId, buyer));
        // 90 % of 90,000: 81,000 in two payments; the first, 50,000, goes to the older invoice alone
        send(tenant, UUID.randomUUID().toString(), indemnityPaid(claimId, buyer, invoices, "50000.00", "50000.00", false));
        await("the first insurer payment", () -> insurerPayments(tenant, buyer) == 1);
        assertEquals(1, Database.count("select count(*) from inbox where consumer = 'invoice-service' and event_id = ?"
                + " and event_type = 'io.tradecredit.claims.claim-approved.v1'", openedId));
        invoice(tenant, older).body("status", equalTo("OVERDUE"), "amounts.paid.amount", equalTo("50000.00"),
                "amounts.open.amount", equalTo("10000.00"));
        invoice(tenant, newer).body("amounts.open.amount", equalTo("30000.00"));
        assertEquals(0, writeOffsOf(tenant, buyer), "a partial indemnity writes nothing off");

        String lastEventId = UUID.randomUUID().toString();
        Map<String, Object> last = indemnityPaid(claimId, buyer, invoices, "31000.00", "81000.00", true);
        // the insurer paid three days before the event is booked: the write-off is dated on its paidOn
        LocalDate paidOn = TODAY.minusDays(3);
        last.put("paidOn", paidOn.toString());
        send(tenant, lastEventId, last);
        await("the rest written off", () -> writeOffsOf(tenant, buyer) == 1);
        assertEquals(1, Database.count("select count(*) from ledger_entry where tenant_id = ? and buyer_id = ?"
                + " and kind = 'WRITE_OFF' and effective_date = ?", tenant, buyer, paidOn));

        invoice(tenant, older).body("status", equalTo("PAID"), "amounts.paid.amount", equalTo("60000.00"),
                "amounts.writtenOff.amount", equalTo("0.00"), "amounts.open.amount", equalTo("0.00"));
        invoice(tenant, newer).body("status", equalTo("WRITTEN_OFF"), "amounts.paid.amount", equalTo("31000.00"),
                "amounts.writtenOff.amount", equalTo("9000.00"), "amounts.open.amount", equalTo("0.00"),
                "closedReason", startsWith("insured loss: claim " + claimId), "closedOn", equalTo(paidOn.toString()));
        invoice(tenant, notClaimed).body("amounts.open.amount", equalTo("5000.00"));
        given().auth().oauth2(token(tenant, "finance")).get("/api/v1/payments?buyerId=" + buyer).then().statusCode(200)
                .body("items.findAll { it.payer.kind == 'INSURER' }.amount.amount",
                        containsInAnyOrder("50000.00", "31000.00"),
                        "items.findAll { it.payer.kind == 'INSURER' }.payer.name", containsInAnyOrder(INSURER, INSURER),
                        "items.findAll { it.payer.kind == 'INSURER' }.reference", containsInAnyOrder(claimId, claimId),
                        "items.findAll { it.payer.kind == 'BUYER' }.amount.amount", containsInAnyOrder("10000.00"),
                        "items.findAll { it.payer.kind == 'INSURER' }.unallocated.amount",
                        containsInAnyOrder("0.00", "0.00"));

        List<ConsumerRecord<String, String>> received = PaymentFixtures.events(buyer, "io.tradecredit.invoice.payment-received.v1", 3);
        List<String> fromInsurer = received.stream().map(Contracts::assertValid)
                .filter(e -> e.has("payer") && "INSURER".equals(e.get("payer").get("kind").asText()))
                .map(e -> e.get("amount").get("amount").asText() + " " + e.get("payer").get("name").asText() + " "
                        + allocations(e))
                .toList();
        assertEquals(List.of("50000.00 " + INSURER + " " + older + "=50000.00",
                "31000.00 " + INSURER + " " + older + "=10000.00," + newer + "=21000.00"), fromInsurer);
        JsonNode writtenOff = Contracts.assertValid(PaymentFixtures.events(buyer, "io.tradecredit.invoice.written-off.v1", 1).get(0));
        assertEquals(newer + " 9000.00", writtenOff.get("invoiceId").asText() + " " + writtenOff.get("amount").get("amount").asText());
        // of the newer invoice the buyer paid 10,000 before its due date; the insurer's 21,000 is not the buyer paying
        assertEquals("10000.00 " + ISSUED.plusDays(20) + " 0", writtenOff.get("paidByBuyer").get("amount").get("amount").asText()
                + " " + writtenOff.get("paidByBuyer").get("lastPaidOn").asText() + " "
                + writtenOff.get("paidByBuyer").get("daysPastDue").asInt());
        // written off on the insurer's paidOn, and the insurer's 21,000 of it told apart (credit-service weighs it never paid)
        assertEquals(paidOn + " 21000.00", writtenOff.get("writtenOffOn").asText() + " "
                + writtenOff.get("paidByInsurer").get("amount").asText());
        JsonNode paid = Contracts.assertValid(PaymentFixtures.events(buyer, "io.tradecredit.invoice.paid.v1", 1).get(0));
        assertEquals(older, paid.get("invoiceId").asText());
        // the older invoice was settled by the insurer's money alone: not the buyer paying it
        assertEquals("INSURER 60000.00 true", paid.get("settledBy").asText() + " "
                + paid.get("paidByInsurer").get("amount").asText() + " " + paid.get("paidByBuyer").isNull());

        // the same event redelivered, and the same payment told again under another event id: nothing more
        send(tenant, lastEventId, last);
        send(tenant, UUID.randomUUID().toString(), last);
        UUID markerBuyer = UUID.randomUUID();
        String marker = issue(tenant, markerBuyer, ISSUED, ISSUED.plusDays(30), "100.00");
        String markerClaim = UUID.randomUUID().toString();
        // keyed by the first claim (the same partition as the repeats): once it is booked, both repeats were read
        Topics.sendEvent("claim-events", tenant, "claims", "indemnity-paid", claimId, UUID.randomUUID().toString(),
                indemnityPaid(markerClaim, markerBuyer, List.of(claimed(marker, numberOf(tenant, marker), "100.00")),
                        "90.00", "90.00", true));
        await("the later claim booked", () -> writeOffsOf(tenant, markerBuyer) == 1);
        invoice(tenant, marker).body("amounts.paid.amount", equalTo("90.00"), "amounts.writtenOff.amount", equalTo("10.00"));
        assertEquals(2, insurerPayments(tenant, buyer));
        assertEquals(1, writeOffsOf(tenant, buyer));
        assertEquals(1, Database.count("select count(*) from inbox where consumer = 'invoice-service' and event_id = ?",
                lastEventId));
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/buyers/" + buyer + "/balance").then()
                .statusCode(200).body("currencies.open.amount", containsInAnyOrder("5000.00"));

        invoice(other, othersInvoice).body("amounts.paid.amount", equalTo("0.00"), "amounts.writtenOff.amount",
                equalTo("0.00"), "amounts.open.amount", equalTo("70000.00"));
        assertEquals(0, writeOffsOf(other, buyer));
        assertEquals(0, Database.count("select count(*) from payment where tenant_id = ?", other));
    }

    /**
     * DOMAIN §4's worked example with the buyer paying after approval: 100,000 claimed (INV-1 60,000, INV-2 40,000),
     * approved at 72,000; the buyer then pays 40,000 on INV-1 before the insurer pays, so only 60,000 is open when the
     * 72,000 arrives. The ledger takes 60,000 of it (INV-1's 20,000, INV-2's 40,000): the 12,000 beyond what is open is
     * not the buyer's money and never becomes its credit (insurance-claims-service shares the buyer's 40,000 as a
     * recovery, 28,800 owed back to the insurer, of which these 12,000 are part), and nothing is written off: nothing
     * on the invoices is lost.
     */
    @Test
    void theInsurersPaymentBeyondWhatIsOpenIsNotTheBuyersCredit() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String inv1 = issue(tenant, buyer, ISSUED, ISSUED.plusDays(30), "60000.00");
        String inv2 = issue(tenant, buyer, ISSUED.plusDays(10), ISSUED.plusDays(40), "40000.00");
        String claimId = UUID.randomUUID().toString();
        List<Map<String, Object>> invoices = List.of(claimed(inv1, numberOf(tenant, inv1), "60000.00"),
                claimed(inv2, numberOf(tenant, inv2), "40000.00"));
        pay(tenant, inv1, "40000.00", TODAY.minusDays(1)); // after approval, before the insurer

        send(tenant, UUID.randomUUID().toString(), indemnityPaid(claimId, buyer, invoices, "72000.00", "72000.00", true));
        await("the insurer's payment", () -> insurerPayments(tenant, buyer) == 1);

        invoice(tenant, inv1).body("status", equalTo("PAID"), "amounts.paid.amount", equalTo("60000.00"),
                "amounts.writtenOff.amount", equalTo("0.00"));
        invoice(tenant, inv2).body("status", equalTo("PAID"), "amounts.paid.amount", equalTo("40000.00"),
                "amounts.writtenOff.amount", equalTo("0.00"));
        assertEquals(0, writeOffsOf(tenant, buyer), "nothing on the invoices is lost");
        given().auth().oauth2(token(tenant, "finance")).get("/api/v1/payments?buyerId=" + buyer).then().statusCode(200)
                .body("items.findAll { it.payer.kind == 'INSURER' }.amount.amount", containsInAnyOrder("60000.00"),
                        "items.findAll { it.payer.kind == 'INSURER' }.received.amount", containsInAnyOrder("72000.00"),
                        "items.findAll { it.payer.kind == 'INSURER' }.unallocated.amount", containsInAnyOrder("0.00"),
                        "items.findAll { it.payer.kind == 'BUYER' }.received.amount", containsInAnyOrder("40000.00"));
        assertEquals(0, Database.count("select count(*) from buyer_credit where tenant_id = ? and buyer_id = ?"
                + " and balance <> 0", tenant, buyer), "the insurer's money is not the buyer's credit");
        JsonNode received = PaymentFixtures.events(buyer, "io.tradecredit.invoice.payment-received.v1", 2).stream()
                .map(Contracts::assertValid).filter(e -> e.has("payer") && "INSURER".equals(e.get("payer").get("kind")
                        .asText())).findFirst().orElseThrow();
        assertEquals("60000.00 0.00 " + inv1 + "=20000.00," + inv2 + "=40000.00", received.get("amount").get("amount")
                .asText() + " " + received.get("buyerCreditBalance").get("amount").asText() + " " + allocations(received));
        // both settled by the insurer's money: INV-1 with the buyer's 40,000 beside the insurer's 20,000, INV-2 the
        // insurer's 40,000 alone (the buyer's payment behaviour weighs only the buyer's own money: credit-service)
        List<String> settled = PaymentFixtures.events(buyer, "io.tradecredit.invoice.paid.v1", 2).stream()
                .map(Contracts::assertValid).map(e -> e.get("invoiceId").asText() + " " + e.get("settledBy").asText()
                        + " " + e.get("paidByInsurer").get("amount").asText() + " "
                        + (e.get("paidByBuyer").isNull() ? "-" : e.get("paidByBuyer").get("amount").get("amount").asText()
                                + " " + e.get("paidByBuyer").get("lastPaidOn").asText() + " "
                                + e.get("paidByBuyer").get("daysPastDue").asInt()))
                .toList();
        assertEquals(List.of(inv1 + " INSURER 20000.00 40000.00 " + TODAY.minusDays(1) + " "
                + java.time.temporal.ChronoUnit.DAYS.between(ISSUED.plusDays(30), TODAY.minusDays(1)),
                inv2 + " INSURER 40000.00 -"), settled.stream().sorted(java.util.Comparator.comparing((String x) -> !x.startsWith(inv1))).toList());
    }

    /**
     * The collection rate measures what buyers paid (docs/invoice-service.md, "Reports"): an invoice of 100,000 sold in
     * the period, 20,000 paid by the buyer, 50,000 by its credit insurer (a claim's first indemnity payment): collected
     * 20,000, 20.00 %, and the insurer's 50,000 shown apart as {@code paidByInsurer} (it read collected 70,000, 70.00 %).
     */
    @Test
    void theCollectionRateIsWhatBuyersPaidWithTheInsurersIndemnityShownApart() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        LocalDate issued = TODAY.minusDays(80);
        String inv = issue(tenant, buyer, issued, issued.plusDays(30), "100000.00");
        pay(tenant, inv, "20000.00", TODAY.minusDays(40));
        send(tenant, UUID.randomUUID().toString(), indemnityPaid(UUID.randomUUID().toString(), buyer,
                List.of(claimed(inv, numberOf(tenant, inv), "80000.00")), "50000.00", "50000.00", false));
        await("the insurer's payment", () -> insurerPayments(tenant, buyer) == 1);

        given().auth().oauth2(token(tenant, "finance")).get("/api/v1/reports/collection").then().statusCode(200)
                .body("currencies[0].creditSales.amount", equalTo("100000.00"),
                        "currencies[0].collected.amount", equalTo("20000.00"),
                        "currencies[0].paidByInsurer.amount", equalTo("50000.00"),
                        "currencies[0].collectionRatePercent", equalTo(20.00f));
    }

    /**
     * An invoice the insurer's partial indemnity paid part of and the buyer's own payment (or a credit note) then
     * settled tells the insurer's part on {@code paid} beside the buyer's, so that credit-service weighs only the buyer's
     * money at its lateness (it was told PAYMENT alone, as if the buyer had paid all 100,000 on its last day).
     */
    @Test
    void anInvoiceTheInsurerPartlyPaidAndTheBuyerFinishedTellsEachPartOnPaid() {
        String tenant = freshTenant();
        LocalDate due = ISSUED.plusDays(30);
        UUID buyer = UUID.randomUUID();
        String inv = issue(tenant, buyer, ISSUED, due, "100000.00");
        pay(tenant, inv, "10000.00", ISSUED.plusDays(20));
        send(tenant, UUID.randomUUID().toString(), indemnityPaid(UUID.randomUUID().toString(), buyer,
                List.of(claimed(inv, numberOf(tenant, inv), "90000.00")), "50000.00", "50000.00", false));
        await("the insurer's payment", () -> insurerPayments(tenant, buyer) == 1);
        pay(tenant, inv, "40000.00", TODAY);
        invoice(tenant, inv).body("status", equalTo("PAID"));
        long late = java.time.temporal.ChronoUnit.DAYS.between(due, TODAY);
        JsonNode paid = Contracts.assertValid(PaymentFixtures.events(buyer, "io.tradecredit.invoice.paid.v1", 1).get(0));
        // the buyer's 10,000 and 40,000, last on the day it paid; the insurer's 50,000 apart
        assertEquals("PAYMENT " + late + " 50000.00 50000.00 " + TODAY + " " + late, paid.get("settledBy").asText() + " "
                + paid.get("daysPastDue").asInt() + " " + paid.path("paidByInsurer").path("amount").asText() + " "
                + paid.path("paidByBuyer").path("amount").path("amount").asText() + " "
                + paid.path("paidByBuyer").path("lastPaidOn").asText() + " " + paid.path("paidByBuyer").path("daysPastDue").asInt());

        // the insurer paid 90,000 of another, a credit note takes the 10,000 left: the buyer paid none of it
        UUID credited = UUID.randomUUID();
        String other = issue(tenant, credited, ISSUED, due, "100000.00");
        send(tenant, UUID.randomUUID().toString(), indemnityPaid(UUID.randomUUID().toString(), credited,
                List.of(claimed(other, numberOf(tenant, other), "100000.00")), "90000.00", "90000.00", false));
        await("the insurer's payment", () -> insurerPayments(tenant, credited) == 1);
        given().auth().oauth2(token(tenant, "finance")).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("amount", money("10000.00"), "reason", "volume rebate"))
                .post("/api/v1/invoices/" + other + "/credit-notes").then().statusCode(201);
        JsonNode byNote = Contracts.assertValid(PaymentFixtures.events(credited, "io.tradecredit.invoice.paid.v1", 1).get(0));
        assertEquals("CREDIT_NOTE 90000.00 true", byNote.get("settledBy").asText() + " "
                + byNote.path("paidByInsurer").path("amount").asText() + " " + byNote.get("paidByBuyer").isNull());
    }

    /**
     * A claim approved at an indemnity of 0 (its whole loss within the deductible) is settled by one fully-paid
     * indemnity of 0: no insurer payment is posted (a payment of 0 is no payment), everything open on the claimed
     * invoices is written off as insured loss, and the event is not dead-lettered.
     */
    @Test
    void anIndemnityOfZeroPostsNoPaymentAndWritesOffTheClaimedInvoices() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String claimedInvoice = issue(tenant, buyer, ISSUED, ISSUED.plusDays(30), "15000.00");
        pay(tenant, claimedInvoice, "1000.00", ISSUED.plusDays(20));
        String notClaimed = issue(tenant, buyer, ISSUED, ISSUED.plusDays(30), "700.00");
        String claimId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        send(tenant, eventId, indemnityPaid(claimId, buyer,
                List.of(claimed(claimedInvoice, numberOf(tenant, claimedInvoice), "14000.00")), "0.00", "0.00", true));

        await("the claimed invoice written off", () -> writeOffsOf(tenant, buyer) == 1);
        invoice(tenant, claimedInvoice).body("status", equalTo("WRITTEN_OFF"), "amounts.paid.amount", equalTo("1000.00"),
                "amounts.writtenOff.amount", equalTo("14000.00"), "amounts.open.amount", equalTo("0.00"),
                "closedReason", startsWith("insured loss: claim " + claimId));
        invoice(tenant, notClaimed).body("amounts.open.amount", equalTo("700.00"));
        assertEquals(0, insurerPayments(tenant, buyer), "a payment of 0 is not posted");
        assertEquals(1, Database.count("select count(*) from inbox where consumer = 'invoice-service' and event_id = ?",
                eventId));
    }

    @Test
    void anIndemnityThatCannotBeReadGoesToTheDeadLetterTopicAndPostsNothing() throws Exception {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String open = issue(tenant, buyer, ISSUED, ISSUED.plusDays(30), "1000.00");
        String claimId = UUID.randomUUID().toString();
        Map<String, Object> body = new HashMap<>(indemnityPaid(claimId, buyer,
                List.of(claimed(open, numberOf(tenant, open), "1000.00")), "900.00", "900.00", true));
        body.put("amount", Map.of("amount", "nine hundred", "currency", "CNY"));
        String eventId = UUID.randomUUID().toString();
        Topics.send("claim-events", claimId, new ObjectMapper().writeValueAsString(body),
                Topics.cloudEventHeaders(tenant, "/tradecredit/claims-service", "io.tradecredit.claims.indemnity-paid.v1",
                        claimId, eventId));

        List<ConsumerRecord<String, String>> dead = Topics.read("claim-events.dlq.invoice-service",
                Duration.ofSeconds(60), rs -> rs.stream().anyMatch(r -> eventId.equals(Topics.header(r, "ce_id"))));
        assertEquals(1, dead.stream().filter(r -> eventId.equals(Topics.header(r, "ce_id"))).count());
        invoice(tenant, open).body("amounts.paid.amount", equalTo("0.00"), "amounts.open.amount", equalTo("1000.00"));
        assertEquals(0, insurerPayments(tenant, buyer));
        assertEquals(0, writeOffsOf(tenant, buyer));
    }

    static String allocations(JsonNode event) {
        StringBuilder s = new StringBuilder();
        for (JsonNode a : event.get("allocations")) {
            s.append(s.length() == 0 ? "" : ",").append(a.get("invoiceId").asText()).append('=')
                    .append(a.get("amount").get("amount").asText());
        }
        return s.toString();
    }

    /** claim-approved as insurance-claims-service publishes it. */
    static Map<String, Object> claimApproved(String claimId, UUID buyer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claimId", claimId);
        m.put("policyId", UUID.randomUUID().toString());
        m.put("policyNumber", "POL-2026-001");
        m.put("insurer", INSURER);
        m.put("buyerId", buyer.toString());
        m.put("buyerName", "Shenzhen Huaxin Trading Co., Ltd.");
        m.put("unpaidAmount", money("90000.00"));
        m.put("insuredLimit", money("100000.00"));
        m.put("deductible", money("0.00"));
        m.put("insuredLoss", money("90000.00"));
        m.put("insuredPercent", "90");
        m.put("indemnity", money("81000.00"));
        m.put("tenantBears", money("9000.00"));
        m.put("approvedOn", TODAY.toString());
        m.put("approvedBy", "zhao.finance");
        return m;
    }
}
