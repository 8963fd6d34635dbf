package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/** An invoice's open amount as of a date (its total less the ledger entries effective by then). */
public record OpenItem(UUID invoiceId, UUID buyerId, LocalDate dueDate, Money open) {
}
