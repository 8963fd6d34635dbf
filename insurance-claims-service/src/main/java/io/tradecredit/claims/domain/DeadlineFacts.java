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
 */
public record DeadlineFacts(boolean paid, LocalDate overdueNotifiedOn, LocalDate stopDeliveriesFrom,
        LocalDate claimFiledOn) {
    public static final DeadlineFacts NOTHING = new DeadlineFacts(false, null, null, null);
}
