package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tradecredit.collections.domain.BusinessCalendar.DayCount;
import io.tradecredit.common.domain.Violation;

class CallTermsTest {
    static final LocalDate TUESDAY_DEC_8 = LocalDate.of(2026, 12, 8);

    /**
     * A collector's own hold is at most the short hold a call suggests: a week from Tuesday 8 December 2026 ends on the
     * 15th, as the payment-system failure's suggestion does; the 16th is a credit manager's. Counted in business days the
     * week runs to Thursday the 17th; a tenant's 3 days to Friday the 11th. No end date or first day: the hold's own rules
     * name it.
     */
    @Test
    void aCollectorsHoldEndsNoLaterThanTheShortHoldACallSuggests() {
        BusinessCalendar calendar = BusinessCalendar.DEFAULT;
        assertEquals(Optional.empty(), CallTerms.DEFAULT.collectorHoldTooLong(TUESDAY_DEC_8, LocalDate.of(2026, 12, 15),
                calendar, DayCount.CALENDAR_DAYS));
        assertEquals(new CallOutcome(NonPaymentReason.PAYMENT_SYSTEM_FAILURE, null, TUESDAY_DEC_8)
                .suggestion(CallTerms.DEFAULT, calendar, DayCount.CALENDAR_DAYS).holdUntil(), LocalDate.of(2026, 12, 15));
        assertEquals(Optional.of(new Violation("until", "a collector's hold ends by 2026-12-15 (the short hold of 7 days a"
                + " call suggests); a longer one is placed by a credit manager")), CallTerms.DEFAULT.collectorHoldTooLong(
                        TUESDAY_DEC_8, LocalDate.of(2026, 12, 16), calendar, DayCount.CALENDAR_DAYS));
        assertEquals(Optional.empty(), CallTerms.DEFAULT.collectorHoldTooLong(TUESDAY_DEC_8, LocalDate.of(2026, 12, 17),
                calendar, DayCount.BUSINESS_DAYS));
        assertEquals("until", CallTerms.DEFAULT.collectorHoldTooLong(TUESDAY_DEC_8, LocalDate.of(2026, 12, 18),
                calendar, DayCount.BUSINESS_DAYS).orElseThrow().field());
        CallTerms three = new CallTerms(3, 3);
        assertEquals(Optional.empty(), three.collectorHoldTooLong(TUESDAY_DEC_8, LocalDate.of(2026, 12, 11), calendar,
                DayCount.CALENDAR_DAYS));
        assertEquals("until", three.collectorHoldTooLong(TUESDAY_DEC_8, LocalDate.of(2026, 12, 14), calendar,
                DayCount.CALENDAR_DAYS).orElseThrow().field());
        assertEquals(Optional.empty(), CallTerms.DEFAULT.collectorHoldTooLong(TUESDAY_DEC_8, null, calendar,
                DayCount.CALENDAR_DAYS));
        assertEquals(Optional.empty(), CallTerms.DEFAULT.collectorHoldTooLong(null, LocalDate.of(2027, 1, 1), calendar,
                DayCount.CALENDAR_DAYS));
    }
}
