package io.tradecredit.claims.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.app.InsuredLimitSchedules;
import io.tradecredit.claims.app.StopDeliveriesWithdrawals;

/**
 * Publishes, soon after startup, the insured-limit schedule of every buyer the upgrade to
 * {@code insured-limit-schedule-changed} left due (V12; docs/insurance-claims-service.md, "Upgrading to the
 * schedule"). Looked at again every {@code tradecredit.claims.schedule-republish-every} in case a start
 * failed half-way: an empty table costs one statement. Replicas take different buyers. Likewise the stop-deliveries
 * of every buyer V19 left due ({@code stop-deliveries-withdrawn}; "Withdrawing a stop").
 */
@ApplicationScoped
public class ScheduleRepublishing {
    @Inject
    InsuredLimitSchedules schedules;

    @Inject
    StopDeliveriesWithdrawals stops;

    @Scheduled(delayed = "2s", every = "${tradecredit.claims.schedule-republish-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> republishDue() {
        return schedules.republishDue().chain(() -> stops.publishDue()).replaceWithVoid();
    }
}
