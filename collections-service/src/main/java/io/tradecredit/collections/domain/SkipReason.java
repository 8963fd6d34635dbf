package io.tradecredit.collections.domain;

/**
 * Why a due step was not taken on a run (docs/domain.md §3 "Not dunned"). A skipped step is not
 * taken: it stays due and is judged again on the next run, so the ladder resumes at once when
 * the reason goes (a hold ends, a dispute is rejected); catch-up then keeps it to one message.
 */
public enum SkipReason {
    /** Nothing open any more. */
    PAID,
    /** Something is open, but all of it is disputed. */
    DISPUTED,
    /**
     * The invoice was in a case its agency closed as settled: the settlement ended that debt, what is left is for a
     * collector to write off (docs/collections-service.md, "Agencies"), never dunned again.
     */
    SETTLED_BY_AGENCY,
    /**
     * A step with a message, and the buyer is in insolvency proceedings (blocked by credit-service for an insolvency
     * filing, or an insolvency claim open): the debt is filed with the administrator or claimed from the insurer, a
     * demand to the debtor is pointless and may be unlawful. Steps without a message are judged as before.
     */
    BUYER_INSOLVENT,
    /** A payment plan covers it and is being kept. */
    KEPT_PLAN,
    /** The invoice is on hold until a date on or after the run's. */
    INVOICE_ON_HOLD,
    /** The buyer is on hold until a date on or after the run's. */
    BUYER_ON_HOLD,
    /** The collectible amount is under the step's minimum in its currency. */
    BELOW_MINIMUM,
    /** A step past the due date, and the buyer's whole overdue balance is under the tenant's tolerance. */
    BELOW_TOLERANCE
}
