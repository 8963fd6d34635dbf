package io.tradecredit.invoice.domain;

/** A ledger entry as a buyer statement lists it, with the number of its invoice. */
public record StatementEntry(LedgerEntry entry, String invoiceNumber) {
}
