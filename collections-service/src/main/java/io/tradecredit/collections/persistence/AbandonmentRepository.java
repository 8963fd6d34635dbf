package io.tradecredit.collections.persistence;

import static io.tradecredit.common.persistence.CurrentTransaction.params;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;

/** Abandonment proposals, one per case, always within the caller's tenant. */
@ApplicationScoped
public class AbandonmentRepository {

    public record Proposal(UUID caseId, String proposedBy, OffsetDateTime proposedAt, String judgements,
            String confirmedBy, OffsetDateTime confirmedAt) {
    }

    /** Records the proposal unless the case has one (then false). */
    public Uni<Boolean> propose(String tenantId, UUID caseId, String by, OffsetDateTime at, String judgementsJson) {
        return CurrentTransaction.execute("insert into abandonment_proposal (tenant_id, case_id, proposed_by, proposed_at,"
                + " judgements) values ($1, $2, $3, $4, cast(cast($5 as text) as jsonb)) on conflict do nothing"
                + " returning case_id", params(tenantId, caseId, by, at, judgementsJson)).map(rows -> rows.size() == 1);
    }

    public Uni<Optional<Proposal>> find(String tenantId, UUID caseId) {
        return CurrentTransaction.execute("select case_id, proposed_by, proposed_at, judgements::text as judgements,"
                + " confirmed_by, confirmed_at from abandonment_proposal where tenant_id = $1 and case_id = $2"
                + " for update", params(tenantId, caseId)).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    var r = rows.iterator().next();
                    return Optional.of(new Proposal(r.getUUID("case_id"), r.getString("proposed_by"),
                            r.getOffsetDateTime("proposed_at"), r.getString("judgements"), r.getString("confirmed_by"),
                            r.getOffsetDateTime("confirmed_at")));
                });
    }

    public Uni<Void> confirm(String tenantId, UUID caseId, String by, OffsetDateTime at) {
        return CurrentTransaction.execute("update abandonment_proposal set confirmed_by = $3, confirmed_at = $4"
                + " where tenant_id = $1 and case_id = $2", params(tenantId, caseId, by, at)).replaceWithVoid();
    }
}
