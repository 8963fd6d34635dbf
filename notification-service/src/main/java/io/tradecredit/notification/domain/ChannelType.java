package io.tradecredit.notification.domain;

/**
 * The ways a message reaches someone (docs/domain.md §5). Each has one adapter (the service's
 * {@code app.Channel}); which contact field addresses it is {@link Contact#addressFor}.
 */
public enum ChannelType {
    EMAIL, SMS, LETTER, WEBHOOK
}
