package io.tradecredit.invoice.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.invoice.LedgerFixtures.freshTenant;
import static io.tradecredit.invoice.LedgerFixtures.issue;
import static io.tradecredit.invoice.LedgerFixtures.pay;
import static io.tradecredit.invoice.LedgerFixtures.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.invoice.PaymentFixtures;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.DunningRunEvents;
import io.tradecredit.testing.Topics;

/**
 * collections-service's abandonment-confirmed, read from the real collection-cases topic: the
 * invoices it names are written off for what is still open on them, as a finance user's write-off.
 */
@QuarkusTest
class AbandonmentWriteOffFlowTest {
    static final LocalDate ISSUED = PlatformZone.today().minusDays(90);
    static final LocalDate DUE = ISSUED.plusDays(30);
    static final String WRITTEN_OFF = "io.tradecredit.invoice.written-off.v1";

    static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    static Map<String, Object> writeOff(String invoiceId, String number, String amount) {
        return Map.of("invoiceId", invoiceId, "invoiceNumber", number, "amount", money(amount));
    }

    /** abandonment-confirmed as collections-service's Abandonments.confirm builds it. */
    static Map<String, Object> abandonmentConfirmed(String caseId, UUID buyer, List<Map<String, Object>> invoices) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseId", caseId);
        m.put("buyerId", buyer.toString());
        m.put("amounts", List.of(Map.of("overdue", money("1350.00"), "expectedCost", money("1800.00"))));
        m.put("invoices", invoices);
        m.put("proposedBy", "li.collector");
        m.put("confirmedBy", "wang.collector");
        m.put("confirmedOn", PlatformZone.today().toString());
        return m;
    }

    static void send(String tenant, String eventId, Map<String, Object> body) {
        Topics.sendEvent("collection-cases", tenant, "collections", "abandonment-confirmed",
                (String) body.get("caseId"), eventId, body);
    }

    static ValidatableResponse invoice(String tenant, String id) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/invoices/" + id).then().statusCode(200);
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
    void anAbandonedDebtIsWrittenOffForWhatIsStillOpenOnceAndOnlyInItsTenant() {
        String tenant = freshTenant();
        String other = freshTenant();
        UUID buyer = UUID.randomUUID();
        String whole = issue(tenant, buyer, ISSUED, DUE, "1000.00");
        String partlyPaid = issue(tenant, buyer, ISSUED, DUE, "600.00");
        pay(tenant, partlyPaid, "250.00", ISSUED.plusDays(10));
        String paidSince = issue(tenant, buyer, ISSUED, DUE, "500.00");
        pay(tenant, paidSince, "500.00", PlatformZone.today());
        String othersInvoice = issue(other, buyer, ISSUED, DUE, "800.00");
        String caseId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> event = abandonmentConfirmed(caseId, buyer, List.of(writeOff(whole, "INV-1", "1000.00"),
                writeOff(partlyPaid, "INV-2", "350.00"), writeOff(paidSince, "INV-3", "500.00"),
                writeOff(othersInvoice, "INV-4", "800.00")));

        // the proposal before it (same key) is another collections event: skipped before it is read (no
        // transaction, no inbox row: the chassis inbox's type filter), not dead-lettered
        String proposalId = Topics.sendEvent("collection-cases", tenant, "collections", "abandonment-proposed", caseId,
                UUID.randomUUID().toString(), Map.of("caseId", caseId, "buyerId", buyer.toString(),
                        "amounts", event.get("amounts"), "proposedBy", "li.collector",
                        "proposedOn", PlatformZone.today().toString()));
        send(tenant, eventId, event);
        await("both open invoices written off", () -> writeOffsOf(tenant, buyer) == 2);
        assertEquals(0, Database.count("select count(*) from inbox where consumer = 'invoice-service' and event_id = ?",
                proposalId));

        String reason = "abandoned in collection case " + caseId;
        invoice(tenant, whole).body("status", equalTo("WRITTEN_OFF"), "amounts.writtenOff.amount", equalTo("1000.00"),
                "amounts.open.amount", equalTo("0.00"), "closedReason", containsString(reason));
        invoice(tenant, partlyPaid).body("status", equalTo("WRITTEN_OFF"), "amounts.paid.amount", equalTo("250.00"),
                "amounts.writtenOff.amount", equalTo("350.00"), "amounts.open.amount", equalTo("0.00"));
        invoice(tenant, paidSince).body("status", equalTo("PAID"), "amounts.writtenOff.amount", equalTo("0.00"));
        for (String[] entry : new String[][] {{whole, "1000"}, {partlyPaid, "350"}}) {
            assertEquals(1, Database.count("select count(*) from ledger_entry where invoice_id = ? and kind = 'WRITE_OFF'"
                    + " and amount = ? and created_by = 'li.collector,wang.collector'", UUID.fromString(entry[0]),
                    new java.math.BigDecimal(entry[1])), "write-off of " + entry[0]);
        }
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/buyers/" + buyer + "/balance").then()
                .statusCode(200).body("currencies.findAll { it.open.amount != '0.00' }", empty());

        List<ConsumerRecord<String, String>> events = PaymentFixtures.events(buyer, WRITTEN_OFF, 2);
        Set<String> written = events.stream().map(Contracts::assertValid)
                .map(e -> e.get("invoiceId").asText() + "=" + e.get("amount").get("amount").asText()
                        + (e.get("reason").asText().startsWith(reason) ? "" : " (reason " + e.get("reason") + ")"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(whole + "=1000.00", partlyPaid + "=350.00"), written);

        // the redelivered event, then a later one of the same case (same key, same partition)
        send(tenant, eventId, event);
        UUID markerBuyer = UUID.randomUUID();
        String marker = issue(tenant, markerBuyer, ISSUED, DUE, "100.00");
        send(tenant, UUID.randomUUID().toString(), abandonmentConfirmed(caseId, markerBuyer,
                List.of(writeOff(marker, "INV-5", "100.00"))));
        await("the later event written off", () -> writeOffsOf(tenant, markerBuyer) == 1);
        assertEquals(2, writeOffsOf(tenant, buyer));
        assertEquals(1, Database.count("select count(*) from inbox where consumer = 'invoice-service' and event_id = ?",
                eventId));
        assertEquals(2, Topics.readFor("invoice-events", Duration.ofSeconds(2)).stream()
                .filter(r -> buyer.toString().equals(r.key()) && WRITTEN_OFF.equals(Topics.header(r, "ce_type"))).count());

        invoice(other, othersInvoice).body("amounts.writtenOff.amount", equalTo("0.00"), "amounts.open.amount", equalTo("800.00"));
        assertEquals(0, writeOffsOf(other, buyer));
    }

    @Test
    void anAbandonmentWithAnUnreadableInvoiceIdGoesToTheDeadLetterTopicAndWritesOffNothing() throws Exception {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String open = issue(tenant, buyer, ISSUED, DUE, "1000.00");
        String caseId = UUID.randomUUID().toString();
        Map<String, Object> body = abandonmentConfirmed(caseId, buyer, List.of(writeOff(open, "INV-1", "1000.00"),
                Map.of("invoiceId", "INV-2", "invoiceNumber", "INV-2", "amount", money("10.00"))));
        String eventId = UUID.randomUUID().toString();
        Topics.send("collection-cases", caseId, new ObjectMapper().writeValueAsString(body),
                Topics.cloudEventHeaders(tenant, "/tradecredit/collections-service",
                        "io.tradecredit.collections.abandonment-confirmed.v1", caseId, eventId));

        List<ConsumerRecord<String, String>> dead = Topics.read("collection-cases.dlq.invoice-service",
                Duration.ofSeconds(60), rs -> rs.stream().anyMatch(r -> eventId.equals(Topics.header(r, "ce_id"))));
        assertEquals(1, dead.stream().filter(r -> eventId.equals(Topics.header(r, "ce_id"))).count());
        invoice(tenant, open).body("amounts.writtenOff.amount", equalTo("0.00"), "amounts.open.amount", equalTo("1000.00"));
        assertEquals(0, writeOffsOf(tenant, buyer));
    }

    @Test
    void anAbandonmentAmidADunningRunsBurstIsWrittenOffOnceAndTheRunsStepsAreSkippedUnstored() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String open = issue(tenant, buyer, ISSUED, DUE, "1000.00");
        String caseId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, String> abandonment = DunningRunEvents.event(tenant, "abandonment-confirmed", caseId,
                eventId, abandonmentConfirmed(caseId, buyer, List.of(writeOff(open, "INV-1", "1000.00"))));
        // a run's step-taken events around it, and the same event again: one burst, read a poll at a time
        List<ProducerRecord<String, String>> burst = new ArrayList<>(DunningRunEvents.run(tenant, DUE.plusDays(7), 150));
        burst.add(abandonment);
        burst.addAll(DunningRunEvents.run(tenant, DUE.plusDays(7), 150));
        burst.add(abandonment);
        Topics.sendAll(burst);

        await("written off", () -> writeOffsOf(tenant, buyer) == 1);
        // a later abandonment of another buyer in the same case (same key, same partition) proves the repeated
        // abandonment was read before it
        UUID markerBuyer = UUID.randomUUID();
        String marker = issue(tenant, markerBuyer, ISSUED, DUE, "100.00");
        send(tenant, UUID.randomUUID().toString(), abandonmentConfirmed(caseId, markerBuyer,
                List.of(writeOff(marker, "INV-2", "100.00"))));
        await("the later event written off", () -> writeOffsOf(tenant, markerBuyer) == 1);
        assertEquals(1, writeOffsOf(tenant, buyer));
        invoice(tenant, open).body("status", equalTo("WRITTEN_OFF"), "amounts.open.amount", equalTo("0.00"));
        assertEquals(1, Database.count("select count(*) from inbox where consumer = 'invoice-service' and event_id = ?",
                eventId));
        assertEquals(0, Database.count("select count(*) from inbox where consumer = 'invoice-service' and tenant_id = ?"
                + " and event_type = ?", tenant, DunningRunEvents.STEP_TAKEN), "a run's steps are skipped unread, not stored");
    }
}
