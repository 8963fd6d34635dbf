package io.tradecredit.collections.persistence;

import static io.tradecredit.common.persistence.CurrentTransaction.params;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Tuple;

/** Abandonment proposals, one per case, always within the caller's tenant. */
@ApplicationScoped
public class AbandonmentRepository {

    /**
     * A proposal; {@code reason} says why when it is not the tenant's cost rule (an agency's settlement: "settled by
     * agency ... left"), null for the rule's.
     */
    public record Proposal(UUID caseId, String proposedBy, OffsetDateTime proposedAt, String judgements,
            String confirmedBy, OffsetDateTime confirmedAt, String reason) {
    }

    /**
     * Records the proposal unless the case has one (then false). A proposal with a {@code reason} (an agency's
     * settlement) takes the place of one not confirmed yet: the settlement ended the debt that one judged.
     */
    public Uni<Boolean> propose(String tenantId, UUID caseId, String by, OffsetDateTime at, String judgementsJson,
            String reason) {
        return CurrentTransaction.execute("insert into abandonment_proposal (tenant_id, case_id, proposed_by, proposed_at,"
                + " judgements, reason) values ($1, $2, $3, $4, cast(cast($5 as text) as jsonb), $6)"
                + (reason == null ? " on conflict do nothing"
                        : " on conflict (tenant_id, case_id) do update set proposed_by = excluded.proposed_by,"
                                + " proposed_at = excluded.proposed_at, judgements = excluded.judgements,"
                                + " reason = excluded.reason where abandonment_proposal.confirmed_at is null")
                + " returning case_id", params(tenantId, caseId, by, at, judgementsJson, reason)).map(rows -> rows.size() == 1);
    }

    public Uni<Optional<Proposal>> find(String tenantId, UUID caseId) {
        return CurrentTransaction.execute("select case_id, proposed_by, proposed_at, judgements::text as judgements,"
                + " confirmed_by, confirmed_at, reason from abandonment_proposal where tenant_id = $1 and case_id = $2"
                + " for update", params(tenantId, caseId)).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    var r = rows.iterator().next();
                    return Optional.of(new Proposal(r.getUUID("case_id"), r.getString("proposed_by"),
                            r.getOffsetDateTime("proposed_at"), r.getString("judgements"), r.getString("confirmed_by"),
                            r.getOffsetDateTime("confirmed_at"), r.getString("reason")));
                });
    }

    /** The proposals of {@code caseIds} no collector has confirmed yet, by case (the worklist's prompt to confirm). */
    public Uni<Map<UUID, Proposal>> unconfirmedOf(String tenantId, UUID[] caseIds) {
        return CurrentTransaction.execute("select case_id, proposed_by, proposed_at, judgements::text as judgements,"
                + " confirmed_by, confirmed_at, reason from abandonment_proposal where tenant_id = $1 and case_id = any($2)"
                + " and confirmed_at is null", Tuple.of(tenantId, caseIds)).map(rows -> {
                    Map<UUID, Proposal> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getUUID("case_id"), new Proposal(r.getUUID("case_id"),
                            r.getString("proposed_by"), r.getOffsetDateTime("proposed_at"), r.getString("judgements"),
                            null, null, r.getString("reason"))));
                    return out;
                });
    }

    public Uni<Void> confirm(String tenantId, UUID caseId, String by, OffsetDateTime at) {
        return CurrentTransaction.execute("update abandonment_proposal set confirmed_by = $3, confirmed_at = $4"
                + " where tenant_id = $1 and case_id = $2", params(tenantId, caseId, by, at)).replaceWithVoid();
    }
}
