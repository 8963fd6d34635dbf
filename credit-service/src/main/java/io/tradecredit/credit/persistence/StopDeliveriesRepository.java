package io.tradecredit.credit.persistence;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.credit.domain.InsuranceCover.StopCause;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Stop-deliveries per policy and buyer (V6) with what started them (V15); the credit check reads them in its snapshot.
 */
@ApplicationScoped
public class StopDeliveriesRepository {

    /**
     * The earliest day per policy and buyer stands: a repeat or a later day changes nothing, an earlier one moves the
     * stop back (insurance-claims-service tells a missed stop-deliveries deadline when its job finds it, which can be
     * after the tenant's late notification was told).
     */
    public Uni<Void> started(String tenantId, UUID buyerId, UUID policyId, LocalDate from, UUID notificationId,
            StopCause cause) {
        return CurrentTransaction.execute("""
                insert into stop_deliveries (tenant_id, buyer_id, policy_id, from_day, notification_id, cause)
                values ($1, $2, $3, $4, $5, $6)
                on conflict (tenant_id, buyer_id, policy_id) do update
                    set from_day = excluded.from_day, notification_id = excluded.notification_id,
                        cause = excluded.cause
                    where excluded.from_day < stop_deliveries.from_day""",
                Tuple.of(tenantId, buyerId, policyId, from, notificationId, name(cause))).replaceWithVoid();
    }

    /** A cause this service does not know is kept as none. */
    private static String name(StopCause cause) {
        return cause == null ? null : cause.name();
    }

    /**
     * insurance-claims-service withdrew the stop it had announced for the policy and buyer: the stop that stands now
     * replaces the one kept, also when its day is later (the earliest-day rule of {@link #started} is for stops
     * announced, not for a correction); none standing ({@code from} null) deletes it.
     */
    public Uni<Void> replaced(String tenantId, UUID buyerId, UUID policyId, LocalDate from, UUID notificationId,
            StopCause cause) {
        if (from == null) {
            return CurrentTransaction.execute("""
                    delete from stop_deliveries where tenant_id = $1 and buyer_id = $2 and policy_id = $3""",
                    Tuple.of(tenantId, buyerId, policyId)).replaceWithVoid();
        }
        return CurrentTransaction.execute("""
                insert into stop_deliveries (tenant_id, buyer_id, policy_id, from_day, notification_id, cause)
                values ($1, $2, $3, $4, $5, $6)
                on conflict (tenant_id, buyer_id, policy_id) do update
                    set from_day = excluded.from_day, notification_id = excluded.notification_id,
                        cause = excluded.cause""",
                Tuple.of(tenantId, buyerId, policyId, from, notificationId, name(cause))).replaceWithVoid();
    }
}
