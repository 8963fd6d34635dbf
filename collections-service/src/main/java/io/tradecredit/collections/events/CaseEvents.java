package io.tradecredit.collections.events;

import java.time.LocalDate;
import java.util.UUID;

import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.collections.domain.CollectionCase;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.TopicNames;

/**
 * What a collection case tells the platform, on {@code collection-cases}, keyed by case id so one
 * case's events are read in order. Schemas:
 * {@code contracts/schemas/io.tradecredit.collections.<name>.v1.json}.
 */
public final class CaseEvents {
    public static final String PREFIX = "io.tradecredit.collections.";

    private CaseEvents() {
    }

    public record CaseOpened(UUID caseId, UUID buyerId, LocalDate openedOn, String openedBy) {
    }

    /** @param closeReason set when {@code to} is CLOSED */
    public record CaseStateChanged(UUID caseId, UUID buyerId, CaseState from, CaseState to, CloseReason closeReason,
            LocalDate on, String by, String note) {
    }

    public record CaseClosed(UUID caseId, UUID buyerId, CloseReason closeReason, LocalDate openedOn, LocalDate closedOn,
            String closedBy) {
    }

    /** The outgoing event for {@code payload} of type {@code io.tradecredit.collections.<name>.v1}. */
    public static OutgoingEvent event(String name, String tenantId, UUID caseId, Object payload) {
        return new OutgoingEvent(TopicNames.COLLECTION_CASES, PREFIX + name + ".v1", "collection-case",
                caseId.toString(), tenantId, payload);
    }

    public static OutgoingEvent opened(String tenantId, CollectionCase c, String by) {
        return event("case-opened", tenantId, c.id(), new CaseOpened(c.id(), c.buyerId(), c.openedOn(), by));
    }

    public static OutgoingEvent stateChanged(String tenantId, CollectionCase before, CollectionCase after, LocalDate on,
            String by, String note) {
        return event("case-state-changed", tenantId, after.id(), new CaseStateChanged(after.id(), after.buyerId(),
                before.state(), after.state(), after.closeReason(), on, by, note));
    }

    public static OutgoingEvent closed(String tenantId, CollectionCase c, String by) {
        return event("case-closed", tenantId, c.id(),
                new CaseClosed(c.id(), c.buyerId(), c.closeReason(), c.openedOn(), c.closedOn(), by));
    }
}
