package io.tradecredit.notification.app;

import static io.tradecredit.notification.Requests.dunningData;
import static io.tradecredit.notification.Requests.reminderBurst;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tradecredit.notification.GreenMailResource;
import io.tradecredit.notification.PrintProviderResource;
import io.tradecredit.testing.Database;

/**
 * Requests put on the topic, as collections-service puts them, are delivered as soon as they are
 * stored: the worker ticks once an hour here, so a message SENT within seconds was sent by the
 * on-request pass. Letters (a stored PDF read in the hand-over) and emails carrying them use the
 * database during the hand-over, on the pass's own Vert.x contexts: sent only if those are safe.
 */
@QuarkusTest
@TestProfile(DeliveryOnRequestTest.OnRequest.class)
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(PrintProviderResource.class)
class DeliveryOnRequestTest {
    /** Far below the worker's tick: only the on-request pass can have sent the message by then. */
    static final Duration SOON = Duration.ofSeconds(20);

    public static class OnRequest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradecredit.notification.delivery.on-request", "true",
                    "tradecredit.notification.delivery.every", "1h");
        }
    }

    @Test
    void aBurstLargerThanABatchIsSentWithoutWaitingForTheWorker() {
        UUID buyer = UUID.randomUUID();
        String to = "on-request-" + buyer + "@globex.example";
        String tenant = EmailDeliveryTestSupport.tenantWithContact(buyer, to, "en");
        reminderBurst(tenant, buyer, 60);

        Awaitility.await().atMost(SOON.multipliedBy(3)).until(() -> Database.count(
                "select count(*) from message where tenant_id = ? and status = 'SENT'", tenant) == 60);
        assertEquals(60, GreenMailResource.to(to).size(), "each email handed over once");
    }

    @Test
    void aLetterAndAnEmailCarryingItAreSentAtOnceOnTheirFirstAttempt() {
        UUID buyer = UUID.randomUUID();
        String tenant = LetterDeliveryTest.tenant(buyer, "en", false);
        UUID letter = LetterDeliveryTest.requested(tenant, buyer, "dunning.payment-request", "LETTER",
                dunningData(buyer), false);
        Map<String, Object> demand = dunningData(buyer);
        demand.put("paymentDeadline", "2026-12-20");
        UUID email = LetterDeliveryTest.requested(tenant, buyer, "dunning.formal-demand", "EMAIL", demand, true);

        for (UUID id : List.of(letter, email)) {
            Awaitility.await().atMost(SOON).until(() -> Database.count(
                    "select count(*) from message where request_id = ? and status = 'SENT'", id) == 1);
            // a failed first attempt (a context Panache refuses) would be retried after 30 s at the earliest
            assertEquals(1L, Database.count("select count(*) from message_attempt where request_id = ?", id), id.toString());
        }
        assertEquals(1, PrintProviderResource.PROVIDER.at(PrintProviderResource.PATH).stream()
                .filter(p -> letter.toString().equals(p.messageId())).count(), "printed once");
        assertEquals(1, GreenMailResource.to("li-" + buyer + "@globex.example").size(), "mailed once");
    }
}
