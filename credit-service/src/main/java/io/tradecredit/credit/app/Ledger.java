package io.tradecredit.credit.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.EarlierEventMissing;
import io.tradecredit.credit.domain.Alert;
import io.tradecredit.credit.domain.InvoicePosition;
import io.tradecredit.credit.domain.LedgerChange;
import io.tradecredit.credit.domain.RegradeRule;
import io.tradecredit.credit.domain.RegradeRule.LedgerEvent;
import io.tradecredit.credit.persistence.BuyerRepository;
import io.tradecredit.credit.persistence.PositionRepository;

/**
 * Keeps the per-invoice positions (exposure, due dates, disputes, payment history) from the
 * ledger's events and re-grades the buyer when {@link RegradeRule} says an event speaks to its
 * credit; a dispute resolved with an adjustment of the buyer's credit policy also alerts the credit manager, in one
 * alert with what its re-grade did.
 * Runs inside the inbox's transaction.
 */
@ApplicationScoped
public class Ledger {

    @Inject
    PositionRepository positions;

    @Inject
    BuyerRepository buyers;

    @Inject
    Assessments assessments;

    @Inject
    Alerts alerts;

    @Inject
    Clock clock;

    /**
     * Applies the changes an event makes to the buyer's positions; when what happened calls for
     * it ({@link RegradeRule}), re-assesses the buyer if it is registered here.
     */
    public Uni<Void> apply(String tenantId, UUID buyerId, List<LedgerChange> changes, LedgerEvent happened) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Uni<Void> applied = Multi.createFrom().iterable(changes)
                .onItem().transformToUniAndConcatenate(c -> positions.findOwned(tenantId, c.invoiceId())
                        .chain(p -> p == null ? create(tenantId, buyerId, c, now) : update(p, c, now)))
                .collect().asList().replaceWithVoid();
        String regradeCause = RegradeRule.causeOf(happened);
        if (regradeCause == null) {
            return applied;
        }
        String policyReview = RegradeRule.policyReviewOf(happened);
        return applied.chain(() -> positions.flush()).chain(() -> buyers.lockOwned(tenantId, buyerId))
                .chain(b -> b == null ? Uni.createFrom().voidItem()
                        : policyReview == null ? assessments.reassess(b, regradeCause).replaceWithVoid()
                                : assessments.reassessUntold(b, regradeCause).chain(regrade -> {
                                    Alert.Notice n = Alert.withRegrade(
                                            new Alert.Notice(Alert.CREDIT_POLICY_REVIEW, policyReview), regrade);
                                    return alerts.raise(b, n.kind(), n.message()).replaceWithVoid();
                                }));
    }

    private Uni<Void> create(String tenantId, UUID buyerId, LedgerChange c, OffsetDateTime now) {
        InvoicePosition p = InvoicePosition.open(tenantId, buyerId, c, now);
        if (p == null) {
            // a change to an invoice whose issued event is not applied yet: waited for, then parked (not ignored)
            return Uni.createFrom().failure(new EarlierEventMissing(
                    "invoice " + c.invoiceId() + " of tenant " + tenantId + " is not issued here yet"));
        }
        return positions.persist(p).replaceWithVoid();
    }

    private Uni<Void> update(InvoicePosition p, LedgerChange c, OffsetDateTime now) {
        p.apply(c, now);
        return Uni.createFrom().voidItem();
    }
}
