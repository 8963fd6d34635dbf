package io.tradecredit.credit.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tradecredit.credit.domain.LimitRequest;

@ApplicationScoped
public class LimitRequestRepository implements PanacheRepositoryBase<LimitRequest, UUID> {

    public Uni<LimitRequest> lockOwned(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<LimitRequest> pendingOf(String tenantId, UUID buyerId) {
        return find("tenantId = ?1 and buyerId = ?2 and status = ?3", tenantId, buyerId, LimitRequest.PENDING)
                .firstResult();
    }

    public Uni<List<LimitRequest>> byStatus(String tenantId, String status) {
        return list("tenantId = ?1 and status = ?2 order by requestedAt, id", tenantId, status);
    }
}
