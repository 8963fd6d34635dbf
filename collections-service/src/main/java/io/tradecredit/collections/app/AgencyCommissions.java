package io.tradecredit.collections.app;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.AgencyCommission;
import io.tradecredit.collections.domain.AgencyPlacement;
import io.tradecredit.collections.persistence.AgencyPlacementRepository;
import io.tradecredit.common.persistence.CurrentTransaction;

/**
 * An agency's commission statement for a period ({@link AgencyCommission}): its placements that
 * overlap the period, or earned a payment reversed in it, and what their buyers paid or had reversed in it, as invoice-service reported the payments (read
 * for all the placed buyers in one statement), each payment under the version of the contract in
 * force on the day it was received.
 */
@ApplicationScoped
public class AgencyCommissions {
    @Inject
    AgencyContracts contracts;

    @Inject
    AgencyPlacementRepository placements;

    @Inject
    ReceivedPayments payments;

    public Uni<AgencyCommission.Statement> statement(String tenantId, String agencyCode, LocalDate from, LocalDate to) {
        return contracts.versions(tenantId, agencyCode).chain(versions -> CurrentTransaction.run(() -> {
            // the rule refuses a reversed period; ask it before reading anything
            AgencyCommission.forPeriod(versions, List.of(), List.of(), from, to);
            return placements.earningIn(tenantId, agencyCode, from, to).chain(stays -> {
                List<UUID> buyers = stays.stream().map(AgencyPlacement::buyerId).distinct().toList();
                return payments.ofBuyers(tenantId, buyers, from, to).map(paid -> AgencyCommission.forPeriod(
                        versions, stays.stream().map(AgencyPlacement::forCommission).toList(), paid, from, to));
            });
        }));
    }
}
