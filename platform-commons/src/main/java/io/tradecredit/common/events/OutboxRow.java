package io.tradecredit.common.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One unsent outbox row as the relay reads it. */
record OutboxRow(long seq, UUID eventId, String tenantId, String topic, String aggregateId,
        String eventType, String payload, OffsetDateTime occurredAt) {
}
