package io.tradecredit.invoice.domain;

import java.util.UUID;

import io.tradecredit.common.domain.DomainError;

/**
 * Whose buyer a buyer id is. credit-service mints a buyer's id for one tenant; invoice-service knows it under the
 * tenants that invoiced it or for which credit-service registered it. A read filtered by a buyer ({@code ?buyerId=} on
 * the reports, the invoice search, the payments) naming a buyer known only under <b>other</b> tenants is 404
 * {@code buyer.not-found}, as any other tenant's data is: an empty 200 told the caller nothing, yet differed from every
 * other read of another tenant's data. A buyer nobody knows yet (not invoiced, not registered) reads as empty: it may be
 * the tenant's, about to be invoiced.
 */
public final class BuyerTenancy {
    private BuyerTenancy() {
    }

    /**
     * Nothing when no buyer is named, or the tenant knows it, or no other tenant does; else 404 {@code buyer.not-found}.
     *
     * @param knownToTenant the caller's tenant invoiced the buyer or credit-service registered it for that tenant
     * @param knownToOthers another tenant invoiced it or had it registered
     */
    public static void ensureVisibleTo(UUID buyerId, boolean knownToTenant, boolean knownToOthers) {
        if (buyerId != null && !knownToTenant && knownToOthers) {
            throw DomainError.notFound("buyer.not-found", "No buyer " + buyerId + " of this tenant");
        }
    }
}
