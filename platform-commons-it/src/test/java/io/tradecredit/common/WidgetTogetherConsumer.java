package io.tradecredit.common;

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

/** Consumes widget events a poll at a time, the poll's new events handed over as one list (BatchInboxTest). */
@ApplicationScoped
public class WidgetTogetherConsumer {
    private static final List<Column> COLUMNS = List.of(Column.text("event_id"), Column.text("tenant_id"), Column.text("name"));

    @Inject
    BatchInbox inbox;

    @Incoming("widget-together")
    public Uni<Void> on(KafkaRecordBatch<String, String> batch) {
        return inbox.receiveTogether("widget-together-seen", batch, Set.of(WidgetSeenConsumer.WIDGET_CREATED),
                event -> seen(List.of(event)), WidgetTogetherConsumer::seen);
    }

    private static Uni<Void> seen(List<IncomingEvent> events) {
        // a widget event without a name fails the list, then goes to the DLQ alone
        return BulkInsert.into("widget_seen", COLUMNS, events,
                e -> List.<Object>of(e.id(), e.tenantId(), e.fields().text("name")));
    }
}
