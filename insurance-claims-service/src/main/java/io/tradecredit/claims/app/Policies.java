package io.tradecredit.claims.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.PolicyTerms;
import io.tradecredit.claims.domain.PolicyVersion;
import io.tradecredit.claims.persistence.PolicyRepository;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/** A tenant's credit-insurance policies: created, revised as new versions, read as in force on a day. */
@ApplicationScoped
public class Policies {
    @Inject
    PolicyRepository policies;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /** A new policy whose terms apply from {@code effectiveFrom} (today when null); its number must be new to the tenant. */
    public Uni<PolicyVersion> create(String tenantId, PolicyTerms terms, LocalDate effectiveFrom, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        PolicyVersion first = new PolicyVersion(UUID.randomUUID(), 1,
                effectiveFrom == null ? businessZone.dateOf(now) : effectiveFrom, terms, now, by);
        return CurrentTransaction.run(() -> policies.withNumber(tenantId, terms.policyNumber()).chain(taken -> {
            if (taken.isPresent()) {
                return Uni.createFrom().failure(numberTaken(terms));
            }
            return policies.create(tenantId, first, now, by);
        })).replaceWith(first);
    }

    /**
     * New terms for the policy from {@code effectiveFrom} (today when null), as its next version, in the policy's
     * currency and not before its first day (domain.PolicyVersion#next, else 400 naming currency / effectiveFrom); the
     * versions before stay as they were, for the days they were in force.
     */
    public Uni<PolicyVersion> revise(String tenantId, UUID policyId, PolicyTerms terms, LocalDate effectiveFrom,
            String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return CurrentTransaction.run(() -> versions(tenantId, policyId)
                .chain(existing -> policies.withNumber(tenantId, terms.policyNumber()).chain(taken -> {
                    if (taken.isPresent() && !taken.get().equals(policyId)) {
                        return Uni.createFrom().failure(numberTaken(terms));
                    }
                    PolicyVersion next = PolicyVersion.next(existing, terms,
                            effectiveFrom == null ? businessZone.dateOf(now) : effectiveFrom, now, by);
                    return policies.addVersion(tenantId, next).replaceWith(next);
                })));
    }

    /** The policy's terms in force on {@code asOf} (today when null); 404 for another tenant's or before its first day. */
    public Uni<PolicyVersion> inForce(String tenantId, UUID policyId, LocalDate asOf) {
        LocalDate day = asOf == null ? businessZone.today() : asOf;
        return CurrentTransaction.run(() -> versions(tenantId, policyId)).map(all -> PolicyVersion.inForce(all, day)
                .orElseThrow(() -> DomainError.notFound("policy.not-in-force",
                        "Policy " + policyId + " is not in force on " + day + " (its first terms start "
                                + all.get(0).effectiveFrom() + ")")));
    }

    /** Every version of the policy, oldest first; 404 for another tenant's. */
    public Uni<List<PolicyVersion>> versions(String tenantId, UUID policyId) {
        return CurrentTransaction.run(() -> policies.versions(tenantId, policyId)).map(all -> {
            if (all.isEmpty()) {
                throw notFound(policyId);
            }
            return all;
        });
    }

    /**
     * Each of the tenant's policies as in force on {@code asOf} (today when null), or, for one not yet in
     * force, its first version; ordered by policy number.
     */
    public Uni<List<PolicyVersion>> list(String tenantId, LocalDate asOf) {
        LocalDate day = asOf == null ? businessZone.today() : asOf;
        return CurrentTransaction.run(() -> policies.allVersions(tenantId)).map(all -> {
            Map<UUID, List<PolicyVersion>> byPolicy = new LinkedHashMap<>();
            all.forEach(v -> byPolicy.computeIfAbsent(v.policyId(), k -> new ArrayList<>()).add(v));
            return byPolicy.values().stream().map(vs -> PolicyVersion.inForce(vs, day).orElse(vs.get(0)))
                    .sorted(java.util.Comparator.comparing(v -> v.terms().policyNumber())).toList();
        });
    }

    /**
     * Sets the secret the insurer's system signs its limit decisions with (docs/insurance-claims-service.md,
     * "The insurer's callback"); at least 32 characters so it cannot be guessed.
     */
    public Uni<Void> setCallbackSecret(String tenantId, UUID policyId, String secret) {
        if (secret == null || secret.length() < 32 || secret.length() > 200) {
            return Uni.createFrom().failure(DomainError.invalidField("policy.secret-invalid", "secret",
                    "is required: 32 to 200 characters"));
        }
        return CurrentTransaction.run(() -> versions(tenantId, policyId)
                .chain(() -> policies.setCallbackSecret(tenantId, policyId, secret)));
    }

    /** The policy's terms in force today, or its first if it is not in force yet; 404 for another tenant's. */
    public Uni<PolicyVersion> current(String tenantId, UUID policyId) {
        LocalDate today = businessZone.today();
        return versions(tenantId, policyId).map(all -> PolicyVersion.inForce(all, today).orElse(all.get(0)));
    }

    static DomainError notFound(UUID policyId) {
        return DomainError.notFound("policy.not-found", "There is no policy " + policyId);
    }

    private static DomainError numberTaken(PolicyTerms terms) {
        return DomainError.conflict("policy.number-taken",
                "Another policy of the tenant already has the number " + terms.policyNumber());
    }
}
