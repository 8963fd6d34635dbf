package io.tradecredit.invoice.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of a dispute's history: what happened ({@code summary}), who did it and when. */
public record DisputeStep(UUID id, String tenantId, UUID disputeId, int seq, Kind kind, Dispute.Stage stage,
        String summary, OffsetDateTime at, String by) {

    public enum Kind {
        REGISTERED,
        ASSESSED,
        /** A negotiation note, with its stage. */
        NOTE,
        RESOLVED
    }
}
