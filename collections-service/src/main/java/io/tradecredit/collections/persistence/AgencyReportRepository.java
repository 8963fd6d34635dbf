package io.tradecredit.collections.persistence;

import static io.tradecredit.common.persistence.CurrentTransaction.params;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.ReceivedAgencyReport;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;

/** Agencies' reports by their ids, per tenant and agency (table agency_report). */
@ApplicationScoped
public class AgencyReportRepository {

    /**
     * Claims the report's id in the current transaction: empty when it is new (the caller applies the report and
     * {@link #answered records what it did}), else the report received under it before. A report under the same id in a
     * transaction not yet committed is waited for (the primary key's lock), so two doors at once apply it once.
     */
    public Uni<Optional<ReceivedAgencyReport>> claim(String tenantId, String agencyCode, String reportId, UUID caseId,
            String said, String via, OffsetDateTime at) {
        return CurrentTransaction.execute("insert into agency_report (tenant_id, agency_code, report_id, case_id, report, via,"
                + " received_at) values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing",
                params(tenantId, agencyCode, reportId, caseId, said, via, at))
                .chain(claimed -> claimed.rowCount() == 1 ? Uni.createFrom().item(Optional.<ReceivedAgencyReport>empty())
                        : CurrentTransaction.execute("select report_id, report, via, case_state, placement_ended from"
                                + " agency_report where tenant_id = $1 and agency_code = $2 and report_id = $3",
                                params(tenantId, agencyCode, reportId)).map(rows -> Optional.of(read(rows.iterator().next()))));
    }

    /** What the report claimed under its id did: the case's state after it, whether it ended the placement. */
    public Uni<Void> answered(String tenantId, String agencyCode, String reportId, CaseState caseState, boolean placementEnded) {
        return CurrentTransaction.execute("update agency_report set case_state = $1, placement_ended = $2"
                + " where tenant_id = $3 and agency_code = $4 and report_id = $5",
                params(caseState.name(), placementEnded, tenantId, agencyCode, reportId)).replaceWithVoid();
    }

    private static ReceivedAgencyReport read(Row r) {
        return new ReceivedAgencyReport(r.getString("report_id"), r.getString("report"), r.getString("via"),
                CaseState.valueOf(r.getString("case_state")), r.getBoolean("placement_ended"));
    }
}
