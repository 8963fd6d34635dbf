package io.tradecredit.collections.app;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.AgencyPlacement;
import io.tradecredit.collections.domain.CollectionCase;
import io.tradecredit.collections.domain.PlacementEnd;
import io.tradecredit.collections.events.AgencyEvents;
import io.tradecredit.collections.persistence.AgencyPlacementRepository;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * A case closed by the tenant (paid, written off, claimed, abandoned) while an agency holds it: the
 * placement ends ({@code CASE_CLOSED}) and the agency is told on its topic, so it stops working a
 * debt that is over. A settlement the agency reported has ended the placement already: nothing to do.
 */
@ApplicationScoped
public class AgencyCaseClosing implements CaseClosing {
    @Inject
    AgencyPlacementRepository placements;

    @Inject
    Outbox outbox;

    @Inject
    BusinessTimeZone businessZone;

    @Override
    public Uni<Void> closing(String tenantId, CollectionCase closed, String actor) {
        return placements.currentOf(tenantId, closed.id()).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            AgencyPlacement ended = found.get().end(PlacementEnd.CASE_CLOSED, businessZone.today());
            return placements.end(tenantId, ended, actor).chain(() -> outbox.record(AgencyEvents.recalledToAgency(
                    tenantId, ended, "case closed: " + closed.closeReason())));
        });
    }
}
