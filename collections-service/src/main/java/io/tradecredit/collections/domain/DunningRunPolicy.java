package io.tradecredit.collections.domain;

import java.util.ArrayList;
import java.util.List;

import io.tradecredit.collections.domain.BusinessCalendar.DayCount;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * How a tenant's daily run treats the steps of its ladders: whether offsets count calendar or
 * business days, the tolerance (per currency) under which a buyer's overdue balance is not
 * chased, and whether one buyer's messages on one channel go out as one. {@link #DEFAULT} is the
 * one place these defaults live.
 */
public record DunningRunPolicy(DayCount dayCount, CurrencyThresholds tolerance, boolean consolidation) {
    /** Calendar days, no tolerance, consolidation on (docs/domain.md §3). */
    public static final DunningRunPolicy DEFAULT = new DunningRunPolicy(DayCount.CALENDAR_DAYS, CurrencyThresholds.NONE, true);

    /** Refuses a policy without a day count or with a negative or repeated tolerance, naming each. */
    public DunningRunPolicy {
        tolerance = tolerance == null ? CurrencyThresholds.NONE : tolerance;
        List<Violation> problems = new ArrayList<>(tolerance.violations("tolerance"));
        if (dayCount == null) {
            problems.add(0, new Violation("dayCount", "is required: CALENDAR_DAYS or BUSINESS_DAYS"));
        }
        if (!problems.isEmpty()) {
            throw DomainError.invalid("dunning.policy-invalid", "The dunning run policy is not valid", problems);
        }
    }
}
