package io.tradecredit.collections.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A dunning message requested of notification-service: its request id, when it went out, the invoices
 * it concerned, and whether it dunned instalments of an agreed plan (then the plan does not make it moot).
 */
public record RequestedMessage(UUID requestId, Instant requestedAt, List<UUID> invoiceIds, boolean aboutInstalments) {
    public RequestedMessage {
        invoiceIds = List.copyOf(invoiceIds);
    }
}
