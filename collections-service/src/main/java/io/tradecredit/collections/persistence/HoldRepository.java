package io.tradecredit.collections.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.RecordedHold;

/** A tenant's holds; another tenant's hold is not found. */
@ApplicationScoped
public class HoldRepository {

    public Uni<Void> insert(String tenantId, RecordedHold hold) {
        return HoldRow.of(tenantId, hold).persist().replaceWithVoid();
    }

    public Uni<Optional<RecordedHold>> find(String tenantId, UUID id) {
        return HoldRow.<HoldRow>find("id = ?1 and tenantId = ?2", id, tenantId).firstResult()
                .map(row -> Optional.ofNullable(row).map(HoldRow::toRecorded));
    }

    /** Writes the release (released_on, released_by) of a hold found by {@link #find}. */
    public Uni<Void> update(String tenantId, RecordedHold hold) {
        return HoldRow.<HoldRow>find("id = ?1 and tenantId = ?2", hold.hold().id(), tenantId).singleResult()
                .invoke(row -> row.copy(hold)).replaceWithVoid();
    }

    /**
     * The tenant's holds, newest first; {@code buyerId} (if given) narrows to one buyer. Whether a
     * hold holds on a day is {@code Hold.holdsOn}'s to say, so the caller filters by it.
     */
    public Uni<List<RecordedHold>> list(String tenantId, UUID buyerId) {
        return (buyerId == null
                ? HoldRow.<HoldRow>list("tenantId", Sort.descending("placedAt").and("id"), tenantId)
                : HoldRow.<HoldRow>list("tenantId = ?1 and buyerId = ?2", Sort.descending("placedAt").and("id"),
                        tenantId, buyerId))
                .map(rows -> rows.stream().map(HoldRow::toRecorded).toList());
    }
}
