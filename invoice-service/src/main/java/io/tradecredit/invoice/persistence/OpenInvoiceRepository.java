package io.tradecredit.invoice.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.invoice.domain.Invoice;
import io.vertx.mutiny.sqlclient.Tuple;

/** The invoices a payment or credit may be allocated to without naming them. */
@ApplicationScoped
public class OpenInvoiceRepository {

    /**
     * The buyer's open and overdue invoices in the currency, locked in id order like
     * {@link InvoiceRepository#lockOwned(String, java.util.Collection)} so the two never deadlock.
     * An invoice settled by a transaction this one waited for is left out (PostgreSQL re-checks
     * the condition on the locked row).
     */
    public Uni<List<Invoice>> lockOpen(String tenantId, UUID buyerId, String currency) {
        // plain SQL, so the statement is prepared once (see InvoiceRepository.lockOwned)
        return CurrentTransaction.lockIds("""
                select id from invoice where tenant_id = $1 and buyer_id = $2 and currency = $3
                and status in ('OPEN', 'OVERDUE') order by id for update""", Tuple.of(tenantId, buyerId, currency))
                .chain(InvoiceRepository::loadLocked);
    }

    /** Whether the tenant ever invoiced the buyer (in any status). */
    public Uni<Boolean> anyOfBuyer(String tenantId, UUID buyerId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "select count(*) from Invoice where tenantId = :t and buyerId = :b", Long.class)
                .setParameter("t", tenantId).setParameter("b", buyerId).getSingleResult())
                .map(n -> n > 0);
    }
}
