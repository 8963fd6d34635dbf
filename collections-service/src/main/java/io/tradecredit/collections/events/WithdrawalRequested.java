package io.tradecredit.collections.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.TopicNames;

/**
 * A dunning message requested earlier is withdrawn ({@code io.tradecredit.notification.withdrawal-requested.v1}
 * on {@code notification-requests}): the buyer has nothing collectible left in what it concerned.
 * Keyed by the request id, so it follows its request on the same partition; its CloudEvent id is
 * derived from tenant and request id, so a request is withdrawn once whatever repeats.
 */
public final class WithdrawalRequested {
    public static final String TYPE = "io.tradecredit.notification.withdrawal-requested.v1";
    /** Who withdraws: this service, on what the ledger told it. */
    public static final String BY = "collections-service";

    private WithdrawalRequested() {
    }

    public static OutgoingEvent of(String tenantId, UUID requestId, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId.toString());
        body.put("reason", reason);
        body.put("requestedBy", BY);
        UUID id = UUID.nameUUIDFromBytes(("withdrawal/" + tenantId + "/" + requestId).getBytes(StandardCharsets.UTF_8));
        return new OutgoingEvent(TopicNames.NOTIFICATION_REQUESTS, TYPE, "notification-request", requestId.toString(),
                tenantId, body).withId(id);
    }
}
