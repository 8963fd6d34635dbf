package io.tradecredit.collections.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.RecordedAgencyContract;

/** A tenant's agency contracts; another tenant's contract is not found. */
@ApplicationScoped
public class AgencyContractRepository {

    public Uni<Optional<RecordedAgencyContract>> find(String tenantId, String agencyCode) {
        return row(tenantId, agencyCode).map(row -> Optional.ofNullable(row).map(AgencyContractRow::toRecorded));
    }

    /** Inserts the contract or replaces the one of the same code. */
    public Uni<Void> save(String tenantId, RecordedAgencyContract contract) {
        return row(tenantId, contract.contract().agencyCode()).chain(found -> {
            AgencyContractRow row = found;
            if (row == null) {
                row = new AgencyContractRow();
                row.tenantId = tenantId;
                row.agencyCode = contract.contract().agencyCode();
            }
            row.copy(contract);
            return row.persist().replaceWithVoid();
        });
    }

    /** The tenant's contracts by agency code. */
    public Uni<List<RecordedAgencyContract>> list(String tenantId) {
        return AgencyContractRow.<AgencyContractRow>list("tenantId", Sort.by("agencyCode"), tenantId)
                .map(rows -> rows.stream().map(AgencyContractRow::toRecorded).toList());
    }

    private Uni<AgencyContractRow> row(String tenantId, String agencyCode) {
        return AgencyContractRow.<AgencyContractRow>find("tenantId = ?1 and agencyCode = ?2", tenantId, agencyCode)
                .firstResult();
    }
}
