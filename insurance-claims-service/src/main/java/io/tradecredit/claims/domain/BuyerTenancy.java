package io.tradecredit.claims.domain;

import java.util.Set;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;

/**
 * Whose buyer a buyer id is. credit-service mints a buyer's id for one tenant; this service learns the tenant from
 * credit-service's {@code buyer-registered} and from invoice-service's invoices to the buyer. A limit request, a
 * decision (the tenant's or the insurer's signed callback) or a claim by hand naming a buyer the service knows only
 * under other tenants is refused as naming no buyer of this tenant (400 naming {@code buyerId}, nothing recorded), as an
 * unknown {@code requestId} is: recorded, it would hold another tenant's buyer's limit or loss under this tenant's
 * policy. A buyer the service has not heard of yet (no registration or invoice arrived, or registered before V17) is
 * taken as the tenant's: the insurer may decide on a buyer before its first invoice.
 * <p>
 * Read alike: a read naming a buyer (its limit, decisions, requests, exposure, notifications, deadlines) known only
 * under other tenants is 404 {@code buyer.not-found}, as another tenant's policy or claim is, not an empty answer that
 * tells the caller the id exists elsewhere and looks like "no limit, nothing overdue" for a buyer it does not have.
 */
public final class BuyerTenancy {
    private BuyerTenancy() {
    }

    /** Whether {@code buyerId}, known under the tenants {@code knownUnder}, is another tenant's and not {@code tenantId}'s. */
    public static boolean isAnotherTenants(String tenantId, Set<String> knownUnder) {
        return !knownUnder.isEmpty() && !knownUnder.contains(tenantId);
    }

    /** Nothing when the buyer may be the tenant's; else 400 {@code code} naming {@code buyerId}. */
    public static void ensureOfTenant(String code, String tenantId, UUID buyerId, Set<String> knownUnder) {
        if (buyerId != null && isAnotherTenants(tenantId, knownUnder)) {
            throw DomainError.invalidField(code, "buyerId", "names no buyer of this tenant: " + buyerId);
        }
    }

    /** Nothing when the buyer may be the tenant's (or none is named); else 404 {@code buyer.not-found}. */
    public static void ensureVisibleTo(String tenantId, UUID buyerId, Set<String> knownUnder) {
        if (buyerId != null && isAnotherTenants(tenantId, knownUnder)) {
            throw DomainError.notFound("buyer.not-found", "No buyer " + buyerId + " of this tenant");
        }
    }
}
