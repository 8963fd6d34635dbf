package io.tradecredit.credit.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.insurance.InsuredLimitSchedule;
import io.tradecredit.credit.persistence.InsuredLimitRepository;

/**
 * Insured limits as insurance-claims-service publishes them ({@code insured-limit-schedule-changed}): each buyer's
 * latest schedule is kept, so that the credit check reads the limit in force on its day and splits the buyer's
 * exposure into insured and uninsured parts. The rule that makes the schedule is claims' alone.
 */
@ApplicationScoped
public class InsuredLimits {
    @Inject
    InsuredLimitRepository schedules;

    @Inject
    Clock clock;

    /** Inside the inbox's transaction. */
    public Uni<Void> scheduleChanged(String tenantId, UUID buyerId, InsuredLimitSchedule schedule,
            OffsetDateTime computedAt) {
        return schedules.keep(tenantId, buyerId, schedule, computedAt, OffsetDateTime.now(clock));
    }
}
