package io.tradecredit.notification.domain;

import java.util.UUID;

/**
 * The {@code Message-ID} of a message's email: derived from the request id alone, so every
 * hand-over of the same request carries the same id and a receiving server, or the buyer's mail
 * client, sees one message however often it arrives.
 */
public final class EmailMessageId {
    private EmailMessageId() {
    }

    /** {@code <requestId@domain>}, e.g. {@code <0f8e...@notification.tradecredit.io>}. */
    public static String of(UUID requestId, String domain) {
        return "<" + requestId + "@" + domain + ">";
    }
}
