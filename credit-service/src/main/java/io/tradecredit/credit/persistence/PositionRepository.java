package io.tradecredit.credit.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tradecredit.credit.domain.InvoicePosition;

/** The invoice read model built from invoice-events. */
@ApplicationScoped
public class PositionRepository implements PanacheRepositoryBase<InvoicePosition, InvoicePosition.Key> {

    public Uni<InvoicePosition> findOwned(String tenantId, UUID invoiceId) {
        return findById(new InvoicePosition.Key(tenantId, invoiceId));
    }

    public Uni<List<InvoicePosition>> ofBuyer(String tenantId, UUID buyerId) {
        return list("tenantId = ?1 and buyerId = ?2 order by dueDate, invoiceId", tenantId, buyerId);
    }

    /** The positions of these buyers (of these tenants), each buyer's in due-date order. */
    public Uni<List<InvoicePosition>> ofBuyers(List<String> tenantIds, List<UUID> buyerIds) {
        return list("tenantId in ?1 and buyerId in ?2 order by buyerId, dueDate, invoiceId", tenantIds, buyerIds);
    }
}
