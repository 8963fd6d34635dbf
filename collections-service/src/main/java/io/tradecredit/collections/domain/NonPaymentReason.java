package io.tradecredit.collections.domain;

/**
 * Why the buyer says it has not paid, as a collector codes it after a call (issue 12, "log a
 * call"), and the next move each reason calls for: a question about the invoice or the goods is
 * a dispute, a failure of the buyer's payment system needs only a few days, cash-flow trouble is
 * met with a payment plan, anything else with a follow-up call.
 */
public enum NonPaymentReason {
    INVOICE_PROBLEM(NextMove.Kind.OPEN_DISPUTE),
    GOODS_NOT_OR_WRONGLY_DELIVERED(NextMove.Kind.OPEN_DISPUTE),
    PAYMENT_SYSTEM_FAILURE(NextMove.Kind.SHORT_HOLD),
    CASH_FLOW_TROUBLE(NextMove.Kind.OFFER_PAYMENT_PLAN),
    OTHER(NextMove.Kind.FOLLOW_UP_CALL);

    private final NextMove.Kind suggests;

    NonPaymentReason(NextMove.Kind suggests) {
        this.suggests = suggests;
    }

    /** The kind of move this reason suggests; {@link CallOutcome#suggestion} dates it. */
    public NextMove.Kind suggests() {
        return suggests;
    }
}
