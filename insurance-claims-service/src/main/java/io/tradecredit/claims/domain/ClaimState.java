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
}
