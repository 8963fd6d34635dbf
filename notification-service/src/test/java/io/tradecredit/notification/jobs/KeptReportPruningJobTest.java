package io.tradecredit.notification.jobs;

import static io.tradecredit.notification.Requests.dunningData;
import static io.tradecredit.notification.Requests.request;
import static io.tradecredit.notification.Requests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.GreenMailResource;
import io.tradecredit.notification.app.EmailDeliveryTestSupport;
import io.tradecredit.testing.Database;

/**
 * A delivery report kept for an SMS whose hand-over is never recorded (it failed; the provider named a wrong message)
 * stayed in {@code message_kept_report} for ever. Now the daily job drops it once 7 days old, counted, but not while its
 * SMS is still being handed over.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class KeptReportPruningJobTest {
    @Inject
    KeptReportPruningJob job;

    @Inject
    MeterRegistry metrics;

    @Test
    void aReportKeptForAHandOverNeverRecordedIsDroppedAfterSevenDaysUnlessItsSmsIsStillBeingHandedOver() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String tenant = EmailDeliveryTestSupport.tenantWithContact(buyer, "kept-" + buyer + "@globex.example", "en");
        UUID failed = message(tenant, buyer, "FAILED");
        UUID sending = message(tenant, buyer, "SENDING");
        UUID recent = message(tenant, buyer, "FAILED");
        keep(failed, "2026-11-30T23:59:00Z"); // 7 days and a minute before 8 December (UTC): past the retention
        keep(sending, "2026-11-01T00:00:00Z"); // older still, but its SMS is still being handed over
        keep(recent, "2026-12-01T00:00:00Z"); // exactly 7 days before: kept
        double before = dropped();

        // the day the service's clock has moved on to: 8 December 2026
        String summary = VertxContextSupport.subscribeAndAwait(() -> CurrentTransaction.run(() -> job.run(LocalDate.of(2026, 12, 8))));

        assertEquals("removed 1 SMS delivery reports kept past their retention as of 2026-12-08", summary);
        assertEquals(0, Database.count("select count(*) from message_kept_report where request_id = ?", failed));
        assertEquals(1, Database.count("select count(*) from message_kept_report where request_id = ?", sending));
        assertEquals(1, Database.count("select count(*) from message_kept_report where request_id = ?", recent));
        assertEquals(1.0, dropped() - before);
        // the next day the other one's seven days are past too
        VertxContextSupport.subscribeAndAwait(() -> CurrentTransaction.run(() -> job.run(LocalDate.of(2026, 12, 9))));
        assertEquals(0, Database.count("select count(*) from message_kept_report where request_id = ?", recent));
        assertEquals(2.0, dropped() - before);
    }

    private double dropped() {
        var counter = metrics.find("notification.sms.kept.reports.dropped").counter();
        return counter == null ? 0 : counter.count();
    }

    /** A message taken in, then in {@code status}: what the report's SMS became meanwhile. */
    private static UUID message(String tenant, UUID buyer, String status) {
        UUID id = UUID.randomUUID();
        send(tenant, request(id, buyer, "dunning.friendly-reminder", "EMAIL", true, dunningData(buyer)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Database.count(
                "select count(*) from message where request_id = ?", id) == 1);
        Database.execute("update message set status = ? where request_id = ?", status, id);
        return id;
    }

    private static void keep(UUID requestId, String receivedAt) {
        Database.execute("insert into message_kept_report (request_id, status, reason, received_at)"
                + " values (?, 'DELIVERED', null, cast(? as timestamptz))", requestId, receivedAt);
    }
}
