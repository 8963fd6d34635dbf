package io.tradecredit.notification.domain;

import java.util.Set;

/**
 * Where a message stands (docs/domain.md §5). {@code SENDING} is internal: the message was claimed
 * to be handed to its channel; a message still SENDING after the hand-over timeout is UNKNOWN,
 * since the channel may or may not have it, and it is never sent again (a provider's delivery
 * report may still settle it). WITHDRAWN: its requester withdrew it before it was handed to a
 * channel ({@link Withdrawal}); final, it is never sent and never falls back.
 */
public enum MessageStatus {
    QUEUED, SENDING, SENT, DELIVERED, FAILED, UNKNOWN, WITHDRAWN;

    /** The statuses a message may move to from this one. */
    public Set<MessageStatus> next() {
        return switch (this) {
            case QUEUED -> Set.of(SENDING, FAILED, WITHDRAWN);
            // withdrawn while being handed over: only if the hand-over then fails (nothing reached the channel)
            case SENDING -> Set.of(SENT, QUEUED, FAILED, UNKNOWN, WITHDRAWN);
            // a provider's report that it failed for good: QUEUED on the next channel of the order, else FAILED
            case SENT -> Set.of(DELIVERED, QUEUED, FAILED);
            // only a provider's delivery report settles an unknown message (DeliveryReport)
            case UNKNOWN -> Set.of(DELIVERED, QUEUED, FAILED);
            case DELIVERED, FAILED, WITHDRAWN -> Set.of();
        };
    }

    /**
     * The status as published and as the status query shows it: SENDING, internal, is QUEUED (the last status published
     * for the message) until its hand-over is recorded; every other status is itself. Before, the query showed SENDING, a
     * status neither the API nor notification-status documents.
     */
    public MessageStatus shown() {
        return this == SENDING ? QUEUED : this;
    }

    /** Whether the status is published on notification-status (SENDING is not: nobody outside acts on it). */
    public boolean published() {
        return this != SENDING;
    }
}
