package io.tradecredit.common.domain;

import java.util.Set;
import java.util.UUID;

/**
 * Whose buyer a buyer id is, one rule for every service that keeps a tenant's data by buyer. credit-service mints a
 * buyer's id for one tenant; a service learns the tenants it is known under from credit-service's registrations and from
 * invoices to it. A buyer known only under <b>other</b> tenants is no buyer of the caller's tenant:
 * <ul>
 * <li>a read naming it is 404 {@code buyer.not-found}, as any other tenant's data is (an empty 200 would tell the caller
 * the id exists elsewhere, and read as "nothing open, nothing overdue" for a buyer it does not have);</li>
 * <li>a write naming it is 400 naming {@code buyerId}, nothing recorded.</li>
 * </ul>
 * A buyer nobody knows yet (not invoiced, not registered) may be the tenant's, about to be invoiced: it is read as
 * empty and written as the tenant's. A buyer known under the tenant and others (data from before registrations carried
 * the tenant) is the tenant's own too.
 */
public final class BuyerTenancy {
    private BuyerTenancy() {
    }

    /**
     * Whether the buyer is another tenant's and not the caller's.
     *
     * @param knownToTenant the caller's tenant invoiced the buyer or had it registered
     * @param knownToOthers another tenant invoiced it or had it registered
     */
    public static boolean isAnotherTenants(boolean knownToTenant, boolean knownToOthers) {
        return !knownToTenant && knownToOthers;
    }

    /** {@link #isAnotherTenants(boolean, boolean)} for a buyer known under the tenants {@code knownUnder}. */
    public static boolean isAnotherTenants(String tenantId, Set<String> knownUnder) {
        boolean knownToTenant = knownUnder.contains(tenantId);
        return isAnotherTenants(knownToTenant, knownUnder.size() > (knownToTenant ? 1 : 0));
    }

    /** Nothing when no buyer is named or it may be the tenant's; else 404 {@code buyer.not-found}. */
    public static void ensureVisibleTo(UUID buyerId, boolean knownToTenant, boolean knownToOthers) {
        if (buyerId != null && isAnotherTenants(knownToTenant, knownToOthers)) {
            throw DomainError.notFound("buyer.not-found", "No buyer " + buyerId + " of this tenant");
        }
    }

    /** {@link #ensureVisibleTo(UUID, boolean, boolean)} for a buyer known under the tenants {@code knownUnder}. */
    public static void ensureVisibleTo(String tenantId, UUID buyerId, Set<String> knownUnder) {
        boolean knownToTenant = knownUnder.contains(tenantId);
        ensureVisibleTo(buyerId, knownToTenant, knownUnder.size() > (knownToTenant ? 1 : 0));
    }

    /** Nothing when no buyer is named or it may be the tenant's; else 400 {@code code} naming {@code buyerId}. */
    public static void ensureOfTenant(String code, String tenantId, UUID buyerId, Set<String> knownUnder) {
        if (buyerId != null && isAnotherTenants(tenantId, knownUnder)) {
            throw DomainError.invalidField(code, "buyerId", "names no buyer of this tenant: " + buyerId);
        }
    }
}
