package io.tradecredit.claims.domain;

import java.time.LocalDate;

/**
 * What has happened to an insured overdue invoice that may meet its deadlines, as known on the day judged
 * (each date on or before that day, null when it has not happened).
 *
 * @param paid nothing is open of the invoice any more (paid, credited, written off or cancelled)
 * @param overdueNotifiedOn the first overdue notification under the policy naming the invoice
 * @param stopDeliveriesFrom the first day of a stop-deliveries period of the buyer under the policy
 * @param claimFiledOn the first day a claim under the policy naming the invoice was submitted to the insurer
 * @param handedToCollectorOn the day the buyer's case went to the policy's named collector, when it was with it on
 *        the deadline's day (or the day judged, if earlier): {@link CollectorHandOver#since}
 */
public record DeadlineFacts(boolean paid, LocalDate overdueNotifiedOn, LocalDate stopDeliveriesFrom,
        LocalDate claimFiledOn, LocalDate handedToCollectorOn) {
    public static final DeadlineFacts NOTHING = new DeadlineFacts(false, null, null, null, null);

    /** The facts without a hand-over to the named collector. */
    public DeadlineFacts(boolean paid, LocalDate overdueNotifiedOn, LocalDate stopDeliveriesFrom, LocalDate claimFiledOn) {
        this(paid, overdueNotifiedOn, stopDeliveriesFrom, claimFiledOn, null);
    }

    /** These facts with the day the case went to the named collector (null: it did not). */
    public DeadlineFacts withHandOver(LocalDate on) {
        return new DeadlineFacts(paid, overdueNotifiedOn, stopDeliveriesFrom, claimFiledOn, on);
    }
}
