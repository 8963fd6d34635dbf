package io.tradecredit.claims.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.persistence.BuyerRepository;

/**
 * Whose buyer a buyer id is (domain.BuyerTenancy): credit-service registered it for a tenant. Runs in the consumer's
 * transaction; a redelivery changes nothing.
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
}
