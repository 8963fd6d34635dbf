package io.tradecredit.credit.messaging;

import static io.tradecredit.credit.CreditFixtures.await;
import static io.tradecredit.credit.CreditFixtures.issued;
import static io.tradecredit.credit.CreditFixtures.paymentReceived;
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
 * A burst of invoice events (a flow of payments) is read a poll at a time: each event applied once, a
 * repeat within the burst skipped, and the poll's events taken in by one inbox statement (they share
 * its instant), not one transaction each.
 */
@QuarkusTest
class InvoiceEventPollTest {
    static final int BUYERS = 30;

    @Test
    void aBurstOfIssuedAndPaidInvoicesIsAppliedOnceEachAPollAtATime() {
        String tenant = "poll-" + UUID.randomUUID();
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        ProducerRecord<String, String> repeated = null;
        for (int i = 0; i < BUYERS; i++) {
            String buyer = UUID.randomUUID().toString();
            String invoice = UUID.randomUUID().toString();
            String issuedId = UUID.randomUUID().toString();
            String paidId = UUID.randomUUID().toString();
            eventIds.add(issuedId);
            eventIds.add(paidId);
            burst.add(Topics.event("invoice-events", tenant, "invoice", "issued", buyer, issuedId,
                    issued(buyer, invoice, "1000.00", LocalDate.of(2026, 12, 31))));
            ProducerRecord<String, String> payment = Topics.event("invoice-events", tenant, "invoice",
                    "payment-received", buyer, paidId, paymentReceived(buyer, invoice, "400.00", "600.00"));
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
                UUID.randomUUID().toString(), issued(buyer0, UUID.randomUUID().toString(), "1.00",
                        LocalDate.of(2026, 12, 31)));

        await("every payment applied", () -> Database.count("select count(*) from invoice_position where tenant_id = ?"
                + " and open_amount = 600", tenant) == BUYERS);
        await("the event after the repeat applied", () -> Database.count("select count(*) from inbox where"
                + " consumer = 'credit-service' and event_id = ?", sentinel) == 1);
        assertEquals(0, Database.count("select count(*) from invoice_position where tenant_id = ? and open_amount <> 600",
                tenant), "no payment applied twice (the repeat would leave 200.00 open)");
        assertEquals(2L * BUYERS, Database.count("select count(*) from inbox where consumer = 'credit-service'"
                + " and tenant_id = ?", tenant), "each event once, the repeat skipped");
        long instants = Database.count("select count(distinct received_at) from inbox where consumer = 'credit-service'"
                + " and tenant_id = ?", tenant);
        assertTrue(instants < eventIds.size(), "events taken in together, a poll at a time: " + instants
                + " claims for " + eventIds.size() + " events");
    }
}
