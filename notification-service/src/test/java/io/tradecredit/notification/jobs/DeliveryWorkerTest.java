package io.tradecredit.notification.jobs;

import static io.tradecredit.notification.Requests.reminderBurst;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.tradecredit.notification.GreenMailResource;
import io.tradecredit.notification.app.EmailDeliveryTestSupport;
import io.tradecredit.testing.Database;

/** The worker's pace: one tick delivers a burst larger than a batch, batch after batch. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class DeliveryWorkerTest {
    @Inject
    DeliveryWorker worker;

    @Test
    void oneTickDeliversABurstOfSixtyEmailsThoughABatchIsFifty() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String to = "burst-" + buyer + "@globex.example";
        String tenant = EmailDeliveryTestSupport.tenantWithContact(buyer, to, "en");
        reminderBurst(tenant, buyer, 60);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Database.count(
                "select count(*) from message where tenant_id = ? and status = 'QUEUED'", tenant) == 60);

        VertxContextSupport.subscribeAndAwait(() -> worker.deliver());

        assertEquals(60, Database.count("select count(*) from message where tenant_id = ? and status = 'SENT'", tenant));
        assertEquals(60, GreenMailResource.to(to).size());
    }
}
