package io.tradecredit.invoice.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.Inbox;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.invoice.app.Buyers;

/**
 * Reads {@code credit-events} once per event id: a {@code buyer-registered} event makes the
 * buyer known to its tenant here ({@link Buyers}), which the invoicing policy's
 * {@code unknownBuyers: REFUSE} and the buyer endpoints rely on. The other credit events have no
 * use in invoice-service yet and are skipped (their ids still go into the inbox); a
 * buyer-registered event without a readable buyer id goes to the DLQ.
 */
@ApplicationScoped
public class CreditEventConsumer {
    static final String CONSUMER = "invoice-service";
    public static final String TOPIC = TopicNames.CREDIT_EVENTS;
    public static final String BUYER_REGISTERED = "io.tradecredit.credit.buyer-registered.v1";

    @Inject
    Inbox inbox;

    @Inject
    Buyers buyers;

    @Incoming("credit-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.receive(CONSUMER, record, this::apply).replaceWithVoid();
    }

    Uni<Void> apply(IncomingEvent e) {
        if (!BUYER_REGISTERED.equals(e.type())) {
            return Uni.createFrom().voidItem();
        }
        return buyers.registered(e.tenantId(), e.fields().uuid("buyerId"), e.time());
    }
}
