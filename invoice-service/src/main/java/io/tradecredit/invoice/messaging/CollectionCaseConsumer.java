package io.tradecredit.invoice.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.Inbox;
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
    /** Skipped before parsing: the topic carries a step-taken event per dunned invoice, of no interest here. */
    static final Set<String> READS = Set.of("io.tradecredit.collections.abandonment-confirmed.v1");

    @Inject
    Inbox inbox;

    @Inject
    WriteOffs writeOffs;

    @Incoming("collection-cases")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.receive(CreditEventConsumer.CONSUMER, record, READS, this::apply).replaceWithVoid();
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
