package io.tradecredit.credit.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.insurance.InsuredLimitSchedule;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Tuple;

/** Each buyer's insured-limit schedule (V8); the credit check reads it for its split. */
@ApplicationScoped
public class InsuredLimitRepository {

    /**
     * Keeps the buyer's schedule unless one computed later is kept already (a schedule republished after an
     * upgrade may arrive after a newer one): the whole schedule replaces the earlier one. The periods go as
     * text cast in SQL: the client would send a String bound to jsonb as one JSON string, not the array.
     */
    public Uni<Void> keep(String tenantId, UUID buyerId, InsuredLimitSchedule schedule, OffsetDateTime computedAt,
            OffsetDateTime at) {
        return CurrentTransaction.execute("""
                insert into insured_limit_schedule (tenant_id, buyer_id, periods, computed_at, received_at)
                values ($1, $2, $3::text::jsonb, $4, $5)
                on conflict (tenant_id, buyer_id) do update set periods = excluded.periods,
                    computed_at = excluded.computed_at, received_at = excluded.received_at
                where insured_limit_schedule.computed_at <= excluded.computed_at""",
                Tuple.of(tenantId, buyerId, schedule.toJson(), computedAt, at)).replaceWithVoid();
    }
}
