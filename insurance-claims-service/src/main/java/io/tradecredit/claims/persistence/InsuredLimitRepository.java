package io.tradecredit.claims.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.LimitDecision;
import io.tradecredit.claims.domain.LimitRequest;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Tuple;

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

    /** The policy's request {@code requestId}, if the tenant made it. */
    public Uni<Optional<LimitRequest>> request(String tenantId, UUID policyId, UUID requestId) {
        return LimitRequestRow.<LimitRequestRow>find("tenantId = ?1 and policyId = ?2 and id = ?3", tenantId, policyId,
                requestId).firstResult().map(row -> Optional.ofNullable(row).map(LimitRequestRow::toRequest));
    }

    /** The decision recorded under the insurer's reference, if any. */
    public Uni<Optional<LimitDecision>> decision(UUID policyId, String decisionId) {
        return LimitDecisionRow.<LimitDecisionRow>find("policyId = ?1 and decisionRef = ?2", policyId, decisionId)
                .firstResult().map(row -> Optional.ofNullable(row).map(LimitDecisionRow::toDecision));
    }

    /**
     * Records the decision; the answer carries its place in the recording order. Empty when the insurer's
     * reference was recorded in the meantime (the same decision delivered twice at once): {@code on conflict
     * do nothing} lets the later insert wait for the first and step aside instead of failing.
     */
    public Uni<Optional<LimitDecision>> addDecision(String tenantId, UUID policyId, LimitDecision d) {
        Tuple row = Tuple.tuple().addString(tenantId).addUUID(policyId).addUUID(d.buyerId()).addString(d.decisionId())
                .addString(d.outcome().name()).addBigDecimal(d.amount() == null ? null : d.amount().amount())
                .addString(d.amount() == null ? null : d.amount().currencyCode()).addLocalDate(d.effectiveFrom())
                .addLocalDate(d.expiresOn()).addUUID(d.requestId()).addString(d.source().name())
                .addOffsetDateTime(d.recordedAt()).addString(d.recordedBy());
        return CurrentTransaction.execute("""
                insert into limit_decision (tenant_id, policy_id, buyer_id, decision_ref, outcome, amount, currency,
                    effective_from, expires_on, request_id, source, recorded_at, recorded_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                on conflict (policy_id, decision_ref) do nothing returning seq""", row)
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(d.recordedAs(it.next().getLong("seq"))) : Optional.empty();
                });
    }

    /** The buyer's decisions under every policy of the tenant, by policy, each in recording order. */
    public Uni<Map<UUID, List<LimitDecision>>> decisionsOfBuyer(String tenantId, UUID buyerId) {
        return LimitDecisionRow.<LimitDecisionRow>list("tenantId = ?1 and buyerId = ?2", Sort.by("seq"), tenantId, buyerId)
                .map(rows -> {
                    Map<UUID, List<LimitDecision>> byPolicy = new LinkedHashMap<>();
                    rows.forEach(r -> byPolicy.computeIfAbsent(r.policyId, k -> new ArrayList<>()).add(r.toDecision()));
                    return byPolicy;
                });
    }

    /**
     * Serialises the computations of one buyer's schedule until the transaction ends, so that a schedule
     * computed after another (and so published after it) has read that one's decisions.
     */
    public Uni<Void> lockBuyer(String tenantId, UUID buyerId) {
        return CurrentTransaction.execute("select pg_advisory_xact_lock(hashtextextended($1, 0))",
                Tuple.of("insured-limit:" + tenantId + ":" + buyerId)).replaceWithVoid();
    }

    /**
     * Takes up to {@code max} buyers still waiting to have their schedule republished (V12), locked so that
     * another replica takes others, and removes them in the same transaction.
     */
    public Uni<List<Map.Entry<String, UUID>>> takeDue(int max) {
        return CurrentTransaction.execute("""
                delete from insured_limit_schedule_due where (tenant_id, buyer_id) in (
                    select tenant_id, buyer_id from insured_limit_schedule_due limit $1 for update skip locked)
                returning tenant_id, buyer_id""", Tuple.of(max)).map(rows -> {
                    List<Map.Entry<String, UUID>> out = new ArrayList<>();
                    rows.forEach(r -> out.add(Map.entry(r.getString("tenant_id"), r.getUUID("buyer_id"))));
                    return out;
                });
    }

    /** The decisions on the buyer's limit under the policy, in recording order. */
    public Uni<List<LimitDecision>> decisions(String tenantId, UUID policyId, UUID buyerId) {
        return LimitDecisionRow.<LimitDecisionRow>list("tenantId = ?1 and policyId = ?2 and buyerId = ?3", Sort.by("seq"),
                tenantId, policyId, buyerId).map(rows -> rows.stream().map(LimitDecisionRow::toDecision).toList());
    }
}
