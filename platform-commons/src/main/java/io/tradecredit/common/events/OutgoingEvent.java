package io.tradecredit.common.events;

import java.util.Objects;
import java.util.UUID;

/**
 * A domain event on its way out: what happened ({@code type}, e.g.
 * {@code io.tradecredit.invoice.issued.v1}), to which aggregate (the Kafka key, so one
 * aggregate's events stay ordered), for which tenant, and its payload (serialized as JSON).
 * {@code eventId} (the CloudEvent id) is usually left null, and the outbox gives the event a new
 * random id; a producer whose event is defined by what it is (a notification request derived from
 * tenant, buyer, date and step) fixes it, so a repeat of the same event carries the same id and
 * the consumer's inbox drops it.
 */
public record OutgoingEvent(String topic, String type, String aggregateType, String aggregateId,
        String tenantId, Object data, UUID eventId) {

    /** An event with a fresh random id. */
    public OutgoingEvent(String topic, String type, String aggregateType, String aggregateId, String tenantId,
            Object data) {
        this(topic, type, aggregateType, aggregateId, tenantId, data, null);
    }

    /** The same event with the fixed id {@code id}. */
    public OutgoingEvent withId(UUID id) {
        return new OutgoingEvent(topic, type, aggregateType, aggregateId, tenantId, data, Objects.requireNonNull(id));
    }

    public OutgoingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(data, "data");
    }
}
