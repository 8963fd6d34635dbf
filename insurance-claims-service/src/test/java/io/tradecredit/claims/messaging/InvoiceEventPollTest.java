package io.tradecredit.claims.messaging;

import static io.tradecredit.claims.ClaimsFixtures.freshTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
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

        ExposureFlowTest.await("every payment applied", () -> Database.count(
                "select count(*) from open_invoice where tenant_id = ? and open_amount = 600", tenant) == BUYERS);
        assertEquals(0, Database.count("select count(*) from open_invoice where tenant_id = ? and open_amount <> 600", tenant));
        assertEquals(2L * BUYERS, Database.count("select count(*) from inbox where consumer = 'insurance-claims-service'"
                + " and tenant_id = ?", tenant), "each event once, the repeat skipped");
        long instants = Database.count("select count(distinct received_at) from inbox where consumer = 'insurance-claims-service'"
                + " and tenant_id = ?", tenant);
        assertTrue(instants < 2 * BUYERS, "events taken in together, a poll at a time: " + instants + " claims for "
                + 2 * BUYERS + " events");
    }
}
