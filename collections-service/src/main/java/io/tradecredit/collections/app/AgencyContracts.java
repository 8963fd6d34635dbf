package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.AgencyContract;
import io.tradecredit.collections.domain.RecordedAgencyContract;
import io.tradecredit.collections.persistence.AgencyContractRepository;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * A tenant's contracts with its partner agencies, each change a new version in force from its day
 * (docs/collections-service.md, "Agencies"): the terms a past payment earned under stay as they were.
 */
@ApplicationScoped
public class AgencyContracts {
    @Inject
    AgencyContractRepository contracts;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /**
     * Records {@code contract} as the agency's next version, in force from {@code effectiveFrom}
     * (today when null). Refused naming {@code effectiveFrom}: a day before today (a statement or
     * hand-off already made under the terms then in force stays true), and a day after today for a
     * new contract (it applies from the day it is recorded; a later day dates a change of terms).
     * {@code alreadyWrong} is what the caller found wrong with the rest (the contract is null then),
     * so one refusal names everything. The same terms and name as the version in force on that day
     * are no change: that version is answered and nothing is recorded.
     */
    public Uni<RecordedAgencyContract> put(String tenantId, String agencyCode, AgencyContract contract, String name,
            LocalDate effectiveFrom, List<Violation> alreadyWrong, String by) {
        LocalDate today = businessZone.today();
        LocalDate from = effectiveFrom == null ? today : effectiveFrom;
        return CurrentTransaction.run(() -> contracts.lock(tenantId, agencyCode)
                .chain(() -> contracts.versions(tenantId, agencyCode)).chain(versions -> {
                    List<Violation> wrong = new ArrayList<>(alreadyWrong);
                    if (from.isBefore(today)) {
                        wrong.add(new Violation("effectiveFrom", "must be today (" + today
                                + ") or later: the terms in force on a past day stay so"));
                    } else if (versions.isEmpty() && from.isAfter(today)) {
                        wrong.add(new Violation("effectiveFrom", "a new contract applies from today (" + today
                                + "): leave effectiveFrom out, and date a later change of its terms"));
                    }
                    if (!wrong.isEmpty()) {
                        throw DomainError.invalid("agency-contract.invalid", "The agency contract is incomplete or inconsistent",
                                wrong);
                    }
                    RecordedAgencyContract current = RecordedAgencyContract.inForceOn(versions, from).orElse(null);
                    if (current != null && current.repeatedBy(contract, name)) {
                        // the same terms again: no change, so no new version (nothing recorded)
                        return Uni.createFrom().item(current);
                    }
                    RecordedAgencyContract recorded = new RecordedAgencyContract(contract, versions.size() + 1, from, name,
                            OffsetDateTime.now(clock), by);
                    return contracts.append(tenantId, recorded).replaceWith(recorded);
                }));
    }

    /** The contract in the version in force today; 404 for a code the tenant has no contract with. */
    public Uni<RecordedAgencyContract> get(String tenantId, String agencyCode) {
        LocalDate today = businessZone.today();
        return CurrentTransaction.run(() -> contracts.find(tenantId, agencyCode, today))
                .map(found -> found.orElseThrow(() -> notFound(agencyCode)));
    }

    /** Every version of the contract, oldest first; 404 for a code the tenant has no contract with. */
    public Uni<List<RecordedAgencyContract>> versions(String tenantId, String agencyCode) {
        return CurrentTransaction.run(() -> contracts.versions(tenantId, agencyCode)).map(all -> {
            if (all.isEmpty()) {
                throw notFound(agencyCode);
            }
            return all;
        });
    }

    /** The tenant's contracts by code, each in the version in force today. */
    public Uni<List<RecordedAgencyContract>> list(String tenantId) {
        LocalDate today = businessZone.today();
        return CurrentTransaction.run(() -> contracts.list(tenantId, today));
    }

    static DomainError notFound(String agencyCode) {
        return DomainError.notFound("agency.not-found", "There is no contract with agency " + agencyCode);
    }
}
