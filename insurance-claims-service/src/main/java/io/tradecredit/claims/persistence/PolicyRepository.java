package io.tradecredit.claims.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.PolicyVersion;

/** A tenant's policies and their versions; another tenant's policy is not found. */
@ApplicationScoped
public class PolicyRepository {

    /** Whether the tenant has the policy. */
    public Uni<Boolean> exists(String tenantId, UUID policyId) {
        return PolicyRow.count("tenantId = ?1 and id = ?2", tenantId, policyId).map(n -> n > 0);
    }

    /** The policy with this number, if the tenant has one. */
    public Uni<Optional<UUID>> withNumber(String tenantId, String policyNumber) {
        return PolicyRow.<PolicyRow>find("tenantId = ?1 and policyNumber = ?2", tenantId, policyNumber).firstResult()
                .map(row -> Optional.ofNullable(row).map(r -> r.id));
    }

    /** Inserts a new policy with its first version. */
    public Uni<Void> create(String tenantId, PolicyVersion first, OffsetDateTime at, String by) {
        PolicyRow row = new PolicyRow();
        row.id = first.policyId();
        row.tenantId = tenantId;
        row.policyNumber = first.terms().policyNumber();
        row.createdAt = at;
        row.createdBy = by;
        return row.persist().chain(() -> PolicyVersionRow.of(tenantId, first).persist()).replaceWithVoid();
    }

    /** Adds a version; the policy's number follows its newest version. */
    public Uni<Void> addVersion(String tenantId, PolicyVersion version) {
        return PolicyRow.<PolicyRow>find("tenantId = ?1 and id = ?2", tenantId, version.policyId()).firstResult()
                .chain(row -> {
                    row.policyNumber = version.terms().policyNumber();
                    return PolicyVersionRow.of(tenantId, version).persist();
                }).replaceWithVoid();
    }

    /** Every version of the policy, oldest first; empty for another tenant's. */
    public Uni<List<PolicyVersion>> versions(String tenantId, UUID policyId) {
        return PolicyVersionRow.<PolicyVersionRow>list("tenantId = ?1 and policyId = ?2", Sort.by("version"), tenantId,
                policyId).map(rows -> rows.stream().map(PolicyVersionRow::toVersion).toList());
    }

    /** Every version of every policy of the tenant, by policy and version. */
    public Uni<List<PolicyVersion>> allVersions(String tenantId) {
        return PolicyVersionRow.<PolicyVersionRow>list("tenantId", Sort.by("policyId").and("version"), tenantId)
                .map(rows -> rows.stream().map(PolicyVersionRow::toVersion).toList());
    }

    /** The secret the insurer's system signs its callbacks with; empty if unset or no such policy. */
    public Uni<Optional<String>> callbackSecret(UUID policyId) {
        return PolicyRow.<PolicyRow>findById(policyId).map(row -> Optional.ofNullable(row).map(r -> r.callbackSecret));
    }

    /** The tenant of a policy, whoever asks (the insurer's callback carries no token). */
    public Uni<Optional<String>> tenantOf(UUID policyId) {
        return PolicyRow.<PolicyRow>findById(policyId).map(row -> Optional.ofNullable(row).map(r -> r.tenantId));
    }

    public Uni<Void> setCallbackSecret(String tenantId, UUID policyId, String secret) {
        return PolicyRow.update("callbackSecret = ?1 where tenantId = ?2 and id = ?3", secret, tenantId, policyId)
                .replaceWithVoid();
    }
}
