package io.tradecredit.collections.app;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.AgencyCommission.BuyerPayment;
import io.tradecredit.collections.domain.PromiseToPay;
import io.tradecredit.collections.persistence.ReceivedPaymentRepository;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;

/**
 * What each buyer paid, from invoice-service's {@code payment-received} and
 * {@code payment-reversed} events: the payments a promise to pay is judged against
 * ({@link PromiseToPay#judge}).
 */
@ApplicationScoped
public class ReceivedPayments {
    @Inject
    ReceivedPaymentRepository payments;

    public Uni<Void> received(String tenantId, UUID paymentId, UUID buyerId, LocalDate on, Money amount) {
        return payments.received(tenantId, paymentId, buyerId, on, amount.currencyCode(), amount.amount());
    }

    public Uni<Void> reversed(String tenantId, UUID paymentId, LocalDate on) {
        return payments.reversed(tenantId, paymentId, on);
    }

    /**
     * The buyer's payments received or reversed from {@code from} to {@code to} (inclusive), as
     * {@link PromiseToPay#judge} takes them: each on the day received, with the day it was reversed
     * (a reversal takes away the payment it reverses, matched by the payment's id).
     */
    public Uni<List<PromiseToPay.Payment>> of(String tenantId, UUID buyerId, LocalDate from, LocalDate to) {
        return ofBuyers(tenantId, List.of(buyerId), from, to).map(paid -> paid.stream()
                .map(p -> new PromiseToPay.Payment(p.on(), p.amount(), p.reversedOn())).toList());
    }

    /** The same for several buyers at once, each payment with its buyer (an agency's commission statement). */
    public Uni<List<BuyerPayment>> ofBuyers(String tenantId, List<UUID> buyerIds, LocalDate from, LocalDate to) {
        if (buyerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return CurrentTransaction.run(() -> payments.of(tenantId, buyerIds, from, to)).map(rows -> rows.stream()
                .map(r -> new BuyerPayment(r.buyerId(), r.receivedOn(),
                        Money.rounded(r.amount(), Money.currencyOf(r.currency())), r.reversedOn()))
                .toList());
    }
}
