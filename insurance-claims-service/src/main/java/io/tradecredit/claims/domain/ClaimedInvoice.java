package io.tradecredit.claims.domain;

import java.util.UUID;

import io.tradecredit.common.money.Money;

/** One invoice of a claim and its unpaid insured amount; the invoice id is known when the ledger named it. */
public record ClaimedInvoice(String invoiceNumber, UUID invoiceId, Money unpaidAmount) {
}
