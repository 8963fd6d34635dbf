package io.tradecredit.collections.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Reads the read model: a buyer's open invoices, always within the caller's tenant. */
@ApplicationScoped
public class ReadModelRepository implements PanacheRepositoryBase<OpenInvoiceRow, OpenInvoiceRow.Key> {

    /** Whether the read model has seen the buyer (credit-events or an invoice), and its grade (null: ungraded). */
    public record KnownBuyer(boolean seen, Integer grade) {
    }

    public Uni<KnownBuyer> buyer(String tenantId, UUID buyerId) {
        return getSession().chain(s -> s.createNativeQuery("""
                select (select grade from buyer where tenant_id = :t and buyer_id = :b) as grade,
                    exists (select 1 from buyer where tenant_id = :t and buyer_id = :b)
                    or exists (select 1 from open_invoice where tenant_id = :t and buyer_id = :b) as seen""",
                Tuple.class).setParameter("t", tenantId).setParameter("b", buyerId).getSingleResult())
                .map(r -> new KnownBuyer(r.get("seen", Boolean.class), r.get("grade", Integer.class)));
    }

    /**
     * The currencies of the buyer's invoices open now or no longer open since {@code since} (paid, cancelled or written
     * off after it): those of the case a collector or an agency has worked since then.
     */
    public Uni<List<String>> currenciesOf(String tenantId, UUID buyerId, java.time.Instant since) {
        return getSession().chain(s -> s.createNativeQuery("""
                select distinct currency from open_invoice where tenant_id = :t and buyer_id = :b
                    and (state = 'OPEN' or updated_at >= :since)""", String.class)
                .setParameter("t", tenantId).setParameter("b", buyerId)
                .setParameter("since", java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC)).getResultList());
    }

    public Uni<List<OpenInvoiceRow>> openOf(String tenantId, UUID buyerId) {
        return list("tenantId = ?1 and buyerId = ?2 and state = 'OPEN' order by dueDate, invoiceNumber",
                tenantId, buyerId);
    }
}
