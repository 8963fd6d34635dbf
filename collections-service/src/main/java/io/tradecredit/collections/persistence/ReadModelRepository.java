package io.tradecredit.collections.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Reads the read model: a buyer's open invoices, always within the caller's tenant. */
@ApplicationScoped
public class ReadModelRepository implements PanacheRepositoryBase<OpenInvoiceRow, OpenInvoiceRow.Key> {

    public Uni<List<OpenInvoiceRow>> openOf(String tenantId, UUID buyerId) {
        return list("tenantId = ?1 and buyerId = ?2 and state = 'OPEN' order by dueDate, invoiceNumber",
                tenantId, buyerId);
    }
}
