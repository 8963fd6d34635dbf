package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;

class BuyerTenancyTest {
    static final UUID BUYER = UUID.fromString("6c1f7d2e-4e3b-4d2c-8a9f-3b8e7d6c5b4a");

    @Test
    void aBuyerKnownOnlyUnderAnotherTenantIsNotFound() {
        // tenant A invoiced it, tenant B reads its aging: 404, not an empty report
        DomainError e = assertThrows(DomainError.class, () -> BuyerTenancy.ensureVisibleTo(BUYER, false, true));
        assertEquals("buyer.not-found", e.code());
        assertEquals(DomainError.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void theTenantsOwnBuyerABuyerNobodyKnowsAndNoBuyerAreRead() {
        BuyerTenancy.ensureVisibleTo(BUYER, true, false);
        // known under both tenants: the tenant's own too
        BuyerTenancy.ensureVisibleTo(BUYER, true, true);
        // nobody invoiced or registered it yet: reads as empty
        BuyerTenancy.ensureVisibleTo(BUYER, false, false);
        // no buyer named: the tenant's whole book
        BuyerTenancy.ensureVisibleTo(null, false, true);
    }
}
