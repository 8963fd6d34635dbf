package io.tradecredit.credit.persistence;

import java.util.ArrayList;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tradecredit.credit.domain.Alert;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    public Uni<Alert> findOwned(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** Newest first; {@code buyerId} null means every buyer; {@code open} only the unacknowledged. */
    public Uni<io.tradecredit.common.api.Page<Alert>> search(String tenantId, UUID buyerId, boolean open, int page,
            int size) {
        var params = new java.util.HashMap<String, Object>();
        params.put("tenant", tenantId);
        String where = "tenantId = :tenant" + (open ? " and acknowledgedAt is null" : "");
        if (buyerId != null) {
            where += " and buyerId = :buyer";
            params.put("buyer", buyerId);
        }
        var query = find(where, Sort.descending("raisedAt").and("id"), params).page(Page.of(page, size));
        return query.list().chain(items -> query.count()
                .map(total -> new io.tradecredit.common.api.Page<>(new ArrayList<>(items), page, size, total)));
    }
}
