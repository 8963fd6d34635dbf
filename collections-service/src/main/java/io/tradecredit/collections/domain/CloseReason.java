package io.tradecredit.collections.domain;

import java.util.Optional;

/** Why a collection case closed (docs/domain.md §3). */
public enum CloseReason {
    /** Nothing overdue is left: paid, credited or otherwise cleared in the ledger. */
    PAID,
    /** A settlement (with an agency or in court) ended the debt. */
    SETTLED,
    /** The tenant wrote the debt off in invoice-service. */
    WRITTEN_OFF,
    /** The debt was claimed from the credit insurer. */
    CLAIMED,
    /** Collection was abandoned as costing more than the debt. */
    ABANDONED;

    /**
     * Why a case closes when invoice-service's event {@code ledgerEvent} (its name, e.g.
     * {@code written-off}) left the buyer owing nothing overdue: a write-off closes it as written
     * off, anything else that took money or credit off the ledger (a payment, a buyer credit, a
     * credit note, a cancellation, the invoice paid) as paid. Empty for every other event, which
     * closes nothing: a dispute (opened or resolved) pays nothing, the disputed amount is still
     * owed; a reversal only adds to what is owed.
     */
    public static Optional<CloseReason> clearedBy(String ledgerEvent) {
        return switch (ledgerEvent) {
            case "written-off" -> Optional.of(WRITTEN_OFF);
            case "payment-received", "buyer-credit-applied", "credit-note-issued", "paid", "cancelled" ->
                Optional.of(PAID);
            default -> Optional.empty();
        };
    }
}
