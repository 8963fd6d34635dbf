package io.tradecredit.notification.domain;

/**
 * The ways a message reaches someone (docs/domain.md §5). Each has one adapter (the service's
 * {@code app.Channel}); which contact field addresses it is {@link Contact#addressFor}.
 */
public enum ChannelType {
    EMAIL, SMS, LETTER, WEBHOOK;

    /**
     * Whether a message whose hand-over may have reached the other side (a crash before the outcome
     * was recorded, a timeout or a broken connection after the request went out) is handed over
     * again: only a webhook, whose receiver drops a repeat by its message id; an email, SMS or
     * letter would reach a person twice, so it is UNKNOWN instead (docs/domain.md §5, "never sent twice").
     */
    public boolean resentAfterUnclearHandOver() {
        return this == WEBHOOK;
    }
}
