package io.tradecredit.common.events;

import java.util.Objects;

/**
 * A domain event on its way out: what happened ({@code type}, e.g.
 * {@code io.tradecredit.invoice.issued.v1}), to which aggregate (the Kafka key, so one
 * aggregate's events stay ordered), for which tenant, and its payload (serialized as JSON).
 */
public record OutgoingEvent(String topic, String type, String aggregateType, String aggregateId,
        String tenantId, Object data) {

    public OutgoingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(data, "data");
    }
}
