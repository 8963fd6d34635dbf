package io.tradecredit.claims.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.LimitSchedule;
import io.tradecredit.claims.domain.LimitDecision;
import io.tradecredit.claims.domain.PolicyVersion;
import io.tradecredit.claims.events.ClaimEvents;
import io.tradecredit.claims.persistence.InsuredLimitRepository;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.insurance.InsuredLimitSchedule;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;

/**
 * Publishes a buyer's effective insured-limit schedule ({@code insured-limit-schedule-changed}) whenever it
 * may have changed: after each decision recorded, and once for every buyer after the upgrade that
 * introduced the event (V12), so that credit- and collections-service hold every buyer's schedule.
 */
@ApplicationScoped
public class InsuredLimitSchedules {
    private static final Logger LOG = Logger.getLogger(InsuredLimitSchedules.class);
    /** Buyers republished per transaction: one outbox row each. */
    static final int BATCH = 200;

    @Inject
    Policies policies;

    @Inject
    InsuredLimitRepository limits;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * Computes the buyer's schedule from its decisions under every policy of the tenant and records the event;
     * in the caller's transaction. {@code cause}: DECISION or REPUBLISHED.
     */
    public Uni<InsuredLimitSchedule> publish(String tenantId, UUID buyerId, String cause) {
        return CurrentTransaction.run(() -> limits.lockBuyer(tenantId, buyerId)
                .chain(() -> limits.decisionsOfBuyer(tenantId, buyerId))
                .chain(byPolicy -> policiesOf(tenantId, byPolicy))
                .map(LimitSchedule::of)
                .call(schedule -> outbox.record(ClaimEvents.insuredLimitScheduleChanged(tenantId, buyerId, schedule,
                        OffsetDateTime.now(clock), cause))));
    }

    /** Publishes the schedule of every buyer still due after the upgrade, a batch per transaction; answers how many. */
    public Uni<Integer> republishDue() {
        return Multi.createBy().repeating().uni(() -> CurrentTransaction.run(() -> limits.takeDue(BATCH)
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(b -> publish(b.getKey(), b.getValue(), "REPUBLISHED"))
                        .collect().asList().map(List::size))))
                .whilst(n -> n == BATCH)
                .collect().asList().map(counts -> counts.stream().mapToInt(Integer::intValue).sum())
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("republished the insured-limit schedule of %d buyers", n);
                    }
                });
    }

    private Uni<List<LimitSchedule.PolicyDecisions>> policiesOf(String tenantId,
            Map<UUID, List<LimitDecision>> byPolicy) {
        return Multi.createFrom().iterable(byPolicy.entrySet())
                .onItem().transformToUniAndConcatenate(e -> policies.current(tenantId, e.getKey())
                        .map((PolicyVersion v) -> new LimitSchedule.PolicyDecisions(e.getKey(),
                                Money.currencyOf(v.terms().currency()), e.getValue())))
                .collect().in(ArrayList::new, List::add);
    }
}
