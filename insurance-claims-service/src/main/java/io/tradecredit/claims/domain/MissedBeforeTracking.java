package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A deadline found missed before the deadlines job began to track its policy ({@link Deadline#missedBeforeTracking}),
 * as the tenant's one summary lists it (docs/insurance-claims-service.md, "The first run").
 */
public record MissedBeforeTracking(UUID policyId, String policyNumber, DeadlineKind kind, LocalDate deadline) {
}
