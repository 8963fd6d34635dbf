package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One recorded deadline of an insured overdue invoice under a policy, as the deadlines job left it
 * (docs/insurance-claims-service.md, "Deadlines").
 *
 * @param extendedTo the end of the MEP its date counts from ({@link InvoiceDeadlines})
 * @param metBy what met it, with {@code metOn}; null unless MET
 * @param beforeTracking MISSED before the job began to track the policy ({@link Deadline#missedBeforeTracking}),
 *        told in the tenant's summary rather than on its own
 */
public record InsuredDeadline(UUID id, UUID policyId, UUID buyerId, UUID invoiceId, String invoiceNumber,
        DeadlineKind kind, LocalDate dueDate, LocalDate extendedTo, LocalDate deadline, DeadlineState state,
        LocalDate warnedOn, LocalDate metOn, Deadline.MetBy metBy, LocalDate missedOn, boolean beforeTracking) {
}
