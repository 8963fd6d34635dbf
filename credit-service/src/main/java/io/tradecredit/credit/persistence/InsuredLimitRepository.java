package io.tradecredit.credit.persistence;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.credit.domain.InsuredLimitDecision.Announced;
import io.vertx.mutiny.sqlclient.Tuple;

/** The insurer's decisions on buyers' insured limits (V7); the credit check reads them for its split. */
@ApplicationScoped
public class InsuredLimitRepository {

    /** Kept once per policy and decision id: a decision announced again changes nothing. */
    public Uni<Void> record(String tenantId, Announced d, OffsetDateTime at) {
        return CurrentTransaction.execute("""
                insert into insured_limit_decision (tenant_id, policy_id, decision_id, buyer_id, policy_number, insurer,
                    outcome, amount, currency, effective_from, expires_on, source, recorded_on, received_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) on conflict do nothing""",
                Tuple.from(new Object[] {tenantId, d.policyId(), d.decisionId(), d.buyerId(), d.policyNumber(),
                        d.insurer(), d.outcome().name(), d.amount() == null ? null : d.amount().amount(),
                        d.currency(), d.effectiveFrom(), d.expiresOn(), d.source(), d.recordedOn(), at}))
                .replaceWithVoid();
    }
}
