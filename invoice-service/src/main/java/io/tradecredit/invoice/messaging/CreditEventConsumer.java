package io.tradecredit.invoice.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.Inbox;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.invoice.app.Buyers;
import io.tradecredit.invoice.domain.AgreedTerms;

/**
 * Reads {@code credit-events} once per event id: a {@code buyer-registered} event makes the
 * buyer known to its tenant here ({@link Buyers}), with its agreed terms, which the invoicing policy's
 * {@code unknownBuyers: REFUSE}, the buyer endpoints and the agreed-terms check rely on; a {@code limit-changed}
 * event carries the buyer's payment term after a limit decision, a {@code payment-term-changed} event a term a
 * credit manager changed on its own. The other credit events have no use in invoice-service and are skipped
 * (their ids still go into the inbox); an event of those three without a readable buyer id goes to the DLQ.
 */
@ApplicationScoped
public class CreditEventConsumer {
    static final String CONSUMER = "invoice-service";
    public static final String TOPIC = TopicNames.CREDIT_EVENTS;
    public static final String BUYER_REGISTERED = "io.tradecredit.credit.buyer-registered.v1";
    public static final String LIMIT_CHANGED = "io.tradecredit.credit.limit-changed.v1";
    public static final String PAYMENT_TERM_CHANGED = "io.tradecredit.credit.payment-term-changed.v1";

    @Inject
    Inbox inbox;

    @Inject
    Buyers buyers;

    @Incoming("credit-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.receive(CONSUMER, record, this::apply).replaceWithVoid();
    }

    Uni<Void> apply(IncomingEvent e) {
        EventFields d = e.fields();
        if (BUYER_REGISTERED.equals(e.type())) {
            return buyers.registered(e.tenantId(), d.uuid("buyerId"), e.time(),
                    new AgreedTerms(integerOrNull(d, "paymentTermDays"), integerOrNull(d, "firstOrderTermDays")));
        }
        if (LIMIT_CHANGED.equals(e.type()) && d.has("paymentTermDays") || PAYMENT_TERM_CHANGED.equals(e.type())) {
            return buyers.termChanged(e.tenantId(), d.uuid("buyerId"), d.integer("paymentTermDays"));
        }
        return Uni.createFrom().voidItem();
    }

    /** A field events from before it lack. */
    private static Integer integerOrNull(EventFields d, String field) {
        return d.has(field) ? d.integer(field) : null;
    }
}
