package io.tradecredit.collections.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.Insolvency;
import io.tradecredit.collections.app.ReadModel;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.Inbox;
import io.tradecredit.common.events.IncomingEvent;

/**
 * Reads {@code credit-events} once per event id into the read model's buyers: who the buyer is
 * (buyer-registered: name, country, registration number, tax id), its grade (buyer-assessed; the
 * ladder's segments look at it) and whether credit-service blocked it, for an insolvency filing or not
 * ({@link Insolvency}: no more dunning messages then). Other credit events are
 * skipped; a known one that cannot be read goes to the DLQ.
 */
@ApplicationScoped
public class CreditEventConsumer {
    static final String CONSUMER = "collections-service";
    /** Who a withdrawal for credit-service's block of an insolvent buyer is logged as. */
    static final String CREDIT = "credit-service";

    @Inject
    Inbox inbox;

    @Inject
    ReadModel readModel;

    @Inject
    Insolvency insolvency;

    @Incoming("credit-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.receive(CONSUMER, record, this::apply).replaceWithVoid();
    }

    Uni<Void> apply(IncomingEvent e) {
        String name = e.nameFrom("credit");
        if (name == null) {
            return Uni.createFrom().voidItem();
        }
        String tenant = e.tenantId();
        EventFields d = e.fields();
        return switch (name) {
            case "buyer-registered" -> readModel.buyerRegistered(tenant, d.uuid("buyerId"), d.text("name"),
                    d.text("country"), d.text("registrationNumber"), d.text("taxId"));
            case "buyer-assessed" -> readModel.buyerGraded(tenant, d.uuid("buyerId"), d.integer("grade"));
            case "buyer-blocked" -> insolvency.buyerBlocked(tenant, d.uuid("buyerId"), d.text("buyerName"),
                    d.text("reason"), d.optionalText("cause").orElse(null), CREDIT);
            case "buyer-unblocked" -> insolvency.buyerUnblocked(tenant, d.uuid("buyerId"), d.text("buyerName"));
            default -> Uni.createFrom().voidItem();
        };
    }
}
