package io.tradecredit.invoice.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tradecredit.invoice.domain.Payer;
import io.tradecredit.invoice.domain.Payment;
import io.tradecredit.invoice.domain.PaymentStatus;

/** Payments of a tenant. Every query takes the tenant: another tenant's payment does not exist here. */
@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    /** Who paid and in which currency, read without loading (or caching) the payment itself. */
    public record Header(UUID buyerId, String currency) {
    }

    public Uni<Payment> findOwned(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** The payment locked for update until the transaction ends. */
    public Uni<Payment> lockOwned(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Optional<Header>> headerOf(String tenantId, UUID id) {
        return getSession().chain(s -> s.createSelectionQuery("select p.buyerId as buyerId, p.currency as currency"
                + " from Payment p where p.tenantId = :t and p.id = :id", Tuple.class)
                .setParameter("t", tenantId).setParameter("id", id).getResultList())
                .map(rows -> rows.stream().findFirst()
                        .map(r -> new Header(r.get("buyerId", UUID.class), r.get("currency", String.class).trim())));
    }

    /** Newest first; {@code buyerId} null means every buyer. */
    public Uni<io.tradecredit.common.api.Page<Payment>> page(String tenantId, UUID buyerId, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("t", tenantId);
        String where = "tenantId = :t";
        if (buyerId != null) {
            where += " and buyerId = :b";
            params.put("b", buyerId);
        }
        var query = find(where, Sort.descending("receivedOn", "createdAt", "id"), params).page(Page.of(page, size));
        return query.list().chain(items -> query.count()
                .map(total -> new io.tradecredit.common.api.Page<>(new ArrayList<>(items), page, size, total)));
    }

    /**
     * The buyer's posted payments with credit left in the currency, oldest first: the order in
     * which credit is spent. Callers hold the buyer's credit lock, which guards these rows.
     */
    public Uni<List<Payment>> withCreditLeft(String tenantId, UUID buyerId, String currency) {
        return find("tenantId = ?1 and buyerId = ?2 and currency = ?3 and status = ?4 and creditRemaining > 0",
                Sort.ascending("receivedOn", "createdAt", "id"), tenantId, buyerId, currency, PaymentStatus.POSTED)
                .list();
    }

    /** Which of these payments of the tenant were its buyers' credit insurers' (a claim's indemnity), with one statement. */
    public Uni<Set<UUID>> insurersAmong(String tenantId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return getSession().chain(s -> s.createSelectionQuery("select p.id from Payment p where p.tenantId = :t"
                + " and p.id in (:ids) and p.payerKind = :insurer", UUID.class)
                .setParameter("t", tenantId).setParameter("ids", ids).setParameter("insurer", Payer.Kind.INSURER)
                .getResultList()).map(Set::copyOf);
    }

    /**
     * The buyers' credit insurers' payments (a claim's indemnity) posted on these invoices of the tenant, with one
     * statement: none, nearly always.
     */
    public Uni<Set<UUID>> insurersOn(String tenantId, Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return getSession().chain(s -> s.createNativeQuery("select distinct p.id from ledger_entry e join payment p"
                + " on p.tenant_id = e.tenant_id and p.id = e.reference_id where e.tenant_id = :t and e.invoice_id in (:ids)"
                + " and e.kind = 'PAYMENT' and p.payer_kind = 'INSURER'", Object.class)
                .setParameter("t", tenantId).setParameter("ids", invoiceIds).getResultList())
                .map(rows -> rows.stream().map(r -> (UUID) r).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    public Uni<Boolean> anyOfBuyer(String tenantId, UUID buyerId) {
        return count("tenantId = ?1 and buyerId = ?2", tenantId, buyerId).map(n -> n > 0);
    }
}
