package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.collections.domain.BusinessCalendar.DayCount;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

class DunningRunPolicyTest {
    @Test
    void defaultCountsCalendarDaysWithoutToleranceAndConsolidates() {
        assertEquals(DayCount.CALENDAR_DAYS, DunningRunPolicy.DEFAULT.dayCount());
        assertEquals(CurrencyThresholds.NONE, DunningRunPolicy.DEFAULT.tolerance());
        assertTrue(DunningRunPolicy.DEFAULT.consolidation());
        assertEquals(CurrencyThresholds.NONE, new DunningRunPolicy(DayCount.BUSINESS_DAYS, null, false).tolerance());
    }

    @Test
    void everyProblemOfAPolicyIsNamedAtOnce() {
        DomainError e = assertThrows(DomainError.class, () -> new DunningRunPolicy(null, CurrencyThresholds.of(
                Money.of("-0.01", "CNY"), Money.of("5.00", "EUR"), Money.of("6.00", "EUR")), true));
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals("dunning.policy-invalid", e.code());
        assertEquals(List.of(
                new Violation("dayCount", "is required: CALENDAR_DAYS or BUSINESS_DAYS"),
                new Violation("tolerance[0].amount", "must not be negative"),
                new Violation("tolerance[2].currency", "a second amount in EUR: at most one per currency")), e.violations());
    }

    @Test
    void aToleranceOfZeroIsAllowedAndChasesEverything() {
        DunningRunPolicy p = new DunningRunPolicy(DayCount.CALENDAR_DAYS, CurrencyThresholds.of(Money.of("0.00", "CNY")), true);
        assertEquals(false, p.tolerance().isAbove(Money.of("0.00", "CNY")));
        assertEquals(true, p.tolerance().isAbove(Money.of("-0.01", "CNY")));
    }
}
