package io.tradecredit.collections.domain;

/** Why a case came back from an agency. */
public enum PlacementEnd {
    /** The tenant took the case back. */
    RECALLED,
    /** The agency gave it back without a result. */
    RETURNED,
    /** The agency reports the debt cannot be collected; the collector decides what next. */
    UNCOLLECTIBLE,
    /** The agency reports a settlement concluded: the case closes as settled. */
    SETTLED,
    /** The tenant closed the case (paid, written off, claimed, abandoned) while the agency held it. */
    CASE_CLOSED;

    /**
     * Whether a payment on the day the stay ended still earns the agency its commission: yes when
     * the stay ended in its result (a settlement, the case closed, e.g. by the very payment that
     * cleared the buyer), no when the tenant took the case back or the agency gave it back. The
     * hand-off day always earns, also when the stay ended that same day (AgencyCommission.Placement).
     */
    public boolean earnsOnItsDay() {
        return this == SETTLED || this == CASE_CLOSED;
    }
}
