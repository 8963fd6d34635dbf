package io.tradecredit.collections.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;

/** The buyers' payments as invoice-events state them, always within the caller's tenant. */
@ApplicationScoped
public class ReceivedPaymentRepository {

    /** A payment as stored; {@code reversedOn} null while it stands. */
    public record Row(UUID paymentId, UUID buyerId, LocalDate receivedOn, String currency, BigDecimal amount,
            LocalDate reversedOn) {
    }

    /** Records a payment once (a redelivered event changes nothing). */
    public Uni<Void> received(String tenantId, UUID paymentId, UUID buyerId, LocalDate on, String currency,
            BigDecimal amount) {
        return CurrentTransaction.execute("insert into received_payment (tenant_id, payment_id, buyer_id, received_on,"
                + " currency, amount) values ($1, $2, $3, $4, $5, $6) on conflict do nothing",
                CurrentTransaction.params(tenantId, paymentId, buyerId, on, currency, amount)).replaceWithVoid();
    }

    /** Marks the payment reversed on {@code on} (the first reversal counts). */
    public Uni<Void> reversed(String tenantId, UUID paymentId, LocalDate on) {
        return CurrentTransaction.execute("update received_payment set reversed_on = $3"
                + " where tenant_id = $1 and payment_id = $2 and reversed_on is null",
                CurrentTransaction.params(tenantId, paymentId, on)).replaceWithVoid();
    }

    /**
     * The buyers' payments received or reversed from {@code from} to {@code to} (both inclusive), in one
     * statement however many buyers (an agency's statement asks for all its placed buyers at once).
     */
    public Uni<List<Row>> of(String tenantId, List<UUID> buyerIds, LocalDate from, LocalDate to) {
        return CurrentTransaction.execute("select payment_id, buyer_id, received_on, currency, amount, reversed_on"
                + " from received_payment where tenant_id = $1 and buyer_id = any($2)"
                + " and (received_on between $3 and $4 or reversed_on between $3 and $4)"
                + " order by received_on, payment_id",
                CurrentTransaction.params(tenantId, buyerIds.toArray(UUID[]::new), from, to))
                .map(rows -> {
                    List<Row> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Row(r.getUUID("payment_id"), r.getUUID("buyer_id"),
                            r.getLocalDate("received_on"), r.getString("currency").trim(), r.getBigDecimal("amount"),
                            r.getLocalDate("reversed_on"))));
                    return out;
                });
    }
}
