package io.tradecredit.credit.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tradecredit.credit.domain.StoredFinancialStatement;

/** Buyers' financial statements as stored: every version of every fiscal year. */
@ApplicationScoped
public class StatementRepository
        implements PanacheRepositoryBase<StoredFinancialStatement, StoredFinancialStatement.Key> {

    /** Every version, the latest year first and within a year the latest version first. */
    public Uni<List<StoredFinancialStatement>> ofBuyer(String tenantId, UUID buyerId) {
        return list("tenantId = ?1 and buyerId = ?2 order by fiscalYear desc, version desc", tenantId, buyerId);
    }

    /** The statement the assessment uses: the latest version of the latest fiscal year; null when none. */
    public Uni<StoredFinancialStatement> latest(String tenantId, UUID buyerId) {
        return find("tenantId = ?1 and buyerId = ?2 order by fiscalYear desc, version desc", tenantId, buyerId)
                .firstResult();
    }

    /**
     * Every statement of these buyers, each buyer's latest (the one an assessment uses) first; the tenants are
     * those of the buyers (a buyer's id alone finds it, the tenant keeps the read to its rows).
     */
    public Uni<List<StoredFinancialStatement>> latestOf(List<String> tenantIds, List<UUID> buyerIds) {
        return list("tenantId in ?1 and buyerId in ?2 order by buyerId, fiscalYear desc, version desc", tenantIds,
                buyerIds);
    }

    /** The latest version stored for one fiscal year; null when none is. */
    public Uni<StoredFinancialStatement> latestOfYear(String tenantId, UUID buyerId, int fiscalYear) {
        return find("tenantId = ?1 and buyerId = ?2 and fiscalYear = ?3 order by version desc", tenantId, buyerId,
                fiscalYear).firstResult();
    }

    /** One version of one fiscal year; null when there is no such version. */
    public Uni<StoredFinancialStatement> version(String tenantId, UUID buyerId, int fiscalYear, int version) {
        return find("tenantId = ?1 and buyerId = ?2 and fiscalYear = ?3 and version = ?4", tenantId, buyerId,
                fiscalYear, version).firstResult();
    }
}
