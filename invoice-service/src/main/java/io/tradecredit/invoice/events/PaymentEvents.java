package io.tradecredit.invoice.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.Payment;
import io.tradecredit.invoice.events.InvoiceEvents.Allocation;
import io.tradecredit.invoice.events.InvoiceEvents.PaymentReceived;
import io.tradecredit.invoice.events.InvoiceEvents.PaymentReversed;

/**
 * The events of payments and buyer credit, on {@code invoice-events} keyed by buyer id like every
 * invoice event (see {@link InvoiceEvents}). Allocations carry each invoice's open amount after
 * the change, and every event the buyer's credit balance after it.
 */
public final class PaymentEvents {

    private PaymentEvents() {
    }

    /** Buyer credit was applied to invoices ({@code io.tradecredit.invoice.buyer-credit-applied.v1}). */
    public record BuyerCreditApplied(UUID applicationId, UUID buyerId, Money amount, LocalDate appliedOn,
            List<Allocation> allocations, Money buyerCreditBalance) {
    }

    public static OutgoingEvent received(Payment p, List<Allocation> allocations, Money creditBalance) {
        return InvoiceEvents.event("payment-received", p.tenantId, p.buyerId, new PaymentReceived(p.id, p.buyerId,
                p.amount(), p.receivedOn, p.reference, allocations, p.unallocated(), creditBalance, p.payer()));
    }

    public static OutgoingEvent reversed(Payment p, List<Allocation> allocations, Money creditBalance) {
        return InvoiceEvents.event("payment-reversed", p.tenantId, p.buyerId, new PaymentReversed(p.id, p.buyerId,
                p.amount(), p.reversalReason, allocations, creditBalance));
    }

    public static OutgoingEvent creditApplied(String tenantId, UUID applicationId, UUID buyerId, Money amount,
            LocalDate appliedOn, List<Allocation> allocations, Money creditBalance) {
        return InvoiceEvents.event("buyer-credit-applied", tenantId, buyerId, new BuyerCreditApplied(applicationId,
                buyerId, amount, appliedOn, allocations, creditBalance));
    }
}
