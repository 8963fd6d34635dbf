package io.tradecredit.claims.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.app.Buyers;
import io.tradecredit.claims.app.Claims;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.Inbox;
import io.tradecredit.common.events.IncomingEvent;

/**
 * Reads {@code credit-events} once per event id: a buyer blocked with the cause {@code INSOLVENCY} opens
 * claims at once ({@link Claims#openOnInsolvency}), keyed by the signal that blocked it (the event's id
 * when credit-service names none); a buyer registered is kept as the tenant's (common.domain.BuyerTenancy). A block without
 * that cause (older events carry none) and every other type are skipped; a buyer-blocked or buyer-registered it cannot
 * read goes to {@code credit-events.dlq.insurance-claims-service}.
 */
@ApplicationScoped
public class CreditEventConsumer {
    static final String INSOLVENCY = "INSOLVENCY";

    private static final Logger LOG = Logger.getLogger(CreditEventConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    Claims claims;

    @Inject
    Buyers buyers;

    @Incoming("credit-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.receive(InvoiceEventConsumer.CONSUMER, record, this::apply).replaceWithVoid();
    }

    Uni<Void> apply(IncomingEvent e) {
        if ("buyer-registered".equals(e.nameFrom("credit"))) {
            return buyers.registered(e.tenantId(), e.fields().uuid("buyerId"));
        }
        if (!"buyer-blocked".equals(e.nameFrom("credit"))) {
            return Uni.createFrom().voidItem();
        }
        EventFields d = e.fields();
        if (!d.optionalText("cause").filter(INSOLVENCY::equals).isPresent()) {
            LOG.debugf("buyer %s blocked without an insolvency cause: no claim", d.uuid("buyerId"));
            return Uni.createFrom().voidItem();
        }
        UUID signal = d.has("signalId") ? d.uuid("signalId")
                : UUID.nameUUIDFromBytes(e.id().getBytes(StandardCharsets.UTF_8));
        return claims.openOnInsolvency(e.tenantId(), d.uuid("buyerId"), d.text("buyerName"), signal).replaceWithVoid();
    }
}
