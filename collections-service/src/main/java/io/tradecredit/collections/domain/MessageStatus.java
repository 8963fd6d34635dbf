package io.tradecredit.collections.domain;

/**
 * Where a dunning message stands, as notification-service reports it on {@code notification-status}.
 * A message that failed, or that may or may not have gone out, is a collector's work today: the
 * buyer may not know what the ladder told them. WITHDRAWN: this service withdrew it before it
 * went (the buyer paid); nobody needs to act.
 */
public enum MessageStatus {
    QUEUED, SENT, DELIVERED, FAILED, UNKNOWN, WITHDRAWN;

    /** Whether the buyer's case should come up on the collector's worklist today. */
    public boolean needsCollector() {
        return this == FAILED || this == UNKNOWN;
    }
}
