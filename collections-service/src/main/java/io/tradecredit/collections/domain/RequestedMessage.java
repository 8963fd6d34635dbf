package io.tradecredit.collections.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A dunning message requested of notification-service: its request id, when it went out, the invoices it concerned. */
public record RequestedMessage(UUID requestId, Instant requestedAt, List<UUID> invoiceIds) {
    public RequestedMessage {
        invoiceIds = List.copyOf(invoiceIds);
    }
}
