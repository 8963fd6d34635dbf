package io.tradecredit.collections.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.AgencyPlacement;

/** Cases' stays with agencies, per tenant; another tenant's placements are never found. */
@ApplicationScoped
public class AgencyPlacementRepository {

    public Uni<Void> insert(String tenantId, AgencyPlacement placement, String by) {
        return AgencyPlacementRow.of(tenantId, placement, by).persist().replaceWithVoid();
    }

    /** The case's current placement, if it is with an agency now. */
    public Uni<Optional<AgencyPlacement>> currentOf(String tenantId, UUID caseId) {
        return AgencyPlacementRow.<AgencyPlacementRow>find("tenantId = ?1 and caseId = ?2 and endedOn is null",
                tenantId, caseId).firstResult().map(row -> Optional.ofNullable(row).map(AgencyPlacementRow::toPlacement));
    }

    /** Writes the end (day, reason, who) of a placement found by {@link #currentOf}. */
    public Uni<Void> end(String tenantId, AgencyPlacement ended, String by) {
        return AgencyPlacementRow.<AgencyPlacementRow>find("id = ?1 and tenantId = ?2", ended.id(), tenantId)
                .singleResult().invoke(row -> {
                    row.endedOn = ended.endedOn();
                    row.endReason = ended.endReason();
                    row.endedBy = by;
                }).replaceWithVoid();
    }

    /** The agency's current placements in the tenant, oldest hand-off first. */
    public Uni<List<AgencyPlacement>> currentWith(String tenantId, String agencyCode) {
        return AgencyPlacementRow.<AgencyPlacementRow>list("tenantId = ?1 and agencyCode = ?2 and endedOn is null",
                Sort.by("handedOn").and("id"), tenantId, agencyCode)
                .map(rows -> rows.stream().map(AgencyPlacementRow::toPlacement).toList());
    }

    /** The agency's placements that overlap the period (handed on or before {@code to}, not ended before {@code from}). */
    public Uni<List<AgencyPlacement>> overlapping(String tenantId, String agencyCode, LocalDate from, LocalDate to) {
        return AgencyPlacementRow.<AgencyPlacementRow>list(
                "tenantId = ?1 and agencyCode = ?2 and handedOn <= ?3 and (endedOn is null or endedOn > ?4)",
                Sort.by("handedOn").and("id"), tenantId, agencyCode, to, from)
                .map(rows -> rows.stream().map(AgencyPlacementRow::toPlacement).toList());
    }
}
