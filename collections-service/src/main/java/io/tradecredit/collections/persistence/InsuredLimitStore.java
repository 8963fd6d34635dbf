package io.tradecredit.collections.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.insurance.InsuredLimitSchedule;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Each buyer's insured-limit schedule (table {@code insured_limit_schedule}, V19), in the current
 * transaction; {@link #schedule} is the one mapper of its rows.
 */
@ApplicationScoped
public class InsuredLimitStore {
    /**
     * The whole schedule replaces the buyer's earlier one, unless that one was computed later. The periods go
     * as text cast in SQL: the client would send a String bound to jsonb as one JSON string, not the array.
     */
    static final String KEEP = """
            insert into insured_limit_schedule (tenant_id, buyer_id, periods, computed_at, received_at)
            values ($1, $2, $3::text::jsonb, $4, $5)
            on conflict (tenant_id, buyer_id) do update set periods = excluded.periods,
                computed_at = excluded.computed_at, received_at = excluded.received_at
            where insured_limit_schedule.computed_at <= excluded.computed_at""";
    static final String OF_BUYER = """
            select tenant_id, buyer_id, periods::text as periods from insured_limit_schedule
            where tenant_id = $1 and buyer_id = $2""";
    /** The schedules of a batch of buyers (the run's, with its other statements). */
    static final String OF_BUYERS = """
            select s.tenant_id, s.buyer_id, s.periods::text as periods
            from unnest($1::text[], $2::uuid[]) as k(tenant_id, buyer_id)
            join insured_limit_schedule s on s.tenant_id = k.tenant_id and s.buyer_id = k.buyer_id""";

    /** A buyer's schedule as the read model keeps it, with its buyer. */
    public record BuyerSchedule(String tenantId, UUID buyerId, InsuredLimitSchedule schedule) {
    }

    public Uni<Void> keep(String tenantId, UUID buyerId, InsuredLimitSchedule schedule, OffsetDateTime computedAt,
            OffsetDateTime at) {
        return CurrentTransaction.execute(KEEP, Tuple.of(tenantId, buyerId, schedule.toJson(), computedAt, at))
                .replaceWithVoid();
    }

    /** The buyer's schedule; none (not insured on any day) when claims published none. */
    public Uni<InsuredLimitSchedule> scheduleOf(String tenantId, UUID buyerId) {
        return CurrentTransaction.execute(OF_BUYER, Tuple.of(tenantId, buyerId)).map(rows -> rows.size() == 0
                ? InsuredLimitSchedule.NONE : schedule(rows.iterator().next()).schedule());
    }

    /** The schedules of the buyers {@code tenants[i]}/{@code ids[i]} that have one. */
    public static Uni<List<BuyerSchedule>> ofBuyers(String[] tenants, UUID[] ids) {
        return CurrentTransaction.execute(OF_BUYERS, Tuple.of(tenants, ids)).map(rows -> {
            List<BuyerSchedule> out = new ArrayList<>(rows.size());
            rows.forEach(r -> out.add(schedule(r)));
            return out;
        });
    }

    static BuyerSchedule schedule(Row r) {
        return new BuyerSchedule(r.getString("tenant_id"), r.getUUID("buyer_id"),
                InsuredLimitSchedule.fromJson(r.getString("periods")));
    }
}
