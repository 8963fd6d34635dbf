package io.tradecredit.credit.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tradecredit.credit.domain.StoredFinancialStatement;

/** Buyers' financial statements as stored, one per buyer and fiscal year. */
@ApplicationScoped
public class StatementRepository
        implements PanacheRepositoryBase<StoredFinancialStatement, StoredFinancialStatement.Key> {

    public Uni<List<StoredFinancialStatement>> ofBuyer(String tenantId, UUID buyerId) {
        return list("tenantId = ?1 and buyerId = ?2 order by fiscalYear desc", tenantId, buyerId);
    }

    public Uni<StoredFinancialStatement> latest(String tenantId, UUID buyerId) {
        return find("tenantId = ?1 and buyerId = ?2 order by fiscalYear desc", tenantId, buyerId).firstResult();
    }
}
