package io.tradecredit.common.events;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.BulkInsert;
import io.tradecredit.common.persistence.CurrentTransaction;

/**
 * Records events in the {@code outbox} table of the current transaction ({@link CurrentTransaction}),
 * so an event exists if and only if the state change that caused it commits. {@link OutboxRelay}
 * publishes it.
 */
@ApplicationScoped
public class Outbox {
    /** The outbox row of one event, in the order of {@link #row}. */
    private static final List<BulkInsert.Column> COLUMNS = List.of(new BulkInsert.Column("event_id", "uuid"),
            BulkInsert.Column.text("tenant_id"), BulkInsert.Column.text("topic"), BulkInsert.Column.text("aggregate_type"),
            BulkInsert.Column.text("aggregate_id"), BulkInsert.Column.text("event_type"), BulkInsert.Column.text("payload"),
            new BulkInsert.Column("occurred_at", "timestamptz"));

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Adds one event to the current transaction; fails if there is none. */
    public Uni<Void> record(OutgoingEvent event) {
        return record(List.of(event));
    }

    /** Adds events to the current transaction with one statement however many; fails if there is none. */
    public Uni<Void> record(List<OutgoingEvent> events) {
        OffsetDateTime at = OffsetDateTime.now(clock);
        List<List<Object>> rows;
        try {
            rows = events.stream().map(e -> row(e, at)).toList();
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return CurrentTransaction.require().chain(() -> BulkInsert.into("outbox", COLUMNS, rows, row -> row));
    }

    private List<Object> row(OutgoingEvent e, OffsetDateTime at) {
        UUID id = e.eventId() == null ? UUID.randomUUID() : e.eventId();
        return List.of(id, e.tenantId(), e.topic(), e.aggregateType(), e.aggregateId(), e.type(),
                serialize(e), at);
    }

    /** As UTF-8 bytes: BulkInsert sends them as they are (no string to re-encode a char at a time). */
    private byte[] serialize(OutgoingEvent event) {
        try {
            return json.writeValueAsBytes(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serializable", e);
        }
    }
}
