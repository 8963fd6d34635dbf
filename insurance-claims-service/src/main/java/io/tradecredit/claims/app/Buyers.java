package io.tradecredit.claims.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.BuyerTenancy;
import io.tradecredit.claims.persistence.BuyerRepository;

/**
 * Whose buyer a buyer id is (common.domain.BuyerTenancy): credit-service registered it for a tenant (runs in the consumer's
 * transaction; a redelivery changes nothing), and whether a read naming a buyer may answer (another tenant's: 404).
 */
@ApplicationScoped
public class Buyers {
    @Inject
    BuyerRepository buyers;

    @Inject
    Clock clock;

    public Uni<Void> registered(String tenantId, UUID buyerId) {
        return buyers.registered(tenantId, buyerId, OffsetDateTime.now(clock));
    }

    /**
     * Nothing when {@code buyerId} (null: none named) may be the tenant's; fails 404 {@code buyer.not-found} for a buyer
     * known only under other tenants. Runs in the caller's transaction.
     */
    public Uni<Void> visibleTo(String tenantId, UUID buyerId) {
        return buyers.tenantsOf(buyerId).invoke(known -> BuyerTenancy.ensureVisibleTo(tenantId, buyerId, known))
                .replaceWithVoid();
    }
}
