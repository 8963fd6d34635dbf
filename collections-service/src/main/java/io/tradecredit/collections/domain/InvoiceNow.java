package io.tradecredit.collections.domain;

import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * An invoice as the read model shows it now, for judging whether a dunning message about it is
 * still true ({@link WithdrawalRule}).
 *
 * @param state OPEN, PAID, CANCELLED or WRITTEN_OFF
 * @param underPlan whether an agreed (not broken) payment plan covers it
 */
public record InvoiceNow(UUID invoiceId, String invoiceNumber, String state, Money open, Money collectible,
        boolean underPlan) {

    /** Why nothing is collectible on the invoice now, in a letter's words; null when something is. */
    public String nothingCollectibleBecause() {
        return switch (state) {
            case "PAID" -> "paid";
            case "CANCELLED" -> "cancelled";
            case "WRITTEN_OFF" -> "written off";
            default -> whileOpen();
        };
    }

    private String whileOpen() {
        if (!open.isPositive()) {
            return "settled";
        }
        if (underPlan) {
            return "under a payment plan";
        }
        return collectible.isPositive() ? null : "disputed";
    }
}
