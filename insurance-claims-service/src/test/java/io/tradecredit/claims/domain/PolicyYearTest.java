package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PolicyYearTest {
    static final LocalDate INCEPTION = LocalDate.of(2025, 4, 1);

    @Test
    void aPolicyYearRunsFromAnniversaryToTheDayBeforeTheNext() {
        assertEquals(new PolicyYear(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31)),
                PolicyYear.of(INCEPTION, LocalDate.of(2025, 4, 1)));
        assertEquals(new PolicyYear(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31)),
                PolicyYear.of(INCEPTION, LocalDate.of(2026, 3, 31)));
        assertEquals(new PolicyYear(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)),
                PolicyYear.of(INCEPTION, LocalDate.of(2026, 4, 1)));
        assertEquals(new PolicyYear(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)),
                PolicyYear.of(INCEPTION, LocalDate.of(2027, 1, 15)));
        assertEquals(new PolicyYear(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31)),
                PolicyYear.of(INCEPTION, LocalDate.of(2024, 12, 1)), "before inception: the first year");
    }

    @Test
    void anInceptionOnTheLeapDayHasItsAnniversaryOnThe28thInOtherYears() {
        LocalDate leap = LocalDate.of(2024, 2, 29);
        assertEquals(new PolicyYear(LocalDate.of(2025, 2, 28), LocalDate.of(2026, 2, 27)),
                PolicyYear.of(leap, LocalDate.of(2025, 3, 1)));
        assertEquals(new PolicyYear(LocalDate.of(2024, 2, 29), LocalDate.of(2025, 2, 27)),
                PolicyYear.of(leap, LocalDate.of(2025, 2, 27)));
    }

    @Test
    void aYearContainsItsFirstAndLastDay() {
        PolicyYear y = PolicyYear.of(INCEPTION, LocalDate.of(2025, 6, 1));
        assertTrue(y.contains(LocalDate.of(2025, 4, 1)));
        assertTrue(y.contains(LocalDate.of(2026, 3, 31)));
        assertFalse(y.contains(LocalDate.of(2025, 3, 31)));
        assertFalse(y.contains(LocalDate.of(2026, 4, 1)));
    }
}
