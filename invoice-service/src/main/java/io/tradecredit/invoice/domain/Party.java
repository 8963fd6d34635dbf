package io.tradecredit.invoice.domain;

/** Seller or buyer as printed on the invoice; the seller also gives the account to pay into. */
public record Party(String name, String address, String taxId, String bankAccount) {
}
