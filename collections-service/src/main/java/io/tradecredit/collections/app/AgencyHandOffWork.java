package io.tradecredit.collections.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.AgencyContract;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.DunningAction;
import io.tradecredit.collections.domain.HandOffRule;
import io.tradecredit.collections.domain.RecordedAgencyContract;
import io.tradecredit.collections.persistence.AgencyContractRepository;

/**
 * The ladder's agency hand-off steps, done in the daily run's transaction. The ladder says when the
 * question is asked; the tenant's contracts say whether and to whom ({@link AgencyContract#chooseFor}:
 * the cheapest agency whose hand-off rule the buyer meets on the run date). A buyer whose case is
 * with an agency already gets the step's instruction passed to that agency instead (the default
 * +180 step: it may now take legal action). No contract takes the buyer, or its case is in legal or
 * closed: the step is logged on the case (if there is one) and nothing else happens.
 */
@ApplicationScoped
public class AgencyHandOffWork implements StepWork {
    static final String ACTOR = "dunning-run";

    @Inject
    CollectionCases cases;

    @Inject
    AgencyPlacements placements;

    @Inject
    AgencyContractRepository contracts;

    @Inject
    OpenItems openItems;

    @Override
    public Set<DunningAction.Kind> kinds() {
        return Set.of(DunningAction.Kind.AGENCY_HANDOFF);
    }

    @Override
    public Uni<Void> take(List<Order> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // a catch-up may bring several: the last (highest) step speaks for them
        Order order = orders.get(orders.size() - 1);
        String tenant = order.tenantId();
        return cases.openCaseOf(tenant, order.buyerId()).chain(open -> open.isEmpty() ? handOffNew(order)
                : placements.currentOf(tenant, open.get().id()).chain(current -> current.isPresent()
                        ? placements.instruct(tenant, current.get(), order.stepKey(), order.action().key(),
                                order.runDate())
                        : handOff(order, open.get())));
    }

    private Uni<Void> handOffNew(Order order) {
        return choose(order).chain(agency -> agency.isEmpty() ? Uni.createFrom().voidItem()
                : cases.openFor(order.tenantId(), order.buyerId(), order.runDate(), ACTOR)
                        .chain(c -> placements.handOff(order.tenantId(), c.id(), agency.get(), ACTOR, order.stepKey(),
                                order.action().key(), order.runDate()))
                        .replaceWithVoid());
    }

    private Uni<Void> handOff(Order order, CaseView c) {
        if (!c.state().canMoveTo(CaseState.WITH_AGENCY)) {
            return skipped(order, c.id(), "the case is " + c.state());
        }
        return choose(order).chain(agency -> agency.isEmpty()
                ? skipped(order, c.id(), "no agency contract takes the buyer")
                : placements.handOff(order.tenantId(), c.id(), agency.get(), ACTOR, order.stepKey(), order.action().key(),
                        order.runDate())
                        .replaceWithVoid());
    }

    /** The agency to hand the buyer to on the run date, if any contract's rule (in its version in force that day) holds. */
    private Uni<Optional<String>> choose(Order order) {
        return contracts.list(order.tenantId(), order.runDate()).chain(all -> openItems.openItemsOf(order.tenantId(), order.buyerId())
                .map(items -> {
                    // judged per currency: its balance and its own oldest days past due
                    return AgencyContract.chooseFor(all.stream().map(RecordedAgencyContract::contract).toList(),
                            HandOffRule.Overdue.of(items.items(), order.runDate())).map(AgencyContract::agencyCode);
                }));
    }

    private Uni<Void> skipped(Order order, UUID caseId, String why) {
        return cases.log(order.tenantId(), caseId, "agency-hand-off-skipped", ACTOR,
                Map.of("stepKey", order.stepKey(), "reason", why));
    }
}
