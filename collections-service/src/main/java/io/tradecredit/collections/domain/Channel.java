package io.tradecredit.collections.domain;

/**
 * Where a dunning message goes out. Which address, language and send window is
 * notification-service's business: the ladder only says the kind of channel.
 */
public enum Channel {
    EMAIL, SMS, LETTER, WEBHOOK
}
