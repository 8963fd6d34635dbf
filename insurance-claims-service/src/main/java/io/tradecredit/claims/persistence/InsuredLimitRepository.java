package io.tradecredit.claims.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.LimitDecision;
import io.tradecredit.claims.domain.LimitRequest;

/** Limit requests and decisions of a tenant's policies, all kept. */
@ApplicationScoped
public class InsuredLimitRepository {

    public Uni<Void> addRequest(String tenantId, LimitRequest request) {
        return LimitRequestRow.of(tenantId, request).persist().replaceWithVoid();
    }

    /** The policy's requests, optionally for one buyer, oldest first. */
    public Uni<List<LimitRequest>> requests(String tenantId, UUID policyId, UUID buyerId) {
        return (buyerId == null
                ? LimitRequestRow.<LimitRequestRow>list("tenantId = ?1 and policyId = ?2", Sort.by("requestedAt").and("id"),
                        tenantId, policyId)
                : LimitRequestRow.<LimitRequestRow>list("tenantId = ?1 and policyId = ?2 and buyerId = ?3",
                        Sort.by("requestedAt").and("id"), tenantId, policyId, buyerId))
                .map(rows -> rows.stream().map(LimitRequestRow::toRequest).toList());
    }

    public Uni<Boolean> hasRequest(String tenantId, UUID policyId, UUID requestId) {
        return LimitRequestRow.count("tenantId = ?1 and policyId = ?2 and id = ?3", tenantId, policyId, requestId)
                .map(n -> n > 0);
    }

    /** The decision recorded under the insurer's reference, if any. */
    public Uni<Optional<LimitDecision>> decision(UUID policyId, String decisionId) {
        return LimitDecisionRow.<LimitDecisionRow>find("policyId = ?1 and decisionRef = ?2", policyId, decisionId)
                .firstResult().map(row -> Optional.ofNullable(row).map(LimitDecisionRow::toDecision));
    }

    /** Records the decision; the answer carries its place in the recording order. */
    public Uni<LimitDecision> addDecision(String tenantId, UUID policyId, LimitDecision decision) {
        LimitDecisionRow row = LimitDecisionRow.of(tenantId, policyId, decision);
        return row.persistAndFlush().map(saved -> decision.recordedAs(row.seq));
    }

    /** The decisions on the buyer's limit under the policy, in recording order. */
    public Uni<List<LimitDecision>> decisions(String tenantId, UUID policyId, UUID buyerId) {
        return LimitDecisionRow.<LimitDecisionRow>list("tenantId = ?1 and policyId = ?2 and buyerId = ?3", Sort.by("seq"),
                tenantId, policyId, buyerId).map(rows -> rows.stream().map(LimitDecisionRow::toDecision).toList());
    }
}
