package io.tradecredit.invoice.domain;

/** The late-charge terms that apply to a buyer, and whether they are its own or the tenant's. */
public record LateChargeTerms(LateChargePolicy policy, Source source) {
    public enum Source {
        /** Agreed with this buyer, overriding the tenant's. */
        BUYER,
        /** The tenant's invoicing policy (or its defaults). */
        TENANT
    }
}
