package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * A case's stay with one agency, from the hand-off day to the day it came back and why. A case has
 * at most one current placement; the commission counts what its buyer paid during it.
 */
public record AgencyPlacement(UUID id, UUID caseId, UUID buyerId, String agencyCode, LocalDate handedOn,
        LocalDate endedOn, PlacementEnd endReason) {

    public static AgencyPlacement start(UUID id, UUID caseId, UUID buyerId, String agencyCode, LocalDate on) {
        return new AgencyPlacement(id, caseId, buyerId, agencyCode, on, null, null);
    }

    public boolean isCurrent() {
        return endedOn == null;
    }

    /** Ends the placement on {@code on}; a placement ended already is a conflict (409). */
    public AgencyPlacement end(PlacementEnd reason, LocalDate on) {
        if (!isCurrent()) {
            throw DomainError.conflict("agency-placement.ended",
                    "The case came back from " + agencyCode + " on " + endedOn + " (" + endReason + ") already");
        }
        return new AgencyPlacement(id, caseId, buyerId, agencyCode, handedOn, on, reason);
    }

    /**
     * {@code reportedOn} named (400 {@code agency-update.invalid}, with every other wrong field: {@link AgencyUpdate.Held})
     * when a report is dated before the case was handed to this agency: it cannot have learnt anything of a case it did not
     * hold, and a promise dated so would count payments made before the hand-off. Not checked against today (e2e tests and
     * the demo run as of other days).
     */
    public java.util.Optional<Violation> violationIfBefore(LocalDate reportedOn) {
        return reportedOn.isBefore(handedOn) ? java.util.Optional.of(new Violation("reportedOn",
                "must not be before " + handedOn + ", the day the case was handed to agency " + agencyCode))
                : java.util.Optional.empty();
    }

    /** The stay as the commission rule reads it. */
    public AgencyCommission.Placement forCommission() {
        return new AgencyCommission.Placement(caseId, buyerId, agencyCode, handedOn, endedOn, endReason);
    }
}
