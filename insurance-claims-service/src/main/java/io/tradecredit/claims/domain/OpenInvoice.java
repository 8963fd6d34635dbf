package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/** An invoice of the receivables ledger as this service knows it from {@code invoice-events}: what is still open of it. */
public record OpenInvoice(UUID invoiceId, UUID buyerId, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
        Money total, Money openAmount) {
}
