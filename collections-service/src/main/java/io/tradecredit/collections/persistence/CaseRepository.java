package io.tradecredit.collections.persistence;

import static io.tradecredit.common.persistence.CurrentTransaction.params;

import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.collections.domain.CollectionCase;
import io.tradecredit.common.persistence.BulkInsert;
import io.tradecredit.common.persistence.BulkInsert.Column;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A tenant's collection cases and their activity log, in plain SQL on the current transaction.
 * Another tenant's case is never found. Writes of a case are checked against the version read
 * (optimistic lock), so two collectors changing one case at once cannot silently undo each other.
 */
@ApplicationScoped
public class CaseRepository {
    private static final String COLUMNS =
            "id, buyer_id, state, close_reason, owner, next_action_on, opened_on, closed_on, version";

    /** A case as stored: the domain case and the version its next write must match. */
    public record Stored(CollectionCase current, int version) {
    }

    /** One entry of a case's log. */
    public record ActivityRow(UUID id, UUID caseId, OffsetDateTime at, String kind, String actor,
            Map<String, Object> detail) {
    }

    @Inject
    ObjectMapper json;

    /**
     * Inserts {@code c} unless the buyer already has a case that is not closed (then nothing is
     * written and the answer is false): two openings at once end with one case.
     */
    public Uni<Boolean> insertIfNoneOpen(String tenantId, CollectionCase c) {
        return CurrentTransaction.execute("insert into collection_case (tenant_id, " + COLUMNS + ")"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0)"
                + " on conflict (tenant_id, buyer_id) where state <> 'CLOSED' do nothing returning id",
                params(tenantId, c.id(), c.buyerId(), c.state().name(), name(c.closeReason()), c.owner(),
                        c.nextActionOn(), c.openedOn(), c.closedOn()))
                .map(rows -> rows.size() == 1);
    }

    public Uni<Optional<Stored>> find(String tenantId, UUID caseId) {
        return one("select " + COLUMNS + " from collection_case where tenant_id = $1 and id = $2",
                params(tenantId, caseId));
    }

    /**
     * The case, its row locked until the transaction ends: a change made by the run, a consumer or
     * another user meanwhile is waited for and read, instead of refusing the second change.
     */
    public Uni<Optional<Stored>> findForChange(String tenantId, UUID caseId) {
        return one("select " + COLUMNS + " from collection_case where tenant_id = $1 and id = $2 for update",
                params(tenantId, caseId));
    }

    /** How many cases of all tenants are in each state (a state with none is absent). */
    public Uni<Map<CaseState, Long>> countByState() {
        return CurrentTransaction.execute("select state, count(*) as n from collection_case group by state",
                Tuple.tuple()).map(rows -> {
                    Map<CaseState, Long> counts = new java.util.EnumMap<>(CaseState.class);
                    for (Row r : rows) {
                        counts.put(CaseState.valueOf(r.getString("state")), r.getLong("n"));
                    }
                    return counts;
                });
    }

    /** The buyer's case that is not closed, if any. */
    public Uni<Optional<Stored>> openOf(String tenantId, UUID buyerId) {
        return one("select " + COLUMNS + " from collection_case where tenant_id = $1 and buyer_id = $2"
                + " and state <> 'CLOSED'", params(tenantId, buyerId));
    }

    /** The buyer's most recently closed case, if any. */
    public Uni<Optional<Stored>> lastClosedOf(String tenantId, UUID buyerId) {
        return one("select " + COLUMNS + " from collection_case where tenant_id = $1 and buyer_id = $2"
                + " and state = 'CLOSED' order by closed_on desc, id desc limit 1", params(tenantId, buyerId));
    }

    /** A case with its tenant: one of the open cases of a poll's buyers. */
    public record TenantCase(String tenantId, Stored stored) {
    }

    /**
     * Up to {@code limit} open cases of every tenant not yet looked at for abandonment on {@code asOf}, in id
     * order, locked (those another transaction holds are skipped): one batch of the abandonment review.
     */
    public Uni<List<TenantCase>> lockForAbandonmentReview(LocalDate asOf, int limit) {
        return CurrentTransaction.execute("select tenant_id, " + COLUMNS + " from collection_case where state <> 'CLOSED'"
                + " and (abandonment_reviewed_on is null or abandonment_reviewed_on < $1) order by id limit $2"
                + " for update skip locked", Tuple.of(asOf, limit)).map(rows -> {
                    List<TenantCase> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new TenantCase(r.getString("tenant_id"), stored(r))));
                    return out;
                });
    }

    /** The cases were looked at for abandonment on {@code asOf}: they leave that date's selection. */
    public Uni<Void> abandonmentReviewed(List<TenantCase> cases, LocalDate asOf) {
        return CurrentTransaction.execute("update collection_case c set abandonment_reviewed_on = $3"
                + " from unnest($1::text[], $2::uuid[]) as r(tenant_id, id) where c.tenant_id = r.tenant_id and c.id = r.id",
                Tuple.of(cases.stream().map(TenantCase::tenantId).toArray(String[]::new),
                        cases.stream().map(c -> c.stored().current().id()).toArray(UUID[]::new), asOf))
                .replaceWithVoid();
    }

    /**
     * The open cases of the buyers {@code buyerIds} of {@code tenantIds} (paired by position), with
     * one statement: a poll of notification statuses asks once for all its buyers.
     */
    public Uni<List<TenantCase>> openOfBuyers(String[] tenantIds, UUID[] buyerIds) {
        return CurrentTransaction.execute("select tenant_id, " + COLUMNS + " from collection_case"
                + " where (tenant_id, buyer_id) in (select * from unnest($1::text[], $2::uuid[])) and state <> 'CLOSED'",
                Tuple.of(tenantIds, buyerIds)).map(rows -> {
                    List<TenantCase> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new TenantCase(r.getString("tenant_id"), stored(r))));
                    return out;
                });
    }

    /** The tenant's cases of these ids (a worklist page's). */
    public Uni<List<Stored>> findAll(String tenantId, UUID[] caseIds) {
        return many("select " + COLUMNS + " from collection_case where tenant_id = $1 and id = any($2)",
                Tuple.of(tenantId, caseIds));
    }

    /** Writes {@code c} over the version read; false when someone else wrote it in between. */
    public Uni<Boolean> update(String tenantId, CollectionCase c, int readVersion) {
        return CurrentTransaction.execute("update collection_case set state = $3, close_reason = $4, owner = $5,"
                + " next_action_on = $6, closed_on = $7, version = version + 1"
                + " where tenant_id = $1 and id = $2 and version = $8",
                params(tenantId, c.id(), c.state().name(), name(c.closeReason()), c.owner(), c.nextActionOn(),
                        c.closedOn(), readVersion))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> insertActivity(String tenantId, ActivityRow a) {
        return CurrentTransaction.execute("insert into case_activity (tenant_id, id, case_id, at, kind, actor, detail)"
                + " values ($1, $2, $3, $4, $5, $6, cast(cast($7 as text) as jsonb))",
                params(tenantId, a.id(), a.caseId(), a.at(), a.kind(), a.actor(), write(a.detail())))
                .replaceWithVoid();
    }

    /** Entries of cases' logs, each with its tenant, with one statement. */
    public Uni<Void> insertActivities(List<TenantActivity> entries) {
        return BulkInsert.into("case_activity", ACTIVITY_COLUMNS, entries, e -> Arrays.asList(e.tenantId(), e.row().id(),
                e.row().caseId(), e.row().at(), e.row().kind(), e.row().actor(), write(e.row().detail())));
    }

    /** An entry of a case's log with its tenant. */
    public record TenantActivity(String tenantId, ActivityRow row) {
    }

    private static final List<Column> ACTIVITY_COLUMNS = List.of(Column.text("tenant_id"), new Column("id", "uuid"),
            new Column("case_id", "uuid"), new Column("at", "timestamptz"), Column.text("kind"), Column.text("actor"),
            new Column("detail", "jsonb"));

    /** The case's log, oldest first. */
    public Uni<List<ActivityRow>> activities(String tenantId, UUID caseId) {
        return CurrentTransaction.execute("select id, case_id, at, kind, actor, detail::text as detail"
                + " from case_activity where tenant_id = $1 and case_id = $2 order by at, id", params(tenantId, caseId))
                .map(rows -> {
                    List<ActivityRow> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new ActivityRow(r.getUUID("id"), r.getUUID("case_id"),
                            r.getOffsetDateTime("at"), r.getString("kind"), r.getString("actor"),
                            read(r.getString("detail")))));
                    return out;
                });
    }

    private Uni<Optional<Stored>> one(String sql, Tuple params) {
        return many(sql, params).map(list -> list.stream().findFirst());
    }

    private Uni<List<Stored>> many(String sql, Tuple params) {
        return CurrentTransaction.execute(sql, params).map(rows -> {
            List<Stored> out = new ArrayList<>();
            rows.forEach(r -> out.add(stored(r)));
            return out;
        });
    }

    private static Stored stored(Row r) {
        String reason = r.getString("close_reason");
        return new Stored(new CollectionCase(r.getUUID("id"), r.getUUID("buyer_id"),
                CaseState.valueOf(r.getString("state")), reason == null ? null : CloseReason.valueOf(reason),
                r.getString("owner"), r.getLocalDate("next_action_on"), r.getLocalDate("opened_on"),
                r.getLocalDate("closed_on")), r.getInteger("version"));
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private String write(Map<String, Object> detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("activity detail is not serializable", e);
        }
    }

    private Map<String, Object> read(String detail) {
        try {
            return json.readValue(detail, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored activity detail is not JSON", e);
        }
    }
}
