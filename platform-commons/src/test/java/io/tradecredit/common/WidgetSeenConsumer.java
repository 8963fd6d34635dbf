package io.tradecredit.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.Inbox;

/** Consumes widget events through the inbox, the way services consume each other's events. */
@ApplicationScoped
public class WidgetSeenConsumer {
    /** The one type this consumer reads; widget-events carries others it skips. */
    public static final String WIDGET_CREATED = "io.tradecredit.test.widget-created.v1";

    @Inject
    Inbox inbox;

    @Incoming("widget-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.receive("widget-seen", record, Set.of(WIDGET_CREATED), event -> {
            String name = event.fields().text("name"); // a widget event without one goes to the DLQ
            return Panache.getSession().chain(s -> s
                    .createNativeQuery("insert into widget_seen (event_id, tenant_id, name) values (:id, :t, :n)")
                    .setParameter("id", event.id()).setParameter("t", event.tenantId())
                    .setParameter("n", name).executeUpdate())
                    .replaceWithVoid();
        }).replaceWithVoid();
    }
}
