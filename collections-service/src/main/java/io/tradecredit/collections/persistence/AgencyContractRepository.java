package io.tradecredit.collections.persistence;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.RecordedAgencyContract;

/**
 * A tenant's agency contracts, each a list of versions (V28), never edited; another tenant's
 * contract is not found.
 */
@ApplicationScoped
public class AgencyContractRepository {

    /** The version of the contract with {@code agencyCode} in force on {@code day}; empty without contract. */
    public Uni<Optional<RecordedAgencyContract>> find(String tenantId, String agencyCode, LocalDate day) {
        return versions(tenantId, agencyCode).map(all -> RecordedAgencyContract.inForceOn(all, day));
    }

    /** Every version of the contract with {@code agencyCode}, oldest first; empty without contract. */
    public Uni<List<RecordedAgencyContract>> versions(String tenantId, String agencyCode) {
        return AgencyContractVersionRow.<AgencyContractVersionRow>list("tenantId = ?1 and agencyCode = ?2",
                Sort.by("version"), tenantId, agencyCode)
                .map(rows -> rows.stream().map(AgencyContractVersionRow::toRecorded).toList());
    }

    /** The tenant's contracts by agency code, each in the version in force on {@code day}. */
    public Uni<List<RecordedAgencyContract>> list(String tenantId, LocalDate day) {
        return AgencyContractVersionRow.<AgencyContractVersionRow>list("tenantId", Sort.by("agencyCode").and("version"), tenantId)
                .map(rows -> {
                    Map<String, List<RecordedAgencyContract>> byCode = new LinkedHashMap<>();
                    rows.forEach(r -> byCode.computeIfAbsent(r.agencyCode, c -> new java.util.ArrayList<>()).add(r.toRecorded()));
                    return byCode.values().stream().map(v -> RecordedAgencyContract.inForceOn(v, day).orElseThrow()).toList();
                });
    }

    /**
     * Within the caller's transaction, until it ends: no other transaction records a version of this
     * agency's contract, so versions are numbered one after the other, never refused.
     */
    public Uni<Void> lock(String tenantId, String agencyCode) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select 1 from (select pg_advisory_xact_lock(hashtextextended(:lock, 0))) as l", Integer.class)
                .setParameter("lock", "agency-contract/" + tenantId + "/" + agencyCode).getSingleResult()).replaceWithVoid();
    }

    /**
     * Appends {@code contract} as a version (its number the caller's, under {@link #lock}) and keeps
     * the agency's contract row (its identity) with the latest version's terms.
     */
    public Uni<Void> append(String tenantId, RecordedAgencyContract contract) {
        String code = contract.contract().agencyCode();
        return AgencyContractRow.<AgencyContractRow>find("tenantId = ?1 and agencyCode = ?2", tenantId, code).firstResult()
                .chain(found -> {
                    AgencyContractRow row = found;
                    if (row == null) {
                        row = new AgencyContractRow();
                        row.tenantId = tenantId;
                        row.agencyCode = code;
                    }
                    row.copy(contract);
                    return row.persistAndFlush();
                })
                .chain(() -> AgencyContractVersionRow.of(tenantId, contract).persist()).replaceWithVoid();
    }
}
