package io.tradecredit.claims.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.StopDeliveries;
import io.tradecredit.claims.events.ClaimEvents;
import io.tradecredit.claims.persistence.DeadlineRepository;
import io.tradecredit.claims.persistence.OverdueNotificationRepository;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.persistence.CurrentTransaction;

/**
 * Withdraws the stop-deliveries this service announced and no longer stands by (docs/insurance-claims-service.md,
 * "Withdrawing a stop"): V18 reopened stop-deliveries deadlines found missed before the deadlines counted from the MEP's
 * end, after their {@code stop-deliveries-started} (cause DEADLINE_MISSED) had gone out. For each buyer and policy V19
 * left due, {@code stop-deliveries-withdrawn} says the stop that stands now ({@link StopDeliveries#standing}), or none.
 */
@ApplicationScoped
public class StopDeliveriesWithdrawals {
    private static final Logger LOG = Logger.getLogger(StopDeliveriesWithdrawals.class);
    /** Buyers per transaction: one outbox row each. */
    static final int BATCH = 200;
    /** Why the stops are restated: the deadlines were corrected (V18). */
    static final String DEADLINES_CORRECTED = "DEADLINES_CORRECTED";

    @Inject
    Policies policies;

    @Inject
    DeadlineRepository deadlines;

    @Inject
    OverdueNotificationRepository notifications;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Publishes the stop of every buyer still due (V19), a batch per transaction; answers how many. */
    public Uni<Integer> publishDue() {
        return Multi.createBy().repeating().uni(() -> CurrentTransaction.run(() -> deadlines.takeStopsDue(BATCH)
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(this::publish)
                        .collect().asList().map(List::size))))
                .whilst(n -> n == BATCH)
                .collect().asList().map(counts -> counts.stream().mapToInt(Integer::intValue).sum())
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("withdrew the stop-deliveries no longer stood by of %d buyers", n);
                    }
                });
    }

    /** In the caller's transaction. */
    private Uni<Void> publish(DeadlineRepository.StopDue d) {
        return policies.current(d.tenantId(), d.policyId()).chain(policy -> notifications
                .firstStop(d.tenantId(), d.policyId(), d.buyerId())
                .chain(notified -> deadlines.firstMissedStop(d.tenantId(), d.policyId(), d.buyerId())
                        .map(missed -> StopDeliveries.standing(notified, missed)))
                .chain(standing -> outbox.record(ClaimEvents.stopDeliveriesWithdrawn(d.tenantId(), d.policyId(),
                        d.buyerId(), policy.terms(), standing, DEADLINES_CORRECTED, OffsetDateTime.now(clock)))))
                .replaceWithVoid();
    }
}
