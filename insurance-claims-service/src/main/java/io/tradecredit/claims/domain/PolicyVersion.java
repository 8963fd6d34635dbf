package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * One version of a policy's terms, in force from {@code effectiveFrom} until the next version's
 * effective date. Versions are never changed; a change of terms is a new version.
 */
public record PolicyVersion(UUID policyId, int version, LocalDate effectiveFrom, PolicyTerms terms,
        OffsetDateTime recordedAt, String recordedBy) {

    /**
     * The next version of the policy whose versions are {@code versions}: {@code terms} from {@code effectiveFrom}. A
     * revision keeps the policy's currency ({@link PolicyTerms#revising}) and takes effect on or after the policy's first
     * day, version 1's effective date (its inception: policy years count from it, {@link PolicyYear}). A revision dated
     * before it was recorded and made the policy in force on days before it began (a policy from 1 July 2026 revised from
     * 1 January 2026 read as in force, as version 2, on 1 March 2026, where it had answered 404), and left those days
     * outside every policy year. Refused, 400 {@code policy.invalid} naming {@code currency} and {@code effectiveFrom} as
     * they are wrong, nothing recorded; a revision of version 1's own day is a correction and wins that day.
     */
    public static PolicyVersion next(List<PolicyVersion> versions, PolicyTerms terms, LocalDate effectiveFrom,
            OffsetDateTime at, String by) {
        PolicyVersion first = versions.stream().min(Comparator.comparingInt(PolicyVersion::version)).orElseThrow();
        PolicyVersion last = versions.stream().max(Comparator.comparingInt(PolicyVersion::version)).orElseThrow();
        List<Violation> wrong = new ArrayList<>(terms.revisionViolations(last.terms()));
        if (effectiveFrom.isBefore(first.effectiveFrom())) {
            wrong.add(new Violation("effectiveFrom", "the policy begins on " + first.effectiveFrom()
                    + " (version 1): a revision takes effect on or after it"));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("policy.invalid", "The revision does not fit the policy", wrong);
        }
        return new PolicyVersion(last.policyId(), last.version() + 1, effectiveFrom, terms, at, by);
    }

    /**
     * The version in force on {@code day}: of those effective on or before it, the latest effective
     * date, and of two with the same date the later version (a correction). None before the first.
     */
    public static Optional<PolicyVersion> inForce(List<PolicyVersion> versions, LocalDate day) {
        return versions.stream().filter(v -> !v.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(PolicyVersion::effectiveFrom).thenComparingInt(PolicyVersion::version));
    }
}
