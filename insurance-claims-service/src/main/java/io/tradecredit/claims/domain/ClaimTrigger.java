package io.tradecredit.claims.domain;

/**
 * What opened a claim: a person ({@code POST /claims}) or a signal the service acted on by itself
 * (credit-service blocked the buyer for insolvency; a protracted default
 * outlasted the waiting period; the dunning ladder's claim trigger). Published on claim-opened so the insurer's file
 * and the tenant's reports tell the two apart.
 */
public enum ClaimTrigger {
    MANUAL, INSOLVENCY, PROTRACTED_DEFAULT,
    /** The tenant's dunning ladder took its claim trigger (the default +90 "insurer claim if insured"). */
    DUNNING_LADDER
}
