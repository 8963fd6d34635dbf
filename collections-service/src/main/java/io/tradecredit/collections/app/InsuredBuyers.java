package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.persistence.InsuredLimitStore;
import io.tradecredit.common.insurance.InsuredLimitSchedule;
import io.tradecredit.common.persistence.CurrentTransaction;

/**
 * Which buyers the tenant's credit insurance covers, for the segment rules' "insured"
 * (docs/collections-service.md, "Insured buyers"): each buyer's insured-limit schedule from
 * {@code insured-limit-schedule-changed}, kept whole; insured on a day is a limit above zero in force
 * then ({@link InsuredLimitSchedule#insuredOn}). The rule that makes the schedule is insurance-claims-service's.
 */
@ApplicationScoped
public class InsuredBuyers {
    @Inject
    InsuredLimitStore store;

    @Inject
    Clock clock;

    /** claims published the buyer's schedule (called in the inbox's transaction). */
    public Uni<Void> scheduleChanged(String tenantId, UUID buyerId, InsuredLimitSchedule schedule,
            OffsetDateTime computedAt) {
        return CurrentTransaction.run(() -> store.keep(tenantId, buyerId, schedule, computedAt,
                OffsetDateTime.now(clock)));
    }

    /** Whether the buyer is insured on {@code day}. */
    public Uni<Boolean> insuredOn(String tenantId, UUID buyerId, LocalDate day) {
        return CurrentTransaction.run(() -> store.scheduleOf(tenantId, buyerId)).map(s -> s.insuredOn(day));
    }
}
