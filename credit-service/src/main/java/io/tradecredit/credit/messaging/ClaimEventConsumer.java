package io.tradecredit.credit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.Inbox;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.credit.app.InsuranceStops;

/**
 * Reads {@code claim-events} (schemas {@code io.tradecredit.claims.*.v1}) once per event id:
 * {@code stop-deliveries-started} is recorded ({@link InsuranceStops}) so that the credit check says new
 * deliveries to the buyer are not insured. Every other type is skipped; a stop-deliveries-started that cannot be
 * read goes to the DLQ {@code claim-events.dlq.credit-service}.
 */
@ApplicationScoped
public class ClaimEventConsumer {
    @Inject
    Inbox inbox;

    @Inject
    InsuranceStops stops;

    @Incoming("claim-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.receive(InvoiceEventConsumer.CONSUMER, record, this::apply).replaceWithVoid();
    }

    Uni<Void> apply(IncomingEvent e) {
        if (!"stop-deliveries-started".equals(e.nameFrom("claims"))) {
            return Uni.createFrom().voidItem();
        }
        EventFields d = e.fields();
        return stops.started(e.tenantId(), d.uuid("buyerId"), d.uuid("policyId"), d.date("from"),
                d.uuid("notificationId"));
    }
}
