package io.tradecredit.collections.domain;

import java.time.LocalDate;

/**
 * What a collector is advised to do after a call: a suggestion, never done by itself.
 *
 * @param holdUntil for {@link Kind#SHORT_HOLD}: the end date of the manual hold to place; else null
 * @param nextActionOn when the case should be looked at again
 */
public record NextMove(Kind kind, LocalDate holdUntil, LocalDate nextActionOn) {

    public enum Kind {
        /** Record a dispute in invoice-service: the disputed part is then not dunned. */
        OPEN_DISPUTE,
        /** Pause dunning of the buyer for a few days (a manual hold) while it repairs its payment run. */
        SHORT_HOLD,
        /** Propose a payment plan in invoice-service. */
        OFFER_PAYMENT_PLAN,
        /** Call again. */
        FOLLOW_UP_CALL
    }
}
