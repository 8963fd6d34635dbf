package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

class BuyerTenancyTest {
    static final UUID BUYER = UUID.fromString("5b0f6c1e-3d2a-4c1b-9f8e-2a7d6c5b4a39");

    @Test
    void aBuyerKnownOnlyUnderAnotherTenantIsNamedAsNoBuyerOfThisTenant() {
        // registered by credit-service for tenant-a: a decision signed for tenant-b's policy names no buyer of tenant-b
        assertTrue(BuyerTenancy.isAnotherTenants("tenant-b", Set.of("tenant-a")));
        DomainError e = assertThrows(DomainError.class,
                () -> BuyerTenancy.ensureOfTenant("limit-decision.invalid", "tenant-b", BUYER, Set.of("tenant-a")));
        assertEquals("limit-decision.invalid", e.code());
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals(List.of("buyerId"), e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void theTenantsOwnBuyerAndABuyerNotHeardOfYetAreTheTenants() {
        assertFalse(BuyerTenancy.isAnotherTenants("tenant-a", Set.of("tenant-a")));
        // known under both (data from before V17): the tenant's own too
        assertFalse(BuyerTenancy.isAnotherTenants("tenant-a", Set.of("tenant-a", "tenant-b")));
        // no registration or invoice yet: the insurer may decide before the first invoice
        assertFalse(BuyerTenancy.isAnotherTenants("tenant-a", Set.of()));
        BuyerTenancy.ensureOfTenant("limit-decision.invalid", "tenant-a", BUYER, Set.of("tenant-a"));
        BuyerTenancy.ensureOfTenant("limit-decision.invalid", "tenant-a", BUYER, Set.of());
        // no buyer given: named as required by the rule of the request, decision or claim
        BuyerTenancy.ensureOfTenant("limit-decision.invalid", "tenant-a", null, Set.of("tenant-b"));
    }

    @Test
    void aReadNamingABuyerKnownOnlyUnderAnotherTenantFindsNoBuyer() {
        DomainError e = assertThrows(DomainError.class,
                () -> BuyerTenancy.ensureVisibleTo("tenant-b", BUYER, Set.of("tenant-a")));
        assertEquals("buyer.not-found", e.code());
        assertEquals(DomainError.Kind.NOT_FOUND, e.kind());
        // the tenant's own, one known under both, one not heard of yet, or none named: read as the tenant's
        BuyerTenancy.ensureVisibleTo("tenant-a", BUYER, Set.of("tenant-a"));
        BuyerTenancy.ensureVisibleTo("tenant-a", BUYER, Set.of("tenant-a", "tenant-b"));
        BuyerTenancy.ensureVisibleTo("tenant-a", BUYER, Set.of());
        BuyerTenancy.ensureVisibleTo("tenant-a", null, Set.of("tenant-b"));
    }
}
