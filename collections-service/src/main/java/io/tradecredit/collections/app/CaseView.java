package io.tradecredit.collections.app;

import java.time.LocalDate;
import java.util.UUID;

import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.collections.domain.CollectionCase;

/** A tenant's collection case as stored: the domain case and the version of the row it was read from. */
public record CaseView(String tenantId, CollectionCase current, int version) {

    public UUID id() {
        return current.id();
    }

    public UUID buyerId() {
        return current.buyerId();
    }

    public CaseState state() {
        return current.state();
    }

    public CloseReason closeReason() {
        return current.closeReason();
    }

    public String owner() {
        return current.owner();
    }

    public LocalDate nextActionOn() {
        return current.nextActionOn();
    }
}
