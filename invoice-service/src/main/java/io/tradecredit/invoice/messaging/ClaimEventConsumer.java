package io.tradecredit.invoice.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.Inbox;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.invoice.app.Indemnities;
import io.tradecredit.invoice.domain.IndemnityPayment;
import io.tradecredit.invoice.domain.IndemnityPayment.ClaimedInvoice;

/**
 * Reads {@code claim-events} once per event id: an {@code indemnity-paid} event is a payment of
 * the buyer's credit insurer on a claim, booked by {@link Indemnities}. Every other claims event
 * is skipped; an indemnity-paid event that cannot be read or booked goes to the DLQ
 * {@code claim-events.dlq.invoice-service}.
 */
@ApplicationScoped
public class ClaimEventConsumer {
    @Inject
    Inbox inbox;

    @Inject
    Indemnities indemnities;

    @Incoming("claim-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.receive(CreditEventConsumer.CONSUMER, record, this::apply).replaceWithVoid();
    }

    Uni<Void> apply(IncomingEvent e) {
        if (!"indemnity-paid".equals(e.nameFrom("claims"))) {
            return Uni.createFrom().voidItem();
        }
        return indemnities.book(e.tenantId(), indemnityPaid(e.fields())).replaceWithVoid();
    }

    static IndemnityPayment indemnityPaid(EventFields d) {
        return new IndemnityPayment(d.uuid("claimId"), d.text("policyNumber"), d.text("insurer"), d.uuid("buyerId"),
                d.objects("invoices").stream()
                        .map(i -> new ClaimedInvoice(i.text("invoiceNumber"),
                                i.has("invoiceId") ? i.uuid("invoiceId") : null))
                        .toList(),
                d.money("amount"), d.money("indemnityPaid"), d.bool("fullyPaid"), d.date("paidOn"),
                d.text("recordedBy"));
    }
}
