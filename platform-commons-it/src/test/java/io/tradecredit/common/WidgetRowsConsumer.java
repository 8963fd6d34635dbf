package io.tradecredit.common;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tradecredit.common.events.BatchInbox;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.common.persistence.BulkInsert;
import io.tradecredit.common.persistence.BulkInsert.Column;

/** Consumes widget events a poll at a time into rows written by one insert per poll (BatchInboxTest). */
@ApplicationScoped
public class WidgetRowsConsumer {
    @Inject
    BatchInbox inbox;

    @Incoming("widget-rows")
    public Uni<Void> on(KafkaRecordBatch<String, String> batch) {
        return inbox.receiveAll("widget-rows-seen", batch, Set.of(WidgetSeenConsumer.WIDGET_CREATED), WidgetRowsConsumer::seen,
                rows -> BulkInsert.into("widget_seen", List.of(Column.text("event_id"), Column.text("tenant_id"),
                        Column.text("name")), rows, row -> Arrays.asList((Object[]) row)));
    }

    private static List<String[]> seen(IncomingEvent event) {
        // a widget event without a name goes to the DLQ
        return List.<String[]>of(new String[] { event.id(), event.tenantId(), event.fields().text("name") });
    }
}
