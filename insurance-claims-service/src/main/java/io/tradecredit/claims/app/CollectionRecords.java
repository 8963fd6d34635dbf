package io.tradecredit.claims.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.CollectionEntry;
import io.tradecredit.claims.domain.DunningSteps;
import io.tradecredit.claims.persistence.CollectionRecordRepository;

/**
 * The buyers' collection records from {@code collection-cases}: each kept event is one entry, a poll's entries
 * appended together in the consumer's transaction (the inbox's); a dunning run's steps are one entry when any of
 * them counts ({@link DunningSteps}), none otherwise.
 */
@ApplicationScoped
public class CollectionRecords {
    @Inject
    CollectionRecordRepository record;

    @Inject
    Clock clock;

    /** A dunning run's steps for the buyer on {@code runDate}: its entry, or none when no step counts. */
    public static List<CollectionEntry.OfTenant> stepsTaken(String tenantId, String eventId, UUID buyerId, LocalDate runDate,
            List<DunningSteps.Step> steps) {
        return DunningSteps.entry(eventId, buyerId, runDate, steps).map(e -> List.of(new CollectionEntry.OfTenant(tenantId, e))).orElse(List.of());
    }

    /** Appends the entries in their order, with one statement. */
    public Uni<Void> addAll(List<CollectionEntry.OfTenant> entries) {
        return record.addAll(entries, OffsetDateTime.now(clock));
    }
}
