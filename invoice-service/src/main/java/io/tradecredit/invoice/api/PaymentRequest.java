package io.tradecredit.invoice.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.Allocator;
import io.tradecredit.invoice.domain.NewPayment;

/** A payment as finance posts it; without {@code allocations} it is allocated oldest first. */
public record PaymentRequest(UUID buyerId, Money amount, LocalDate receivedOn, String reference,
        List<AllocationRequest> allocations) {

    /** "Put this much of the payment (or credit) on that invoice." */
    public record AllocationRequest(UUID invoiceId, Money amount) {
    }

    public NewPayment toCommand() {
        return new NewPayment(buyerId, amount, receivedOn, reference, requests(allocations));
    }

    static List<Allocator.Request> requests(List<AllocationRequest> allocations) {
        return allocations == null ? null
                : allocations.stream().map(a -> a == null ? null : new Allocator.Request(a.invoiceId(), a.amount()))
                        .toList();
    }
}
