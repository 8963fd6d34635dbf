package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * A credit note: a documented reduction of what the buyer owes on an invoice, numbered per
 * tenant. Issued on request or when a dispute is upheld ({@code disputeId} set).
 */
public record CreditNote(UUID id, String tenantId, String number, UUID invoiceId, UUID buyerId, UUID disputeId,
        Money amount, String reason, LocalDate issuedOn, OffsetDateTime createdAt, String createdBy) {

    /** The tenant's {@code sequence}-th credit note number: CN-000001, ..., CN-999999, CN-1000000. */
    public static String number(long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("credit note numbers start at 1, got " + sequence);
        }
        return String.format("CN-%06d", sequence);
    }
}
