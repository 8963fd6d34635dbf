package io.tradecredit.credit.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.credit.domain.Alert;
import io.tradecredit.credit.domain.Buyer;
import io.tradecredit.credit.events.CreditEvents;
import io.tradecredit.credit.persistence.AlertRepository;

/**
 * Alerts to the credit manager: stored for the work list, announced as alert-raised and told to the tenant's credit
 * manager by a {@code credit.alert} message request, all in the caller's transaction.
 */
@ApplicationScoped
public class Alerts {
    @Inject
    AlertRepository alerts;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Inside the caller's transaction. */
    public Uni<Alert> raise(Buyer buyer, String kind, String message) {
        Alert alert = Alert.raise(buyer, kind, message, OffsetDateTime.now(clock));
        return alerts.persist(alert).chain(() -> outbox.record(List.of(CreditEvents.alertRaised(buyer, alert),
                CreditEvents.alertRequest(buyer, alert)))).replaceWith(alert);
    }

    public Uni<Page<Alert>> search(String tenantId, UUID buyerId, boolean open, int page, int size) {
        return Panache.withSession(() -> alerts.search(tenantId, buyerId, open, page, size));
    }

    public Uni<Alert> acknowledge(String tenantId, UUID id, String by) {
        return Panache.withTransaction(() -> alerts.findOwned(tenantId, id).map(a -> {
            if (a == null) {
                throw DomainError.notFound("alert.not-found", "No alert " + id);
            }
            a.acknowledge(by, OffsetDateTime.now(clock));
            return a;
        }));
    }
}
