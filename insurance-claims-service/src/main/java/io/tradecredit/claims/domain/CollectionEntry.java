package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a buyer's collection record (the "prior communication record", docs/domain.md §3) as this
 * service keeps it from {@code collection-cases}: on which day, what happened in a line, the invoices and
 * dunning steps concerned, the channels of the messages sent and the agency involved. Keyed by the event it
 * came from, so a redelivery adds nothing.
 *
 * @param steps the ladder's step keys (a run's entry), else empty
 * @param channels the channels of the messages sent (EMAIL, SMS, LETTER, WEBHOOK), else empty
 * @param agencyCode the partner agency of a hand-off, recall or report, else null
 * @param caseId the collection case, null for a dunning run's entry (a run may act before any case exists)
 */
public record CollectionEntry(String eventId, UUID buyerId, LocalDate on, Kind kind, String summary, List<UUID> invoiceIds,
        List<String> steps, List<String> channels, String agencyCode, UUID caseId) {

    /** What the entry records, one kind per collections event kept. */
    public enum Kind {
        STEPS_TAKEN, CASE_OPENED, CASE_STATE_CHANGED, PROMISE_MADE, PROMISE_KEPT, PROMISE_BROKEN, HANDED_TO_AGENCY,
        AGENCY_REPORT, RECALLED, CASE_CLOSED
    }

    /** The entry as a tenant's record keeps it. */
    public record OfTenant(String tenantId, CollectionEntry entry) {
    }

    public CollectionEntry {
        invoiceIds = List.copyOf(invoiceIds);
        steps = List.copyOf(steps);
        channels = List.copyOf(channels);
    }

    /** An entry about a case (no invoices, steps or channels). */
    public static CollectionEntry ofCase(String eventId, UUID buyerId, LocalDate on, Kind kind, String summary,
            String agencyCode, UUID caseId) {
        return new CollectionEntry(eventId, buyerId, on, kind, summary, List.of(), List.of(), List.of(), agencyCode, caseId);
    }
}
