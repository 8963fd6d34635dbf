package io.tradecredit.collections.domain;

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
     * {@code written-off}) left the buyer with nothing overdue: a write-off closes it as written
     * off, anything else that cleared the ledger (a payment, a credit note) as paid.
     */
    public static CloseReason clearedBy(String ledgerEvent) {
        return "written-off".equals(ledgerEvent) ? WRITTEN_OFF : PAID;
    }
}
