package io.tradecredit.invoice.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tradecredit.invoice.domain.Allocation;

/** Allocations of payments and credit applications to invoices. */
@ApplicationScoped
public class AllocationRepository implements PanacheRepositoryBase<Allocation, UUID> {

    public Uni<List<Allocation>> ofSource(String tenantId, UUID sourceId) {
        return find("tenantId = ?1 and sourceId = ?2", Sort.ascending("createdAt", "invoiceNumber"), tenantId, sourceId)
                .list();
    }

    /** Per source id, its allocations (absent key: none). */
    public Uni<Map<UUID, List<Allocation>>> ofSources(String tenantId, Collection<UUID> sourceIds) {
        if (sourceIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return find("tenantId = ?1 and sourceId in ?2", Sort.ascending("createdAt", "invoiceNumber"), tenantId,
                sourceIds).list().map(all -> all.stream().collect(Collectors.groupingBy(a -> a.sourceId)));
    }
}
