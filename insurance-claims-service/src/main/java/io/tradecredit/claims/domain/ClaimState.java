package io.tradecredit.claims.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a claim stands: draft → submitted → under review → approved / rejected → paid. Approval
 * computes the indemnity; the claim is paid when the insurer's payments reach it, at once when the indemnity is 0
 * (Claim#approve: under review → paid, nothing to pay). A draft the tenant
 * does not file (one the service opened by itself, the dunning ladder's say) is withdrawn; so is a claim not yet
 * approved whose invoices the buyer paid in full (Claim#settledByTheBuyer, not a move by hand). Rejected,
 * paid and withdrawn are final.
 */
public enum ClaimState {
    DRAFT, SUBMITTED, UNDER_REVIEW, APPROVED, REJECTED, PAID, WITHDRAWN;

    /** The states this one may move to. */
    public Set<ClaimState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case SUBMITTED -> EnumSet.of(UNDER_REVIEW);
            case UNDER_REVIEW -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED -> EnumSet.of(PAID);
            case REJECTED, PAID, WITHDRAWN -> EnumSet.noneOf(ClaimState.class);
        };
    }

    public boolean mayMoveTo(ClaimState to) {
        return next().contains(to);
    }

    /**
     * Whether a claim in this state still stands open: the insurer may yet pay it (draft to approved). The buyer then has
     * a claim under way, and an automatic claim of the buyer waits (ProtractedDefault#on, LadderClaim#on).
     */
    public boolean isOpen() {
        return this != REJECTED && this != PAID && this != WITHDRAWN;
    }

    /**
     * Whether a claim in this state holds its invoices, so that no other claim of the tenant may claim them
     * (Claim#claimingNothingHeld): while open, since the insurer may still pay it, and once PAID, since the insurer
     * indemnified their loss already (DOMAIN §4's 72,000 paid, the same 100,000 claimed again would be paid twice).
     * A claim REJECTED by the insurer or WITHDRAWN (a draft not filed, or settled by the buyer) ended without
     * indemnity and holds nothing: its invoices may be claimed again.
     */
    public boolean holdsItsInvoices() {
        return this != REJECTED && this != WITHDRAWN;
    }
}
