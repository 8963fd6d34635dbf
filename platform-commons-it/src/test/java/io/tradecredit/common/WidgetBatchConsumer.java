package io.tradecredit.common;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tradecredit.common.events.BatchInbox;

/** Consumes widget events a poll at a time through the batch inbox, as a busy consumer does (BatchInboxTest). */
@ApplicationScoped
public class WidgetBatchConsumer {
    @Inject
    BatchInbox inbox;

    @Incoming("widget-batches")
    public Uni<Void> on(KafkaRecordBatch<String, String> batch) {
        return inbox.receiveAll("widget-batch-seen", batch, Set.of(WidgetSeenConsumer.WIDGET_CREATED), event -> {
            String name = event.fields().text("name"); // a widget event without one goes to the DLQ
            return Panache.getSession().chain(s -> s
                    .createNativeQuery("insert into widget_seen (event_id, tenant_id, name) values (:id, :t, :n)")
                    .setParameter("id", event.id()).setParameter("t", event.tenantId())
                    .setParameter("n", name).executeUpdate())
                    .replaceWithVoid();
        });
    }
}
