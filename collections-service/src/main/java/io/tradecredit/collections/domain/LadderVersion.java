package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One version of a tenant's ladder named {@code key}: in force from {@code effectiveFrom} until a
 * later version's date (of two from the same day, the higher number). Version 0 is the platform's
 * {@link DunningLadder#DEFAULT}, answering for {@link #DEFAULT_KEY} while the tenant has set none.
 */
public record LadderVersion(String key, int version, LocalDate effectiveFrom, DunningLadder ladder,
        OffsetDateTime recordedAt, String recordedBy) {
    /** The key of the tenant's default ladder, the one a policy without assignments names. */
    public static final String DEFAULT_KEY = "default";

    /** The platform default, in force since ever, recorded by nobody. */
    public static final LadderVersion PLATFORM_DEFAULT =
            new LadderVersion(DEFAULT_KEY, 0, LocalDate.of(1970, 1, 1), DunningLadder.DEFAULT, null, null);

    /**
     * The version of {@code versions} in force on {@code day}: the latest {@code effectiveFrom} on
     * or before it, of two from the same day the higher number (as {@link PolicyAssignment#inForceOn}).
     */
    public static Optional<LadderVersion> inForceOn(List<LadderVersion> versions, LocalDate day) {
        return versions.stream().filter(v -> !v.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(LadderVersion::effectiveFrom).thenComparingInt(LadderVersion::version));
    }
}
