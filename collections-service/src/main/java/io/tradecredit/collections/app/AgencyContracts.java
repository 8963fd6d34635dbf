package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.AgencyContract;
import io.tradecredit.collections.domain.RecordedAgencyContract;
import io.tradecredit.collections.persistence.AgencyContractRepository;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.persistence.CurrentTransaction;

/** A tenant's contracts with its partner agencies. */
@ApplicationScoped
public class AgencyContracts {
    @Inject
    AgencyContractRepository contracts;

    @Inject
    Clock clock;

    /** Saves the contract (new, or replacing the one of its code); it applies from the next hand-off. */
    public Uni<RecordedAgencyContract> put(String tenantId, AgencyContract contract, String name, String by) {
        RecordedAgencyContract recorded = new RecordedAgencyContract(contract, name, OffsetDateTime.now(clock), by);
        return CurrentTransaction.run(() -> contracts.save(tenantId, recorded)).replaceWith(recorded);
    }

    /** The contract; 404 for a code the tenant has no contract with. */
    public Uni<RecordedAgencyContract> get(String tenantId, String agencyCode) {
        return CurrentTransaction.run(() -> contracts.find(tenantId, agencyCode))
                .map(found -> found.orElseThrow(() -> notFound(agencyCode)));
    }

    public Uni<List<RecordedAgencyContract>> list(String tenantId) {
        return CurrentTransaction.run(() -> contracts.list(tenantId));
    }

    static DomainError notFound(String agencyCode) {
        return DomainError.notFound("agency.not-found", "There is no contract with agency " + agencyCode);
    }
}
