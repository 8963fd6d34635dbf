package io.tradecredit.collections.messaging;

import static io.tradecredit.collections.messaging.ReadModelEvents.await;
import static io.tradecredit.collections.messaging.ReadModelEvents.invoice;
import static io.tradecredit.collections.messaging.ReadModelEvents.issued;
import static io.tradecredit.collections.messaging.ReadModelEvents.payment;
import static io.tradecredit.collections.messaging.ReadModelEvents.today;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.tradecredit.collections.app.ReceivedPayments;
import io.tradecredit.collections.domain.PromiseToPay.Payment;
import io.tradecredit.common.money.Money;

/** A buyer's payments and reversals, from real invoice-events, as a promise to pay is judged against them. */
@QuarkusTest
class ReceivedPaymentsFlowTest {
    @Inject
    ReceivedPayments payments;

    @Test
    void paymentsAndTheirReversalsAreTheBuyersPaymentsByDayWithinTheTenant() {
        String buyer = UUID.randomUUID().toString();
        String inv = UUID.randomUUID().toString();
        invoice("acme", buyer, "issued", issued(buyer, inv, "9000.00", today().minusDays(10)));
        Map<String, Object> first = payment("payment-received", buyer, inv, "4000.00", "5000.00");
        invoice("acme", buyer, "payment-received", first);
        invoice("acme", buyer, "payment-received", payment("payment-received", buyer, inv, "1000.00", "4000.00"));
        await("two payments", () -> paymentsOf("acme", buyer).size() == 2);
        assertEquals(Set.of(new Payment(today(), cny("4000.00")), new Payment(today(), cny("1000.00"))),
                Set.copyOf(paymentsOf("acme", buyer)));

        Map<String, Object> reversal = payment("payment-reversed", buyer, inv, "4000.00", "8000.00");
        reversal.put("paymentId", first.get("paymentId"));
        invoice("acme", buyer, "payment-reversed", reversal);
        // the reversal takes away the payment it reverses (by its id), on the day it happened
        await("the reversal", () -> paymentsOf("acme", buyer).stream().anyMatch(p -> p.reversedOn() != null));
        assertEquals(Set.of(new Payment(today(), cny("4000.00"), today()), new Payment(today(), cny("1000.00"))),
                Set.copyOf(paymentsOf("acme", buyer)));

        // nothing before the window, nothing of another tenant's buyer with the same id
        assertEquals(List.of(), run(() -> payments.of("acme", UUID.fromString(buyer), today().minusDays(9),
                today().minusDays(1))));
        assertEquals(List.of(), paymentsOf("globex", buyer));
    }

    private List<Payment> paymentsOf(String tenant, String buyer) {
        return run(() -> payments.of(tenant, UUID.fromString(buyer), today().minusDays(1), today().plusDays(1)));
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    private static <T> T run(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
