package io.tradecredit.collections.messaging;

import static io.tradecredit.collections.messaging.ReadModelEvents.await;
import static io.tradecredit.collections.messaging.ReadModelEvents.invoice;
import static io.tradecredit.collections.messaging.ReadModelEvents.issued;
import static io.tradecredit.collections.messaging.ReadModelEvents.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * A payment for an invoice whose issued event is not applied here is neither applied (it would set what is open
 * of an invoice the read model does not have) nor dropped: it waits for the issued event, then is parked with the reason.
 */
@QuarkusTest
class EarlierEventMissingTest {

    @Test
    void aPaymentForAnInvoiceNeverIssuedHereIsParkedWithThatReasonAndTheConsumerGoesOn() {
        String tenant = "acme";
        String buyer = UUID.randomUUID().toString();
        String invoice = UUID.randomUUID().toString();
        String payment = invoice(tenant, buyer, "payment-received",
                payment("payment-received", buyer, invoice, "100.00", "0.00"));
        String next = UUID.randomUUID().toString();
        invoice(tenant, buyer, "issued", issued(buyer, next, "500.00", LocalDate.of(2026, 6, 30)));

        String reason = Topics.parkedReason(Topics.awaitParked("invoice-events.dlq.collections-service", payment, Duration.ofSeconds(30)));
        assertTrue(reason.startsWith("earlier event missing"), reason);
        await("the next event applied", () -> Database.count(
                "select count(*) from open_invoice where invoice_id = ?::uuid", next) == 1);
        assertEquals(0, Database.count("select count(*) from open_invoice where invoice_id = ?::uuid", invoice));
        assertEquals(0, Database.count("select count(*) from inbox where event_id = ?", payment), "not marked applied");
    }
}
