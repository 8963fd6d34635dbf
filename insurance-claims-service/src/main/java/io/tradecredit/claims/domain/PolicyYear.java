package io.tradecredit.claims.domain;

import java.time.LocalDate;

/**
 * The policy year a day falls in: years counted from the policy's first effective date (its
 * inception), so an annual first-loss deductible starts afresh on each anniversary. An anniversary on
 * 29 February falls on 28 February in other years.
 */
public record PolicyYear(LocalDate start, LocalDate end) {

    /** The policy year of {@code day} for a policy incepted on {@code inception}; the first year for a day before it. */
    public static PolicyYear of(LocalDate inception, LocalDate day) {
        int years = Math.max(0, day.getYear() - inception.getYear());
        LocalDate start = inception.plusYears(years);
        if (start.isAfter(day)) {
            start = inception.plusYears(Math.max(0, years - 1));
        }
        LocalDate next = inception.plusYears(yearsBetween(inception, start) + 1L);
        return new PolicyYear(start, next.minusDays(1));
    }

    private static int yearsBetween(LocalDate inception, LocalDate start) {
        return start.getYear() - inception.getYear();
    }

    /** Whether {@code day} is in this policy year. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
