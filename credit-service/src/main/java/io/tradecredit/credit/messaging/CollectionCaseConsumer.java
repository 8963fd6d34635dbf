package io.tradecredit.credit.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tradecredit.common.events.BatchInbox;
import io.tradecredit.common.events.EventFields;
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
    /** Skipped before parsing: the topic carries a dunning run's step-taken event per buyer, of no interest here. */
    static final Set<String> READS = Set.of("io.tradecredit.collections.promise-broken.v1");

    @Inject
    BatchInbox inbox;

    @Inject
    PromiseSignals promises;

    /**
     * A poll at a time (the channel has {@code batch=true}): a dunning run publishes a step-taken event per
     * buyer, 100,000 for a million invoices, all skipped here, and a poll's worth in one pass instead of one
     * record at a time is what keeps this reader up with a run (docs/performance.md, issue 12); an event of
     * interest that cannot be read still goes to the DLQ alone (chassis {@link BatchInbox}).
     */
    @Incoming("collection-cases")
    public Uni<Void> on(KafkaRecordBatch<String, String> batch) {
        return inbox.receiveAll(InvoiceEventConsumer.CONSUMER, batch, READS, this::apply);
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
