package io.tradecredit.collections.app;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

/**
 * A buyer in insolvency proceedings gets no dunning message (docs/collections-service.md, "Insolvency"): credit-service
 * blocked it for an insolvency filing (buyer-blocked, cause INSOLVENCY), or an insolvency claim is open on it
 * (claim-opened, cause INSOLVENCY). Either is recorded in the read model, which the run reads
 * ({@link io.tradecredit.collections.domain.SkipReason#BUYER_INSOLVENT}), and withdraws the messages requested of the
 * buyer not yet sent. A lifted block (buyer-unblocked) and a rejected or withdrawn claim end it. Called by the consumers
 * in the inbox's transaction.
 */
@ApplicationScoped
public class Insolvency {
    /** The cause both credit-service's block and a claim name an insolvency by. */
    static final String CAUSE = "INSOLVENCY";

    @Inject
    ReadModel readModel;

    @Inject
    Withdrawals withdrawals;

    /** credit-service blocked the buyer; {@code cause} null or unknown (events before the field) is not an insolvency. */
    public Uni<Void> buyerBlocked(String tenantId, UUID buyerId, String name, String reason, String cause,
            String actor) {
        boolean insolvent = CAUSE.equals(cause);
        return readModel.buyerBlocked(tenantId, buyerId, name, true, reason, insolvent)
                .chain(() -> insolvent ? withdrawals.afterInsolvency(tenantId, buyerId, actor) : Uni.createFrom().voidItem());
    }

    /** credit-service lifted the block: the buyer is dunned again, unless an insolvency claim is still open. */
    public Uni<Void> buyerUnblocked(String tenantId, UUID buyerId, String name) {
        return readModel.buyerBlocked(tenantId, buyerId, name, false, null, false);
    }

    /** A claim was opened; one for an insolvency stops the buyer's dunning messages. */
    public Uni<Void> claimOpened(String tenantId, UUID claimId, UUID buyerId, String cause, String actor) {
        return CAUSE.equals(cause) ? readModel.insolvencyClaimOpened(tenantId, claimId, buyerId)
                .chain(() -> withdrawals.afterInsolvency(tenantId, buyerId, actor)) : Uni.createFrom().voidItem();
    }

    /**
     * The claim was rejected or withdrawn. A paid indemnity does not end it: the insurer then holds the debt and the
     * buyer is still in proceedings.
     */
    public Uni<Void> claimEnded(String tenantId, UUID claimId) {
        return readModel.insolvencyClaimEnded(tenantId, claimId);
    }
}
