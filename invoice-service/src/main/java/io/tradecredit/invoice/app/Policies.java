package io.tradecredit.invoice.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.invoice.domain.InvoicingPolicy;
import io.tradecredit.invoice.domain.LateChargePolicy;
import io.tradecredit.invoice.domain.LateChargeTerms;
import io.tradecredit.invoice.persistence.PolicyRepository;
import io.tradecredit.invoice.persistence.PolicyRepository.TenantBuyer;

/** A tenant's invoicing policy and the late-charge terms agreed with single buyers. */
@ApplicationScoped
public class Policies {
    @Inject
    PolicyRepository policies;

    @Inject
    Buyers buyers;

    @Inject
    Clock clock;

    public Uni<InvoicingPolicy> tenantPolicy(String tenantId) {
        return Panache.withSession(() -> policies.policyOf(tenantId));
    }

    public Uni<InvoicingPolicy> saveTenantPolicy(String tenantId, InvoicingPolicy policy, String by) {
        return Panache.withTransaction(() -> policies.save(tenantId, policy, by, OffsetDateTime.now(clock)))
                .replaceWith(policy);
    }

    /** The terms that apply to the buyer's invoices issued from now on: its own if agreed, else the tenant's; 404 for a buyer the tenant does not know. */
    public Uni<LateChargeTerms> buyerTerms(String tenantId, UUID buyerId) {
        return Panache.withSession(() -> buyers.requireKnown(tenantId, buyerId).chain(() -> termsOf(tenantId, buyerId)));
    }

    /** Terms agreed with a buyer the tenant knows ({@link Buyers}); 404 for another, and nothing is stored. */
    public Uni<LateChargeTerms> saveBuyerTerms(String tenantId, UUID buyerId, LateChargePolicy terms, String by) {
        return Panache.withTransaction(() -> buyers.requireKnown(tenantId, buyerId)
                .chain(() -> policies.saveBuyerLateCharges(tenantId, buyerId, terms, by, OffsetDateTime.now(clock))))
                .replaceWith(new LateChargeTerms(terms, LateChargeTerms.Source.BUYER));
    }

    /** Drops the buyer's own terms: the tenant's apply again. 404 if it had none. */
    public Uni<Void> deleteBuyerTerms(String tenantId, UUID buyerId) {
        return Panache.withTransaction(() -> policies.deleteBuyerLateCharges(tenantId, buyerId)).invoke(deleted -> {
            if (!deleted) {
                throw DomainError.notFound("late-charge-terms.not-found", "Buyer " + buyerId + " has no late-charge terms of its own");
            }
        }).replaceWithVoid();
    }

    /** The terms the buyer's invoices issued from now on get; within the caller's session. */
    Uni<LateChargeTerms> termsOf(String tenantId, UUID buyerId) {
        TenantBuyer buyer = new TenantBuyer(tenantId, buyerId);
        return policies.policiesOf(List.of(tenantId)).chain(tenantPolicies -> termsOf(List.of(buyer), tenantPolicies))
                .map(terms -> terms.get(buyer));
    }

    /**
     * The terms that apply to each of these buyers today ({@link LateChargeTerms#applying}: those agreed with it,
     * else its tenant's, from {@code tenantPolicies}, which holds every one of their tenants): the terms an
     * invoice issued to it now gets. One statement however many, within the caller's session.
     */
    Uni<Map<TenantBuyer, LateChargeTerms>> termsOf(Collection<TenantBuyer> buyers,
            Map<String, InvoicingPolicy> tenantPolicies) {
        return policies.buyerLateCharges(buyers).map(own -> {
            Map<TenantBuyer, LateChargeTerms> terms = new HashMap<>();
            for (TenantBuyer buyer : buyers) {
                terms.put(buyer, LateChargeTerms.applying(own.get(buyer),
                        tenantPolicies.get(buyer.tenantId()).lateCharges()));
            }
            return terms;
        });
    }
}
