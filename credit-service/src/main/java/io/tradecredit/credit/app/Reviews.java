package io.tradecredit.credit.app;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.credit.domain.Buyer;
import io.tradecredit.credit.events.CreditEvents;
import io.tradecredit.credit.persistence.BuyerRepository;

/** Limit reviews (at least once a year): which are due, and announcing each due date once. */
@ApplicationScoped
public class Reviews {
    static final int BATCH = 10_000;

    @Inject
    BuyerRepository buyers;

    @Inject
    Outbox outbox;

    public Uni<Page<Buyer>> due(String tenantId, LocalDate asOf, int page, int size) {
        return Panache.withSession(() -> buyers.reviewsDue(tenantId, asOf, page, size));
    }

    /** For the daily job, inside its transaction: review-due once per buyer and due date. Returns how many. */
    public Uni<Integer> announceDue(LocalDate asOf) {
        return buyers.reviewsToAnnounce(asOf, BATCH).chain(due -> {
            due.forEach(Buyer::reviewAnnounced);
            return outbox.record(due.stream().map(b -> CreditEvents.reviewDue(b, asOf)).toList())
                    .replaceWith(due.size());
        });
    }
}
