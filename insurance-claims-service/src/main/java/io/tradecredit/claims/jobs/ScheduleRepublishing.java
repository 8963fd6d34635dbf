package io.tradecredit.claims.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.app.InsuredLimitSchedules;

/**
 * Publishes, soon after startup, the insured-limit schedule of every buyer the upgrade to
 * {@code insured-limit-schedule-changed} left due (V12; docs/insurance-claims-service.md, "Upgrading to the
 * schedule"). Looked at again every {@code tradecredit.claims.schedule-republish-every} in case a start
 * failed half-way: an empty table costs one statement. Replicas take different buyers.
 */
@ApplicationScoped
public class ScheduleRepublishing {
    @Inject
    InsuredLimitSchedules schedules;

    @Scheduled(delayed = "2s", every = "${tradecredit.claims.schedule-republish-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> republishDue() {
        return schedules.republishDue().replaceWithVoid();
    }
}
