package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.InsuranceCover;
import io.tradecredit.collections.persistence.InsuredLimitStore;
import io.tradecredit.common.persistence.CurrentTransaction;

/**
 * Which buyers the tenant's credit insurance covers, for the segment rules' "insured"
 * (docs/collections-service.md, "Insured buyers"): the insurer's limit decisions from
 * {@code insured-limit-changed}, kept as decided; {@link InsuranceCover} judges a day.
 */
@ApplicationScoped
public class InsuredBuyers {
    @Inject
    InsuredLimitStore store;

    @Inject
    Clock clock;

    /** An insurer's decision on a buyer's limit was recorded (called in the inbox's transaction). */
    public Uni<Void> decided(String tenantId, UUID buyerId, String decisionId, InsuranceCover.Decision decision) {
        return CurrentTransaction.run(() -> store.record(tenantId, buyerId, decisionId, decision, OffsetDateTime.now(clock)));
    }

    /** Whether the buyer is insured on {@code day}. */
    public Uni<Boolean> insuredOn(String tenantId, UUID buyerId, LocalDate day) {
        return CurrentTransaction.run(() -> store.coverOf(tenantId, buyerId)).map(c -> c.insuredOn(day));
    }
}
