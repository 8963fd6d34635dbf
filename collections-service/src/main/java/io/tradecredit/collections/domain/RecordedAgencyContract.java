package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One version of a tenant's contract with an agency, as the tenant saved it: the terms, the
 * version number (1, 2, ... per agency, append-only), the day it is in force from, the agency's
 * display name, who recorded it and when. A change of terms is a new version from its day on: what
 * was earned under the terms in force then stays as it was (docs/collections-service.md, "Agencies").
 */
public record RecordedAgencyContract(AgencyContract contract, int version, LocalDate effectiveFrom, String name,
        OffsetDateTime updatedAt, String updatedBy) {

    /**
     * {@code updatedAt} is kept to the microsecond, as PostgreSQL stores it: the PUT that records a version answers the very
     * value a later GET reads back (until session 34 it answered the clock's nanoseconds, {@code 19:40:12.345678912Z}, and
     * the GET {@code 19:40:12.345678Z}, so an integrator comparing the two saw another value).
     */
    public RecordedAgencyContract {
        updatedAt = updatedAt == null ? null : updatedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Whether saving {@code terms} under {@code name} would repeat this version: the same terms
     * ({@link AgencyContract#sameTermsAs}) and the same name. A PUT that repeats the version in force
     * on its day answers that version and records nothing: only a change makes a new version.
     */
    public boolean repeatedBy(AgencyContract terms, String name) {
        return contract.sameTermsAs(terms) && java.util.Objects.equals(this.name, name);
    }

    /**
     * The version of one agency's {@code versions} in force on {@code day}: the latest
     * {@code effectiveFrom} on or before it, of two from the same day the higher number (as
     * {@link LadderVersion#inForceOn}). Before the first version's day, the first version: there
     * were no other terms (a contract applies from the day it is recorded; a placement or payment
     * dated earlier can only be older data). Empty only when there is no version at all.
     */
    public static Optional<RecordedAgencyContract> inForceOn(List<RecordedAgencyContract> versions, LocalDate day) {
        Comparator<RecordedAgencyContract> order = Comparator.comparing(RecordedAgencyContract::effectiveFrom)
                .thenComparingInt(RecordedAgencyContract::version);
        Optional<RecordedAgencyContract> inForce = versions.stream().filter(v -> !v.effectiveFrom().isAfter(day)).max(order);
        return inForce.isPresent() ? inForce : versions.stream().min(order);
    }
}
