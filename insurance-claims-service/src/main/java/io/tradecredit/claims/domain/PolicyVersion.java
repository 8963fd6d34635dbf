package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of a policy's terms, in force from {@code effectiveFrom} until the next version's
 * effective date. Versions are never changed; a change of terms is a new version.
 */
public record PolicyVersion(UUID policyId, int version, LocalDate effectiveFrom, PolicyTerms terms,
        OffsetDateTime recordedAt, String recordedBy) {

    /**
     * The version in force on {@code day}: of those effective on or before it, the latest effective
     * date, and of two with the same date the later version (a correction). None before the first.
     */
    public static Optional<PolicyVersion> inForce(List<PolicyVersion> versions, LocalDate day) {
        return versions.stream().filter(v -> !v.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(PolicyVersion::effectiveFrom).thenComparingInt(PolicyVersion::version));
    }
}
