package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * One change of a buyer's credit balance: {@code amount} is signed (+ credit received, - credit
 * used or removed); {@code referenceId} is the payment, the credit note, or for an application its own id.
 */
public record CreditMovement(UUID id, String tenantId, UUID buyerId, Kind kind, Money amount, Money balanceAfter,
        UUID referenceId, LocalDate occurredOn, OffsetDateTime createdAt, String createdBy) {

    public enum Kind {
        /** The part of a payment beyond the invoices it settled; reference = payment id. */
        OVERPAYMENT,
        /** Credit applied to invoices; reference = this application's id (= the movement id). */
        APPLIED,
        /** The credit of a payment reversed as posted in error; reference = payment id. */
        PAYMENT_REVERSED,
        /** The part of a dispute's credit note that the buyer had paid already; reference = credit note id. */
        CREDIT_NOTE
    }
}
