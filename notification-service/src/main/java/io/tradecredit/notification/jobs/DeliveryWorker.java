package io.tradecredit.notification.jobs;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.app.Deliveries;

/**
 * Delivers what is due (batch after batch while batches come full), every {@code tradecredit.notification.delivery.every} (10 s by default;
 * {@code off} in the tests, which call {@link Deliveries#deliverDue} with the instant they need).
 * Not a daily job: messages wait for minutes and hours (send windows, retries), not for dates.
 */
@ApplicationScoped
public class DeliveryWorker {
    @Inject
    Deliveries deliveries;

    @Inject
    Clock clock;

    @Scheduled(identity = "notification-delivery", every = "${tradecredit.notification.delivery.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deliver() {
        return deliveries.deliverAllDue(clock.instant()).replaceWithVoid();
    }
}
