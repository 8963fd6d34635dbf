package io.tradecredit.claims.domain;

import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * One invoice of a claim and its unpaid amount (an invoice delivered under cover, whole: the insured limit caps the
 * claim's loss in {@link Indemnity}, not each invoice); the invoice id is known when the ledger named it.
 */
public record ClaimedInvoice(String invoiceNumber, UUID invoiceId, Money unpaidAmount) {
}
