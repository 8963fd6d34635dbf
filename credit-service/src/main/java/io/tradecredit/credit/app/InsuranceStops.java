package io.tradecredit.credit.app;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.credit.domain.InsuranceCover.StopCause;
import io.tradecredit.credit.persistence.StopDeliveriesRepository;

/**
 * Stop-deliveries as insurance-claims-service announced it: from the day on, new deliveries to the buyer are not
 * insured under the policy; the credit check reads it ({@code domain.InsuranceCover}).
 */
@ApplicationScoped
public class InsuranceStops {
    @Inject
    StopDeliveriesRepository stops;

    /** Inside the inbox's transaction; {@code cause} what started it (the credit check's reason names it). */
    public Uni<Void> started(String tenantId, UUID buyerId, UUID policyId, LocalDate from, UUID notificationId,
            StopCause cause) {
        return stops.started(tenantId, buyerId, policyId, from, notificationId, cause);
    }

    /**
     * Inside the inbox's transaction. insurance-claims-service no longer stands by the stop it announced for the
     * policy and buyer ({@code stop-deliveries-withdrawn}): the one it stands by now replaces it, {@code from} null
     * (none stands) lifts it.
     */
    public Uni<Void> withdrawn(String tenantId, UUID buyerId, UUID policyId, LocalDate from, UUID notificationId,
            StopCause cause) {
        return stops.replaced(tenantId, buyerId, policyId, from, notificationId, cause);
    }
}
