package io.tradecredit.common.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A request to notification-service to send a message ({@code io.tradecredit.notification.message-requested.v1}
 * on {@code notification-requests}, keyed by its request id, which is also the CloudEvent id): what, to whom and
 * why, never where (docs/architecture.md, "Messages to people"). Producers derive the request id from what the
 * message is about ({@link #idOf}), so a repeat asks with the same id and notification-service sends it once.
 */
public final class MessageRequests {
    public static final String TYPE = "io.tradecredit.notification.message-requested.v1";

    private MessageRequests() {
    }

    /** A name-based id from the parts, joined by ':' (e.g. what, tenant, invoice id). */
    public static UUID idOf(Object... parts) {
        StringBuilder name = new StringBuilder();
        for (Object part : parts) {
            if (name.length() > 0) {
                name.append(':');
            }
            name.append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The body of a request to one of the tenant's buyers (its contacts give address and language). */
    public static Map<String, Object> toBuyer(UUID requestId, String purpose, String templateKey, String channel,
            UUID buyerId, Map<String, Object> data) {
        return body(requestId, purpose, templateKey, channel, Map.of("kind", "BUYER", "buyerId", buyerId.toString()),
                false, data);
    }

    /** The body of a request to the tenant itself (its own contacts). */
    public static Map<String, Object> toTenant(UUID requestId, String purpose, String templateKey, String channel,
            boolean critical, Map<String, Object> data) {
        return body(requestId, purpose, templateKey, channel, Map.of("kind", "TENANT"), critical, data);
    }

    /** The event of a request body, with the request id as CloudEvent id and Kafka key. */
    public static OutgoingEvent event(String tenantId, UUID requestId, Map<String, Object> body) {
        return new OutgoingEvent(TopicNames.NOTIFICATION_REQUESTS, TYPE, "notification-request", requestId.toString(),
                tenantId, body).withId(requestId);
    }

    private static Map<String, Object> body(UUID requestId, String purpose, String templateKey, String channel,
            Map<String, Object> recipient, boolean critical, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId.toString());
        body.put("purpose", purpose);
        body.put("templateKey", templateKey);
        body.put("channel", channel);
        body.put("recipient", recipient);
        body.put("critical", critical);
        body.put("data", data);
        return body;
    }
}
