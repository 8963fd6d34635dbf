package io.tradecredit.invoice.domain;

/**
 * The late-charge terms that apply to a buyer, and whether they are its own or the tenant's. An
 * invoice is issued under the terms that apply to its buyer that day and keeps them
 * ({@link Invoice#lateChargeTerms()}): its late charges are a term of its contract, so a later
 * change of the tenant's or the buyer's terms applies to the invoices issued after it.
 */
public record LateChargeTerms(LateChargePolicy policy, Source source) {
    public enum Source {
        /** Agreed with this buyer, overriding the tenant's. */
        BUYER,
        /** The tenant's invoicing policy (or its defaults). */
        TENANT
    }

    /** The terms that apply to a buyer: those agreed with it ({@code agreedWithBuyer}, null if none), else the tenant's. */
    public static LateChargeTerms applying(LateChargePolicy agreedWithBuyer, LateChargePolicy tenants) {
        return agreedWithBuyer != null ? new LateChargeTerms(agreedWithBuyer, Source.BUYER)
                : new LateChargeTerms(tenants, Source.TENANT);
    }
}
