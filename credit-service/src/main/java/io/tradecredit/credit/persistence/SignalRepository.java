package io.tradecredit.credit.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tradecredit.credit.domain.SignalReport;

@ApplicationScoped
public class SignalRepository implements PanacheRepositoryBase<SignalReport, UUID> {

    public Uni<List<SignalReport>> ofBuyer(String tenantId, UUID buyerId) {
        return list("tenantId = ?1 and buyerId = ?2 order by reportedAt desc, id", tenantId, buyerId);
    }

    public Uni<List<SignalReport>> openOf(String tenantId, UUID buyerId) {
        return list("tenantId = ?1 and buyerId = ?2 and resolvedAt is null", tenantId, buyerId);
    }

    /** The open signals of these buyers (of these tenants). */
    public Uni<List<SignalReport>> openOf(List<String> tenantIds, List<UUID> buyerIds) {
        return list("tenantId in ?1 and buyerId in ?2 and resolvedAt is null", tenantIds, buyerIds);
    }

    public Uni<SignalReport> findOwned(String tenantId, UUID buyerId, UUID id) {
        return find("tenantId = ?1 and buyerId = ?2 and id = ?3", tenantId, buyerId, id).firstResult();
    }
}
