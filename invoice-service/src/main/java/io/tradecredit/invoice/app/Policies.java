package io.tradecredit.invoice.app;

import java.time.Clock;
import java.time.OffsetDateTime;
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

    /** The terms that apply to the buyer: its own if agreed, else the tenant's; 404 for a buyer the tenant does not know. */
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

    /** Within the caller's session. */
    Uni<LateChargeTerms> termsOf(String tenantId, UUID buyerId) {
        return policies.buyerLateCharges(tenantId, buyerId).chain(own -> own.isPresent()
                ? Uni.createFrom().item(new LateChargeTerms(own.get(), LateChargeTerms.Source.BUYER))
                : policies.policyOf(tenantId).map(p -> new LateChargeTerms(p.lateCharges(), LateChargeTerms.Source.TENANT)));
    }
}
