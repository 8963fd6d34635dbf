package io.tradecredit.credit.app;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.credit.domain.InsuredLimitDecision;
import io.tradecredit.credit.persistence.InsuredLimitRepository;

/**
 * Insured limits as insurance-claims-service announces its insurers' decisions ({@code insured-limit-changed}):
 * each decision is kept, so that the credit check computes the limit in force on any day
 * ({@code domain.InsuredLimits}) and splits the buyer's exposure into insured and uninsured parts.
 */
@ApplicationScoped
public class InsuredLimits {
    @Inject
    InsuredLimitRepository decisions;

    @Inject
    Clock clock;

    /** Inside the inbox's transaction. */
    public Uni<Void> changed(String tenantId, InsuredLimitDecision.Announced decision) {
        return decisions.record(tenantId, decision, OffsetDateTime.now(clock));
    }
}
