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

    /**
     * Why nothing is collectible on the invoice now, in a letter's words; null when something is. An
     * agreed plan makes a message about the whole invoice moot, not one about its instalments: the run
     * duns those while the plan is kept (docs/collections-service.md, "Payment plans").
     */
    public String nothingCollectibleBecause(boolean aboutInstalments) {
        return switch (state) {
            case "PAID" -> "paid";
            case "CANCELLED" -> "cancelled";
            case "WRITTEN_OFF" -> "written off";
            default -> whileOpen(aboutInstalments);
        };
    }

    /**
     * Whether nothing is owed on the invoice any more: paid, cancelled, written off, or settled to
     * nothing by payments and credit notes. A dispute or a payment plan clears nothing: the money is
     * still owed.
     */
    public boolean isCleared() {
        return !"OPEN".equals(state) || !open.isPositive();
    }

    private String whileOpen(boolean aboutInstalments) {
        if (!open.isPositive()) {
            return "settled";
        }
        if (underPlan && !aboutInstalments) {
            return "under a payment plan";
        }
        return collectible.isPositive() ? null : "disputed";
    }
}
