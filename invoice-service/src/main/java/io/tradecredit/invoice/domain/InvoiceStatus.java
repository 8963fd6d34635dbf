package io.tradecredit.invoice.domain;

/** Where an invoice stands. Overdue is a status (set by the daily job), not a calculation. */
public enum InvoiceStatus {
    /** Issued, not yet past due, something still open. */
    OPEN,
    /** Past its due date with something still open. */
    OVERDUE,
    /** Nothing open, at least part of it paid. */
    PAID,
    /** Nothing open, all of it offset by credit notes. */
    CREDITED,
    /** Withdrawn before any payment. */
    CANCELLED,
    /** The open rest declared bad debt. */
    WRITTEN_OFF;

    public boolean isOpen() {
        return this == OPEN || this == OVERDUE;
    }
}
