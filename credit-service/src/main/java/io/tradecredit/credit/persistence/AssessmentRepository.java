package io.tradecredit.credit.persistence;

import java.util.ArrayList;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tradecredit.credit.domain.AssessmentRecord;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<AssessmentRecord, UUID> {

    public Uni<AssessmentRecord> latest(String tenantId, UUID buyerId) {
        return find("tenantId = ?1 and buyerId = ?2", Sort.descending("assessedAt").and("id"), tenantId, buyerId)
                .firstResult();
    }

    /** Newest first. */
    public Uni<io.tradecredit.common.api.Page<AssessmentRecord>> history(String tenantId, UUID buyerId, int page,
            int size) {
        var query = find("tenantId = ?1 and buyerId = ?2", Sort.descending("assessedAt").and("id"), tenantId, buyerId)
                .page(Page.of(page, size));
        return query.list().chain(items -> query.count()
                .map(total -> new io.tradecredit.common.api.Page<>(new ArrayList<>(items), page, size, total)));
    }
}
