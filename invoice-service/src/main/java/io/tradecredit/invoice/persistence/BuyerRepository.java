package io.tradecredit.invoice.persistence;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.invoice.domain.AgreedTerms;

/**
 * What invoice-service knows of a tenant's buyers: those credit-service registered
 * ({@code known_buyer}, from {@code buyer-registered} events) and those the tenant invoiced.
 * Every statement runs in the caller's session or transaction.
 */
@ApplicationScoped
public class BuyerRepository {

    /** Records that credit-service registered the buyer, with its terms; a second time changes nothing. */
    public Uni<Void> registered(String tenantId, UUID buyerId, OffsetDateTime registeredAt, OffsetDateTime learnedAt,
            AgreedTerms terms) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into known_buyer (tenant_id, buyer_id, registered_at, learned_at, payment_term_days,
                    first_order_term_days) values (:t, :b, :at, :now, :term, :first)
                on conflict (tenant_id, buyer_id) do nothing""")
                .setParameter("t", tenantId).setParameter("b", buyerId).setParameter("at", registeredAt)
                .setParameter("now", learnedAt).setParameter("term", terms.paymentTermDays())
                .setParameter("first", terms.firstOrderTermDays()).executeUpdate()).replaceWithVoid();
    }

    /** The buyer's agreed payment term changed; a buyer not registered here is left unknown. */
    public Uni<Void> termChanged(String tenantId, UUID buyerId, int paymentTermDays) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "update known_buyer set payment_term_days = :term where tenant_id = :t and buyer_id = :b")
                .setParameter("t", tenantId).setParameter("b", buyerId).setParameter("term", paymentTermDays)
                .executeUpdate()).replaceWithVoid();
    }

    /** The agreed terms of those of these buyers registered here (the others are {@link AgreedTerms#UNKNOWN}). */
    public Uni<Map<UUID, AgreedTerms>> termsOf(String tenantId, Collection<UUID> buyerIds) {
        if (buyerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select buyer_id, payment_term_days, first_order_term_days from known_buyer
                where tenant_id = :t and buyer_id in (:ids)""", Tuple.class)
                .setParameter("t", tenantId).setParameter("ids", Set.copyOf(buyerIds)).getResultList())
                .map(rows -> {
                    Map<UUID, AgreedTerms> found = new HashMap<>();
                    rows.forEach(r -> found.put(r.get("buyer_id", UUID.class), new AgreedTerms(
                            r.get("payment_term_days", Integer.class), r.get("first_order_term_days", Integer.class))));
                    return found;
                });
    }

    /** Which of these buyers the tenant invoiced before (any invoice, cancelled ones too). */
    public Uni<Set<UUID>> invoicedBefore(String tenantId, Collection<UUID> buyerIds) {
        if (buyerIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select distinct buyer_id from invoice where tenant_id = :t and buyer_id in (:ids)", Tuple.class)
                .setParameter("t", tenantId).setParameter("ids", Set.copyOf(buyerIds)).getResultList())
                .map(rows -> {
                    Set<UUID> found = new HashSet<>();
                    rows.forEach(r -> found.add(r.get("buyer_id", UUID.class)));
                    return found;
                });
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

    /** Whether the tenant knows the buyer ({@link #exists}) and whether any other tenant does, in one statement. */
    public Uni<Tenancy> tenancy(String tenantId, UUID buyerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select (exists (select 1 from invoice where tenant_id = :t and buyer_id = :b)
                        or exists (select 1 from known_buyer where tenant_id = :t and buyer_id = :b)) as own,
                    (exists (select 1 from invoice where buyer_id = :b and tenant_id <> :t)
                        or exists (select 1 from known_buyer where buyer_id = :b and tenant_id <> :t)) as others""",
                Tuple.class).setParameter("t", tenantId).setParameter("b", buyerId).getSingleResult())
                .map(r -> new Tenancy(Boolean.TRUE.equals(r.get("own", Boolean.class)),
                        Boolean.TRUE.equals(r.get("others", Boolean.class))));
    }

    /** Whether the tenant, and whether any other tenant, invoiced the buyer or had it registered. */
    public record Tenancy(boolean knownToTenant, boolean knownToOthers) {
    }
}
