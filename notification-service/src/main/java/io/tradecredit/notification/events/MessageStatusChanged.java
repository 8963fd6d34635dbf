package io.tradecredit.notification.events;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.notification.domain.StatusChange;

/**
 * {@code io.tradecredit.notification.status-changed.v1} on {@code notification-status}, keyed by
 * the request id: a message was queued, sent, delivered, failed (with the reason) or became
 * unknown. The requester (collections-service for dunning) keeps its record from it.
 */
public final class MessageStatusChanged {
    public static final String TYPE = "io.tradecredit.notification.status-changed.v1";

    private MessageStatusChanged() {
    }

    public static OutgoingEvent of(StatusChange c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", c.requestId().toString());
        body.put("purpose", c.purpose());
        body.put("templateKey", c.templateKey());
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("kind", c.recipientKind().name());
        if (c.buyerId() != null) {
            recipient.put("buyerId", c.buyerId().toString());
        }
        body.put("recipient", recipient);
        body.put("status", c.status().name());
        if (c.channel() != null) {
            body.put("channel", c.channel().name());
        }
        if (c.reason() != null) {
            body.put("reason", c.reason());
        }
        body.put("attempts", c.attempts());
        body.put("at", c.at().toString());
        return new OutgoingEvent(TopicNames.NOTIFICATION_STATUS, TYPE, "message", c.requestId().toString(),
                c.tenantId(), body);
    }
}
