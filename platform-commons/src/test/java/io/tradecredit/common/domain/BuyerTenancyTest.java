package io.tradecredit.common.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class BuyerTenancyTest {
    static final UUID BUYER = UUID.fromString("5b0f6c1e-3d2a-4c1b-9f8e-2a7d6c5b4a39");

    @Test
    void aReadNamingABuyerKnownOnlyUnderAnotherTenantFindsNoBuyer() {
        // tenant A invoiced it, tenant B reads its aging: 404, not an empty report
        assertNotFound(() -> BuyerTenancy.ensureVisibleTo(BUYER, false, true));
        assertNotFound(() -> BuyerTenancy.ensureVisibleTo("tenant-b", BUYER, Set.of("tenant-a")));
        assertNotFound(() -> BuyerTenancy.ensureVisibleTo("tenant-c", BUYER, Set.of("tenant-a", "tenant-b")));
    }

    @Test
    void theTenantsOwnABuyerNobodyKnowsAndNoBuyerAreRead() {
        BuyerTenancy.ensureVisibleTo(BUYER, true, false);
        // known under both tenants (data from before registrations carried the tenant): the tenant's own too
        BuyerTenancy.ensureVisibleTo(BUYER, true, true);
        BuyerTenancy.ensureVisibleTo("tenant-a", BUYER, Set.of("tenant-a", "tenant-b"));
        BuyerTenancy.ensureVisibleTo("tenant-a", BUYER, Set.of("tenant-a"));
        // nobody invoiced or registered it yet: reads as empty
        BuyerTenancy.ensureVisibleTo(BUYER, false, false);
        BuyerTenancy.ensureVisibleTo("tenant-a", BUYER, Set.of());
        // no buyer named: the tenant's whole book
        BuyerTenancy.ensureVisibleTo(null, false, true);
        BuyerTenancy.ensureVisibleTo("tenant-a", null, Set.of("tenant-b"));
    }

    @Test
    void aBuyerKnownOnlyUnderAnotherTenantIsNamedAsNoBuyerOfThisTenant() {
        // registered for tenant-a: a decision signed for tenant-b's policy names no buyer of tenant-b
        assertTrue(BuyerTenancy.isAnotherTenants("tenant-b", Set.of("tenant-a")));
        assertTrue(BuyerTenancy.isAnotherTenants(false, true));
        DomainError e = assertThrows(DomainError.class,
                () -> BuyerTenancy.ensureOfTenant("limit-decision.invalid", "tenant-b", BUYER, Set.of("tenant-a")));
        assertEquals("limit-decision.invalid", e.code());
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals(List.of("buyerId"), e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void theTenantsOwnBuyerAndABuyerNotHeardOfYetAreTheTenants() {
        assertFalse(BuyerTenancy.isAnotherTenants("tenant-a", Set.of("tenant-a")));
        assertFalse(BuyerTenancy.isAnotherTenants("tenant-a", Set.of("tenant-a", "tenant-b")));
        // no registration or invoice yet: the insurer may decide before the first invoice
        assertFalse(BuyerTenancy.isAnotherTenants("tenant-a", Set.of()));
        assertFalse(BuyerTenancy.isAnotherTenants(true, true));
        assertFalse(BuyerTenancy.isAnotherTenants(true, false));
        assertFalse(BuyerTenancy.isAnotherTenants(false, false));
        BuyerTenancy.ensureOfTenant("limit-decision.invalid", "tenant-a", BUYER, Set.of("tenant-a"));
        BuyerTenancy.ensureOfTenant("limit-decision.invalid", "tenant-a", BUYER, Set.of());
        // no buyer given: named as required by the rule of the request, decision or claim
        BuyerTenancy.ensureOfTenant("limit-decision.invalid", "tenant-a", null, Set.of("tenant-b"));
    }

    private static void assertNotFound(org.junit.jupiter.api.function.Executable read) {
        DomainError e = assertThrows(DomainError.class, read);
        assertEquals("buyer.not-found", e.code());
        assertEquals(DomainError.Kind.NOT_FOUND, e.kind());
    }
}
