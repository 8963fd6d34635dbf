package io.tradecredit.notification.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A message moved to a published status (queued, sent, delivered, failed, unknown): what the
 * requester learns on {@code notification-status}.
 *
 * @param channel null when none could be chosen
 * @param reason why it failed or is unknown; null otherwise
 */
public record StatusChange(UUID requestId, String tenantId, String purpose, String templateKey,
        MessageRequest.RecipientKind recipientKind, UUID buyerId, MessageStatus status, ChannelType channel,
        String reason, int attempts, Instant at) {

    public static StatusChange of(Message m, Instant at) {
        return new StatusChange(m.requestId(), m.tenantId(), m.request().purpose(), m.request().templateKey(),
                m.request().recipient(), m.request().buyerId(), m.status(), m.channel(), m.failureReason(),
                m.attempts(), at);
    }
}
