package io.tradecredit.credit.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.Inbox;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.credit.app.PromiseSignals;

/**
 * Reads {@code collection-cases} (schemas {@code io.tradecredit.collections.*.v1}) once per event
 * id: a broken promise to pay is a payment-behaviour signal ({@link PromiseSignals}). Every other
 * type is skipped, so collections-service can add events freely; a promise-broken event that
 * cannot be read goes to the DLQ {@code collection-cases.dlq.credit-service}.
 */
@ApplicationScoped
public class CollectionCaseConsumer {
    /** Skipped before parsing: the topic carries a step-taken event per dunned invoice, of no interest here. */
    static final Set<String> READS = Set.of("io.tradecredit.collections.promise-broken.v1");

    @Inject
    Inbox inbox;

    @Inject
    PromiseSignals promises;

    @Incoming("collection-cases")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.receive(InvoiceEventConsumer.CONSUMER, record, READS, this::apply).replaceWithVoid();
    }

    Uni<Void> apply(IncomingEvent e) {
        if (!"promise-broken".equals(e.nameFrom("collections"))) {
            return Uni.createFrom().voidItem();
        }
        EventFields d = e.fields();
        return promises.promiseBroken(e.tenantId(), d.uuid("buyerId"), d.money("amount"), d.money("paid"),
                d.date("promisedDate"));
    }
}
