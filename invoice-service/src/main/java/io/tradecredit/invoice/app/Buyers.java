package io.tradecredit.invoice.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.invoice.domain.AgreedTerms;
import io.tradecredit.common.domain.BuyerTenancy;
import io.tradecredit.invoice.persistence.BuyerRepository;

/**
 * The buyers of a tenant as invoice-service knows them: registered by credit-service (learned
 * from its events) or invoiced here. A buyer that is neither does not exist for this tenant.
 */
@ApplicationScoped
public class Buyers {
    @Inject
    BuyerRepository buyers;

    @Inject
    Clock clock;

    /**
     * credit-service registered the buyer, with its agreed terms (null when the event is older than them), in the
     * current transaction (the inbox's).
     */
    public Uni<Void> registered(String tenantId, UUID buyerId, OffsetDateTime registeredAt, AgreedTerms terms) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return CurrentTransaction.run(() -> buyers.registered(tenantId, buyerId,
                registeredAt == null ? now : registeredAt, now, terms));
    }

    /** credit-service changed the buyer's agreed payment term (with its limit), in the inbox's transaction. */
    public Uni<Void> termChanged(String tenantId, UUID buyerId, int paymentTermDays) {
        return CurrentTransaction.run(() -> buyers.termChanged(tenantId, buyerId, paymentTermDays));
    }

    /**
     * Within the caller's session: fails with 404 unless the tenant invoiced the buyer or
     * credit-service registered it, so a buyer id nobody knows is not answered as an empty account.
     */
    Uni<Void> requireKnown(String tenantId, UUID buyerId) {
        return buyers.exists(tenantId, buyerId).invoke(found -> {
            if (!found) {
                throw notFound(buyerId);
            }
        }).replaceWithVoid();
    }

    /**
     * Within the caller's session, for a read filtered by a buyer: fails with 404 {@code buyer.not-found} when the
     * buyer is known only under other tenants ({@link BuyerTenancy}); nothing is read when no buyer is named.
     */
    public Uni<Void> requireVisible(String tenantId, UUID buyerId) {
        if (buyerId == null) {
            return Uni.createFrom().voidItem();
        }
        return buyers.tenancy(tenantId, buyerId)
                .invoke(t -> BuyerTenancy.ensureVisibleTo(buyerId, t.knownToTenant(), t.knownToOthers()))
                .replaceWithVoid();
    }

    static DomainError notFound(UUID buyerId) {
        return DomainError.notFound("buyer.not-found",
                "No buyer " + buyerId + ": this tenant has not invoiced it and credit-service has not registered it");
    }
}
