package io.tradecredit.notification.jobs;

import static io.tradecredit.notification.Requests.dunningData;
import static io.tradecredit.notification.Requests.request;
import static io.tradecredit.notification.Requests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.GreenMailResource;
import io.tradecredit.notification.app.EmailDeliveryTestSupport;
import io.tradecredit.testing.Database;

/** Withdrawals are dropped after their retention (90 days), but for a message still waiting to be sent. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class WithdrawalPruningJobTest {
    @Inject
    WithdrawalPruningJob job;

    @Test
    void aWithdrawalPastItsRetentionIsDroppedUnlessItsMessageIsStillQueued() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String tenant = EmailDeliveryTestSupport.tenantWithContact(buyer, "prune-" + buyer + "@globex.example", "en");
        UUID queued = UUID.randomUUID();
        send(tenant, request(queued, buyer, "dunning.friendly-reminder", "EMAIL", true, dunningData(buyer)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Database.count(
                "select count(*) from message where request_id = ? and status = 'QUEUED'", queued) == 1);
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        LocalDate asOf = LocalDate.of(2001, 6, 30);
        remember(tenant, old, "2001-03-31T23:59:00Z"); // 91 days before: past the retention
        remember(tenant, queued, "2001-01-01T00:00:00Z"); // older still, but its message is still QUEUED
        remember(tenant, recent, "2001-04-01T00:00:00Z"); // exactly 90 days before: kept

        String summary = VertxContextSupport.subscribeAndAwait(() -> CurrentTransaction.run(() -> job.run(asOf)));

        assertTrue(summary.startsWith("removed 1 withdrawals"), summary);
        assertEquals(0, Database.count("select count(*) from message_withdrawal where request_id = ?", old));
        assertEquals(1, Database.count("select count(*) from message_withdrawal where request_id = ?", queued));
        assertEquals(1, Database.count("select count(*) from message_withdrawal where request_id = ?", recent));
    }

    private static void remember(String tenant, UUID requestId, String receivedAt) {
        Database.execute("insert into message_withdrawal (tenant_id, request_id, reason, requested_by, received_at)"
                + " values (?, ?, 'paid', 'collections-service', cast(? as timestamptz))", tenant, requestId, receivedAt);
    }
}
