package io.tradecredit.common.events;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

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

    /** Adds the event to the current transaction; fails if there is none. Returns the event id. */
    public Uni<UUID> record(OutgoingEvent event) {
        UUID id = UUID.randomUUID();
        String payload;
        try {
            payload = json.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event payload is not serializable", e));
        }
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.record must run inside the transaction of the state change"))
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
}
