package io.tradecredit.claims.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.claims.ClaimsFixtures.POLICIES;
import static io.tradecredit.claims.ClaimsFixtures.freshTenant;
import static io.tradecredit.claims.ClaimsFixtures.money;
import static io.tradecredit.claims.ClaimsFixtures.policy;
import static io.tradecredit.claims.ClaimsFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * A burst of invoice events (a flow of payments) is read a poll at a time: each event applied once to the
 * read model, a repeat within the burst skipped, and the poll's events taken in by one inbox statement
 * (they share its instant), not one transaction each.
 */
@QuarkusTest
class InvoiceEventPollTest {
    static final int BUYERS = 30;
    static final String CLAIMS = "/api/v1/insurance/claims";

    @Test
    void aBurstOfIssuedAndPaidInvoicesIsAppliedOnceEachAPollAtATime() {
        String tenant = freshTenant();
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        ProducerRecord<String, String> repeated = null;
        for (int i = 0; i < BUYERS; i++) {
            String buyer = UUID.randomUUID().toString();
            String invoice = UUID.randomUUID().toString();
            burst.add(Topics.event("invoice-events", tenant, "invoice", "issued", buyer, UUID.randomUUID().toString(),
                    ExposureFlowTest.issued(buyer, invoice, "INV-" + i, LocalDate.of(2026, 5, 1), "1000.00")));
            ProducerRecord<String, String> payment = Topics.event("invoice-events", tenant, "invoice", "payment-received",
                    buyer, UUID.randomUUID().toString(), ExposureFlowTest.payment(buyer, invoice, "INV-" + i, "400.00", "600.00"));
            burst.add(payment);
            if (i == 0) {
                repeated = payment;
            }
        }
        burst.add(repeated);
        Topics.sendAll(burst);
        // an event after the repeat on its key (the same partition), of another tenant so the counts below leave it
        // out: once it is applied the repeat has been read
        String buyer0 = repeated.key();
        String sentinel = Topics.sendEvent("invoice-events", tenant + "-sentinel", "invoice", "issued", buyer0,
                UUID.randomUUID().toString(), ExposureFlowTest.issued(buyer0, UUID.randomUUID().toString(), "INV-S",
                        LocalDate.of(2026, 5, 1), "1.00"));

        ExposureFlowTest.await("every payment applied", () -> Database.count(
                "select count(*) from open_invoice where tenant_id = ? and open_amount = 600", tenant) == BUYERS);
        ExposureFlowTest.await("the event after the repeat applied", () -> Database.count("select count(*) from inbox"
                + " where consumer = 'insurance-claims-service' and event_id = ?", sentinel) == 1);
        assertEquals(0, Database.count("select count(*) from open_invoice where tenant_id = ? and open_amount <> 600", tenant));
        assertEquals(2L * BUYERS, Database.count("select count(*) from inbox where consumer = 'insurance-claims-service'"
                + " and tenant_id = ?", tenant), "each event once, the repeat skipped");
        long instants = Database.count("select count(distinct received_at) from inbox where consumer = 'insurance-claims-service'"
                + " and tenant_id = ?", tenant);
        assertTrue(instants < 2 * BUYERS, "events taken in together, a poll at a time: " + instants + " claims for "
                + 2 * BUYERS + " events");
    }

    static double ledgerLookups() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith("tradecredit_claims_ledger_lookups_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /**
     * A burst of 30 payments, two of them on invoices a draft claim holds (INV-0 by id, INV-1 by number only): the
     * claim follows both (unpaid 600 each, 1,200 in all), and the claims holding the poll's invoices are looked for once
     * per poll, not once per payment (30 lookups before).
     */
    @Test
    void theClaimsHoldingAPollsInvoicesAreFoundOncePerPoll() {
        String tenant = freshTenant();
        String cm = token(tenant, "credit-manager");
        String policyId = given().auth().oauth2(cm).contentType(ContentType.JSON).body(policy("P-" + UUID.randomUUID()))
                .post(POLICIES).then().statusCode(201).extract().path("id");
        String buyer = UUID.randomUUID().toString();
        List<String> invoices = new ArrayList<>();
        List<ProducerRecord<String, String>> issued = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            String invoice = UUID.randomUUID().toString();
            invoices.add(invoice);
            issued.add(Topics.event("invoice-events", tenant, "invoice", "issued", buyer, UUID.randomUUID().toString(),
                    ExposureFlowTest.issued(buyer, invoice, "INV-" + i, LocalDate.of(2026, 5, 1), "1000.00")));
        }
        Topics.sendAll(issued);
        ExposureFlowTest.await("the invoices issued", () -> Database.count(
                "select count(*) from open_invoice where tenant_id = ?", tenant) == BUYERS);
        String claim = given().auth().oauth2(cm).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("policyId", policyId, "buyerId", buyer, "buyerName", "Zhejiang Trading", "cause", "INSOLVENCY",
                        "invoices", List.of(Map.of("invoiceNumber", "INV-0", "invoiceId", invoices.get(0),
                                "unpaidAmount", money("1000.00", "CNY")),
                                Map.of("invoiceNumber", "INV-1", "unpaidAmount", money("1000.00", "CNY")))))
                .post(CLAIMS).then().statusCode(201).extract().path("id");

        double before = ledgerLookups();
        List<ProducerRecord<String, String>> payments = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            payments.add(Topics.event("invoice-events", tenant, "invoice", "payment-received", buyer,
                    UUID.randomUUID().toString(), ExposureFlowTest.payment(buyer, invoices.get(i), "INV-" + i, "400.00", "600.00")));
        }
        Topics.sendAll(payments);
        ExposureFlowTest.await("every payment applied", () -> Database.count(
                "select count(*) from open_invoice where tenant_id = ? and open_amount = 600", tenant) == BUYERS);
        ExposureFlowTest.await("the claim follows", () -> "1200.00".equals(given().auth().oauth2(cm).get(CLAIMS + "/" + claim)
                .then().statusCode(200).extract().path("unpaid.amount")));
        double lookups = ledgerLookups() - before;
        assertTrue(lookups >= 1 && lookups < BUYERS, lookups + " lookups for " + BUYERS + " payments");
    }
}
