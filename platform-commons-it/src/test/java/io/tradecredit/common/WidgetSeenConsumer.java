package io.tradecredit.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.EarlierEventMissing;
import io.tradecredit.common.events.Inbox;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Tuple;

/** Consumes widget events through the inbox, the way services consume each other's events. */
@ApplicationScoped
public class WidgetSeenConsumer {
    /** The one type this consumer reads; widget-events carries others it skips. */
    public static final String WIDGET_CREATED = "io.tradecredit.test.widget-created.v1";

    @Inject
    Inbox inbox;

    /** A widget named {@code connection-cut-<n>} has its connection cut by the server on its first n tries. */
    public static final String CONNECTION_CUT = "connection-cut-";
    /** A widget named {@code earlier-missing-<n>} misses its earlier event on its first n tries. */
    public static final String EARLIER_MISSING = "earlier-missing-";
    /** A widget named {@code database-away-<s>} has its connection cut on every try for s seconds from its first. */
    public static final String DATABASE_AWAY = "database-away-";
    private static final Map<String, Long> FIRST_TRY = new ConcurrentHashMap<>();
    /** Tries per event id of the widgets whose connection is cut. */
    public static final Map<String, Integer> TRIES = new ConcurrentHashMap<>();

    @Incoming("widget-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.receive("widget-seen", record, Set.of(WIDGET_CREATED), event -> {
            String name = event.fields().text("name"); // a widget event without one goes to the DLQ
            if (name.startsWith(CONNECTION_CUT)
                    && TRIES.merge(event.id(), 1, Integer::sum) <= Integer.parseInt(name.substring(CONNECTION_CUT.length()))) {
                // the server ends this backend, as it does when it shuts down or crashes
                return CurrentTransaction.execute("select pg_terminate_backend(pg_backend_pid())", Tuple.tuple())
                        .replaceWithVoid();
            }
            if (name.startsWith(DATABASE_AWAY) && awayFor(event.id(), Long.parseLong(name.substring(DATABASE_AWAY.length())))) {
                return CurrentTransaction.execute("select pg_terminate_backend(pg_backend_pid())", Tuple.tuple())
                        .replaceWithVoid();
            }
            if (name.startsWith(EARLIER_MISSING)
                    && TRIES.merge(event.id(), 1, Integer::sum) <= Integer.parseInt(name.substring(EARLIER_MISSING.length()))) {
                throw new EarlierEventMissing("widget " + event.id() + " not created yet");
            }
            return Panache.getSession().chain(s -> s
                    .createNativeQuery("insert into widget_seen (event_id, tenant_id, name) values (:id, :t, :n)")
                    .setParameter("id", event.id()).setParameter("t", event.tenantId())
                    .setParameter("n", name).executeUpdate())
                    .replaceWithVoid();
        }).replaceWithVoid();
    }

    /** Counts the try; whether it falls within {@code seconds} of the event's first. */
    private static boolean awayFor(String eventId, long seconds) {
        TRIES.merge(eventId, 1, Integer::sum);
        long first = FIRST_TRY.computeIfAbsent(eventId, id -> System.nanoTime());
        return System.nanoTime() - first < seconds * 1_000_000_000L;
    }
}
