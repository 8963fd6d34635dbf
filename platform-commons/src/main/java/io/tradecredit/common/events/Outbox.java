package io.tradecredit.common.events;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.BulkInsert;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Records an event in the {@code outbox} table of the caller's open transaction, so the event
 * exists if and only if the state change that caused it commits. {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class Outbox {
    static final String INSERT = "insert into outbox (event_id, tenant_id, topic, aggregate_type, aggregate_id,"
            + " event_type, payload, occurred_at) values (:id, :tenant, :topic, :aggType, :aggId, :type, :payload, :at)";

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** The outbox row of one event, in the order of {@link #COLUMNS}. */
    private static final List<BulkInsert.Column> COLUMNS = List.of(new BulkInsert.Column("event_id", "uuid"),
            BulkInsert.Column.text("tenant_id"), BulkInsert.Column.text("topic"), BulkInsert.Column.text("aggregate_type"),
            BulkInsert.Column.text("aggregate_id"), BulkInsert.Column.text("event_type"), BulkInsert.Column.text("payload"),
            new BulkInsert.Column("occurred_at", "timestamptz"));

    /** Adds many events to the current transaction with few statements (bulk operations). */
    public Uni<Void> recordAll(List<OutgoingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        return requireTransaction().chain(() -> BulkInsert.into("outbox",
                COLUMNS.stream().map(BulkInsert.Column::name).toList(), events, e -> row(e, at)));
    }

    /**
     * Adds many events, in one statement, to the transaction open on {@code connection}: for use
     * cases that write their state on the reactive SQL client rather than in a Hibernate session.
     */
    public Uni<Void> recordAll(SqlConnection connection, List<OutgoingEvent> events) {
        if (connection.transaction() == null) {
            return Uni.createFrom().failure(notInTransaction());
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        return BulkInsert.into(connection, "outbox", COLUMNS, events, e -> row(e, at));
    }

    private List<Object> row(OutgoingEvent e, OffsetDateTime at) {
        return List.of(UUID.randomUUID(), e.tenantId(), e.topic(), e.aggregateType(), e.aggregateId(), e.type(),
                serialize(e), at);
    }

    /** Adds the event to the current transaction; fails if there is none. Returns the event id. */
    public Uni<UUID> record(OutgoingEvent event) {
        UUID id = UUID.randomUUID();
        String payload;
        try {
            payload = serialize(event);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return requireTransaction()
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", id)
                        .setParameter("tenant", event.tenantId())
                        .setParameter("topic", event.topic())
                        .setParameter("aggType", event.aggregateType())
                        .setParameter("aggId", event.aggregateId())
                        .setParameter("type", event.type())
                        .setParameter("payload", payload)
                        .setParameter("at", OffsetDateTime.now(clock))
                        .executeUpdate())
                .replaceWith(id);
    }

    private static Uni<?> requireTransaction() {
        return Panache.currentTransaction().onItem().ifNull().failWith(Outbox::notInTransaction);
    }

    private static IllegalStateException notInTransaction() {
        return new IllegalStateException("the outbox must be written inside the transaction of the state change");
    }

    private String serialize(OutgoingEvent event) {
        try {
            return json.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serializable", e);
        }
    }
}
