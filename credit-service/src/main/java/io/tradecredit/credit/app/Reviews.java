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
    @Inject
    BuyerRepository buyers;

    @Inject
    Outbox outbox;

    public Uni<Page<Buyer>> due(String tenantId, LocalDate asOf, int page, int size) {
        return Panache.withSession(() -> buyers.reviewsDue(tenantId, asOf, page, size));
    }

    /**
     * One batch of the daily job, in its transaction: review-due for up to {@code limit} buyers (of
     * every tenant) whose review fell due by {@code asOf} and was not announced yet, once per buyer
     * and due date. Each leaves the selection; returns how many, 0 when none is left.
     */
    public Uni<Integer> announceDue(LocalDate asOf, int limit) {
        return buyers.reviewsToAnnounce(asOf, limit).chain(due -> {
            due.forEach(Buyer::reviewAnnounced);
            return outbox.record(due.stream().map(b -> CreditEvents.reviewDue(b, asOf)).toList())
                    .replaceWith(due.size());
        });
    }
}
