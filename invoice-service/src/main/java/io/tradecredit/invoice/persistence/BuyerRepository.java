package io.tradecredit.invoice.persistence;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What invoice-service knows of a tenant's buyers: those credit-service registered
 * ({@code known_buyer}, from {@code buyer-registered} events) and those the tenant invoiced.
 * Every statement runs in the caller's session or transaction.
 */
@ApplicationScoped
public class BuyerRepository {

    /** Records that credit-service registered the buyer; a second time changes nothing. */
    public Uni<Void> registered(String tenantId, UUID buyerId, OffsetDateTime registeredAt, OffsetDateTime learnedAt) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into known_buyer (tenant_id, buyer_id, registered_at, learned_at) values (:t, :b, :at, :now)
                on conflict (tenant_id, buyer_id) do nothing""")
                .setParameter("t", tenantId).setParameter("b", buyerId).setParameter("at", registeredAt)
                .setParameter("now", learnedAt).executeUpdate()).replaceWithVoid();
    }

    /** Which of these buyers credit-service registered for the tenant. */
    public Uni<Set<UUID>> registeredOf(String tenantId, Collection<UUID> buyerIds) {
        if (buyerIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select buyer_id from known_buyer where tenant_id = :t and buyer_id in (:ids)", Tuple.class)
                .setParameter("t", tenantId).setParameter("ids", Set.copyOf(buyerIds)).getResultList())
                .map(rows -> {
                    Set<UUID> found = new HashSet<>();
                    rows.forEach(r -> found.add(r.get("buyer_id", UUID.class)));
                    return found;
                });
    }

    /** Whether the tenant has ever invoiced the buyer (cancelled invoices too) or credit-service registered it. */
    public Uni<Boolean> exists(String tenantId, UUID buyerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select (exists (select 1 from invoice where tenant_id = :t and buyer_id = :b)
                    or exists (select 1 from known_buyer where tenant_id = :t and buyer_id = :b)) as found""",
                Tuple.class).setParameter("t", tenantId).setParameter("b", buyerId).getSingleResult())
                .map(r -> Boolean.TRUE.equals(r.get("found", Boolean.class)));
    }
}
