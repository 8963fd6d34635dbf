package io.tradecredit.credit.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tradecredit.credit.domain.BuyerStatement;

@ApplicationScoped
public class StatementRepository implements PanacheRepositoryBase<BuyerStatement, BuyerStatement.Key> {

    public Uni<List<BuyerStatement>> ofBuyer(String tenantId, UUID buyerId) {
        return list("tenantId = ?1 and buyerId = ?2 order by fiscalYear desc", tenantId, buyerId);
    }

    public Uni<BuyerStatement> latest(String tenantId, UUID buyerId) {
        return find("tenantId = ?1 and buyerId = ?2 order by fiscalYear desc", tenantId, buyerId).firstResult();
    }
}
