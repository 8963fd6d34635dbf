package io.tradecredit.invoice.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.InvoiceStatus;

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
        return Panache.getSession().chain(s -> s.createSelectionQuery("""
                from Invoice where tenantId = :t and buyerId = :b and currency = :c and status in :open
                order by id""", Invoice.class)
                .setParameter("t", tenantId).setParameter("b", buyerId).setParameter("c", currency)
                .setParameter("open", List.of(InvoiceStatus.OPEN, InvoiceStatus.OVERDUE))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
    }

    /** Whether the tenant ever invoiced the buyer (in any status). */
    public Uni<Boolean> anyOfBuyer(String tenantId, UUID buyerId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "select count(*) from Invoice where tenantId = :t and buyerId = :b", Long.class)
                .setParameter("t", tenantId).setParameter("b", buyerId).getSingleResult())
                .map(n -> n > 0);
    }
}
