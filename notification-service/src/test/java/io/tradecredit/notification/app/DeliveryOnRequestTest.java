package io.tradecredit.notification.app;

import static io.tradecredit.notification.Requests.dunningData;
import static io.tradecredit.notification.Requests.request;
import static io.tradecredit.notification.Requests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
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
import io.tradecredit.testing.Database;

/**
 * Critical requests are delivered as soon as they are stored, with no worker tick at all (the
 * scheduler is off here, as in every test): without the on-request pass they would stay QUEUED.
 */
@QuarkusTest
@TestProfile(DeliveryOnRequestTest.OnRequest.class)
@QuarkusTestResource(GreenMailResource.class)
class DeliveryOnRequestTest {

    public static class OnRequest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradecredit.notification.delivery.on-request", "true");
        }
    }

    @Test
    void aBurstLargerThanABatchIsSentWithoutWaitingForTheWorker() {
        UUID buyer = UUID.randomUUID();
        String to = "on-request-" + buyer + "@globex.example";
        String tenant = EmailDeliveryTestSupport.tenantWithContact(buyer, to, "en");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            UUID id = UUID.randomUUID();
            send(tenant, request(id, buyer, "dunning.friendly-reminder", "EMAIL", true, dunningData(buyer)));
            ids.add(id);
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Database.count(
                "select count(*) from message where tenant_id = ? and status = 'SENT'", tenant) == 60);
        assertEquals(60, GreenMailResource.to(to).size(), "each email handed over once");
    }
}
