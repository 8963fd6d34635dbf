package io.tradecredit.invoice.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tradecredit.common.events.BatchInbox;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.invoice.app.WriteOffs;
import io.tradecredit.invoice.app.WriteOffs.Abandonment;

/**
 * Reads {@code collection-cases} once per event id: an {@code abandonment-confirmed} event is
 * collections-service's request to write off the invoices of a debt two collectors abandoned,
 * done by {@link WriteOffs} as a finance user's write-off is. Every other type is skipped, so
 * collections-service can add events freely; an abandonment-confirmed event that cannot be read
 * goes to the DLQ {@code collection-cases.dlq.invoice-service}.
 */
@ApplicationScoped
public class CollectionCaseConsumer {
    /** Skipped before parsing: the topic carries a dunning run's step-taken event per buyer, of no interest here. */
    static final Set<String> READS = Set.of("io.tradecredit.collections.abandonment-confirmed.v1");

    @Inject
    BatchInbox inbox;

    @Inject
    WriteOffs writeOffs;

    /**
     * A poll at a time (the channel has {@code batch=true}): a dunning run publishes a step-taken event per
     * buyer, 100,000 for a million invoices, all skipped here, and a poll's worth in one pass instead of one
     * record at a time is what keeps this reader up with a run (docs/performance.md, issue 12); an event of
     * interest that cannot be read still goes to the DLQ alone (chassis {@link BatchInbox}).
     */
    @Incoming("collection-cases")
    public Uni<Void> on(KafkaRecordBatch<String, String> batch) {
        return inbox.receiveAll(CreditEventConsumer.CONSUMER, batch, READS, this::apply);
    }

    Uni<Void> apply(IncomingEvent e) {
        if (!"abandonment-confirmed".equals(e.nameFrom("collections"))) {
            return Uni.createFrom().voidItem();
        }
        EventFields d = e.fields();
        Abandonment abandonment = new Abandonment(d.uuid("caseId"),
                d.objects("invoices").stream().map(i -> i.uuid("invoiceId")).toList(),
                d.text("proposedBy"), d.text("confirmedBy"), d.date("confirmedOn"));
        return writeOffs.writeOffAbandoned(e.tenantId(), abandonment).replaceWithVoid();
    }
}
