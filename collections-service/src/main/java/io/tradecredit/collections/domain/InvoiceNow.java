package io.tradecredit.collections.domain;

import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * An invoice as the read model shows it now, for judging whether a dunning message about it is
 * still true ({@link WithdrawalRule}).
 *
 * @param state OPEN, PAID, CANCELLED or WRITTEN_OFF
 * @param underPlan whether an agreed (not broken) payment plan covers it
 * @param settledByAgency the code of the agency whose settlement of the buyer's case ended the invoice's debt
 *     ({@code agency_settled_invoice}, docs/collections-service.md "Agencies"); null: none did
 */
public record InvoiceNow(UUID invoiceId, String invoiceNumber, String state, Money open, Money collectible,
        boolean underPlan, String settledByAgency) {

    /** An invoice no agency's settlement ended. */
    public InvoiceNow(UUID invoiceId, String invoiceNumber, String state, Money open, Money collectible,
            boolean underPlan) {
        this(invoiceId, invoiceNumber, state, open, collectible, underPlan, null);
    }

    /**
     * Why nothing is collectible on the invoice now, in a letter's words; null when something is. An
     * agreed plan makes a message about the whole invoice moot, not one about its instalments: the run
     * duns those while the plan is kept (docs/collections-service.md, "Payment plans"). An agency's settlement
     * ended what is left of it, instalments included: "settled by agency &lt;code&gt;" (what is left is for a
     * collector to write off, never asked for again).
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
        if (settledByAgency != null) {
            return "settled by agency " + settledByAgency;
        }
        if (underPlan && !aboutInstalments) {
            return "under a payment plan";
        }
        return collectible.isPositive() ? null : "disputed";
    }
}
