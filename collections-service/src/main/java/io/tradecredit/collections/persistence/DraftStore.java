package io.tradecredit.collections.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.BulkInsert;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Drafts of approval mode ({@code dunning_draft}, V4), in the current transaction; always by tenant. */
@ApplicationScoped
public class DraftStore {
    static final List<BulkInsert.Column> COLUMNS = List.of(new BulkInsert.Column("id", "uuid"),
            BulkInsert.Column.text("tenant_id"), new BulkInsert.Column("buyer_id", "uuid"),
            new BulkInsert.Column("run_date", "date"), BulkInsert.Column.text("step_key"), BulkInsert.Column.text("channel"),
            BulkInsert.Column.text("template_key"), new BulkInsert.Column("request", "jsonb"),
            new BulkInsert.Column("created_at", "timestamptz"));
    static final String SELECT = """
            select id, buyer_id, run_date, step_key, channel, template_key, request::text as request, state, reason,
                created_at, decided_at, decided_by from dunning_draft""";
    static final String LIST = SELECT
            + " where tenant_id = $1 and ($2::text is null or state = $2) order by run_date desc, id limit $3 offset $4";
    static final String COUNT = "select count(*) as total from dunning_draft where tenant_id = $1 and ($2::text is null or state = $2)";
    static final String FIND = SELECT + " where tenant_id = $1 and id = $2 for update";
    static final String DECIDE = """
            update dunning_draft set state = $3, reason = $4, request = $5::text::jsonb, decided_at = $6, decided_by = $7
            where tenant_id = $1 and id = $2""";

    public record NewDraft(UUID id, String tenantId, UUID buyerId, LocalDate runDate, String stepKey, String channel,
            String templateKey, String request, OffsetDateTime createdAt) {
        List<Object> values() {
            return Arrays.asList(id, tenantId, buyerId, runDate, stepKey, channel, templateKey, request, createdAt);
        }
    }

    public record DraftRow(UUID id, UUID buyerId, LocalDate runDate, String stepKey, String channel, String templateKey,
            String request, String state, String reason, OffsetDateTime createdAt, OffsetDateTime decidedAt,
            String decidedBy) {
    }

    public Uni<Void> insert(List<NewDraft> drafts) {
        return BulkInsert.into("dunning_draft", COLUMNS, drafts, NewDraft::values);
    }

    public Uni<List<DraftRow>> list(String tenantId, String state, int limit, long offset) {
        return CurrentTransaction.execute(LIST, CurrentTransaction.params(tenantId, state, limit, offset)).map(rows -> {
            List<DraftRow> out = new ArrayList<>();
            rows.forEach(r -> out.add(row(r)));
            return out;
        });
    }

    public Uni<Long> count(String tenantId, String state) {
        return CurrentTransaction.execute(COUNT, CurrentTransaction.params(tenantId, state))
                .map(rows -> rows.iterator().next().getLong("total"));
    }

    /** The tenant's draft, locked until the transaction ends (two collectors deciding at once wait in turn). */
    public Uni<Optional<DraftRow>> lock(String tenantId, UUID id) {
        return CurrentTransaction.execute(FIND, Tuple.of(tenantId, id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(row(rows.iterator().next())));
    }

    public Uni<Void> decide(String tenantId, UUID id, String state, String reason, String request, OffsetDateTime at,
            String by) {
        return CurrentTransaction.execute(DECIDE,
                CurrentTransaction.params(tenantId, id, state, reason, request, at, by))
                .replaceWithVoid();
    }

    private static DraftRow row(Row r) {
        return new DraftRow(r.getUUID("id"), r.getUUID("buyer_id"), r.getLocalDate("run_date"), r.getString("step_key"),
                r.getString("channel"), r.getString("template_key"), r.getString("request"), r.getString("state"),
                r.getString("reason"), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("decided_at"),
                r.getString("decided_by"));
    }
}
