package io.tradecredit.invoice.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.app.Payments;
import io.tradecredit.invoice.domain.Allocation;
import io.tradecredit.invoice.domain.Payer;
import io.tradecredit.invoice.domain.Payment;
import io.tradecredit.invoice.domain.PaymentStatus;

/**
 * A payment as the API shows it: how it was allocated, what it left as buyer credit
 * ({@code unallocated}) and how much of that is not yet applied ({@code creditRemaining}); {@code amount} is what
 * the ledger posted, {@code received} what the payer paid (more only for an insurer's indemnity).
 */
public record PaymentView(UUID id, UUID buyerId, PaymentStatus status, Money amount, LocalDate receivedOn,
        String reference, List<AllocationView> allocations, Money unallocated, Money creditRemaining,
        Reversal reversal, OffsetDateTime createdAt, String createdBy,
        @Schema(description = "who paid: kind BUYER (name null), or INSURER with the insurer's name for a claim's"
                + " indemnity, whose reference is the claim id") Payer payer,
        @Schema(description = "what the payer paid: the amount, or more for an insurer's indemnity posted only up to"
                + " what was open on the claimed invoices (the rest, received minus amount, is the insurer's share of"
                + " the buyer's payments after approval and is not posted)") Money received) {

    public record AllocationView(UUID invoiceId, String invoiceNumber, Money amount) {
        static AllocationView of(Allocation a) {
            return new AllocationView(a.invoiceId, a.invoiceNumber, a.amount());
        }
    }

    public record Reversal(String reason, LocalDate reversedOn, String reversedBy) {
    }

    public static PaymentView of(Payments.PaymentDetails d) {
        Payment p = d.payment();
        return new PaymentView(p.id, p.buyerId, p.status, p.amount(), p.receivedOn, p.reference,
                d.allocations().stream().map(AllocationView::of).toList(), p.unallocated(), p.creditRemaining(),
                p.status == PaymentStatus.REVERSED ? new Reversal(p.reversalReason, p.reversedOn, p.reversedBy) : null,
                p.createdAt, p.createdBy, p.payer(), p.received());
    }
}
