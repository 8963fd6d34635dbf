package io.tradecredit.credit.domain;

import java.time.LocalDate;

/**
 * What the credit check says about credit insurance (docs/credit-service.md, "Insurance in the credit check"):
 * once the tenant notified the insurer of the buyer's overdue account, stop-deliveries runs from that day, and
 * a new delivery to the buyer is not insured. credit-service knows only that much yet, so without a
 * stop-deliveries in force it says nothing ({@code null}).
 */
public record InsuranceCover(boolean insured, String reason, LocalDate stopDeliveriesFrom) {

    /** The cover of a delivery on {@code today} given the earliest stop-deliveries day known (null: none). */
    public static InsuranceCover on(LocalDate today, LocalDate stopDeliveriesFrom) {
        if (stopDeliveriesFrom == null || stopDeliveriesFrom.isAfter(today)) {
            return null;
        }
        return new InsuranceCover(false, "stop-deliveries since " + stopDeliveriesFrom, stopDeliveriesFrom);
    }
}
