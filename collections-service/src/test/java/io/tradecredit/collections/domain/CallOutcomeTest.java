package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.collections.domain.BusinessCalendar.DayCount;
import io.tradecredit.collections.domain.NextMove.Kind;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

class CallOutcomeTest {
    static final LocalDate CALLED = LocalDate.of(2026, 7, 6);

    static NextMove after(NonPaymentReason reason) {
        return new CallOutcome(reason, "said so", CALLED).suggestion(CallTerms.DEFAULT, BusinessCalendar.DEFAULT, DayCount.CALENDAR_DAYS);
    }

    @Test
    void invoiceProblemSuggestsADisputeFollowedUpInThreeDays() {
        assertEquals(new NextMove(Kind.OPEN_DISPUTE, null, LocalDate.of(2026, 7, 9)), after(NonPaymentReason.INVOICE_PROBLEM));
    }

    @Test
    void goodsNotOrWronglyDeliveredSuggestsADispute() {
        assertEquals(Kind.OPEN_DISPUTE, after(NonPaymentReason.GOODS_NOT_OR_WRONGLY_DELIVERED).kind());
    }

    @Test
    void paymentSystemFailureSuggestsAWeekOnHoldThenALook() {
        assertEquals(new NextMove(Kind.SHORT_HOLD, LocalDate.of(2026, 7, 13), LocalDate.of(2026, 7, 14)),
                after(NonPaymentReason.PAYMENT_SYSTEM_FAILURE));
    }

    @Test
    void cashFlowTroubleSuggestsAPaymentPlan() {
        assertEquals(new NextMove(Kind.OFFER_PAYMENT_PLAN, null, LocalDate.of(2026, 7, 9)),
                after(NonPaymentReason.CASH_FLOW_TROUBLE));
    }

    @Test
    void otherSuggestsAFollowUpCall() {
        assertEquals(new NextMove(Kind.FOLLOW_UP_CALL, null, LocalDate.of(2026, 7, 9)), after(NonPaymentReason.OTHER));
    }

    @Test
    void tenantTermsSetTheHoldAndFollowUpDays() {
        CallTerms terms = new CallTerms(2, 10);
        assertEquals(new NextMove(Kind.SHORT_HOLD, LocalDate.of(2026, 7, 8), LocalDate.of(2026, 7, 9)),
                new CallOutcome(NonPaymentReason.PAYMENT_SYSTEM_FAILURE, null, CALLED).suggestion(terms, BusinessCalendar.DEFAULT, DayCount.CALENDAR_DAYS));
        assertEquals(LocalDate.of(2026, 7, 16),
                new CallOutcome(NonPaymentReason.CASH_FLOW_TROUBLE, "", CALLED).suggestion(terms, BusinessCalendar.DEFAULT, DayCount.CALENDAR_DAYS).nextActionOn());
    }

    /**
     * Called Wednesday 30 September 2026, before National Day (1 to 7 October off, Saturday 10 October worked): in
     * calendar days a follow-up 3 days on (Saturday 3 October) comes on Thursday 8 October, a week's hold (7 October)
     * ends on the 8th and is looked at on Friday the 9th; in business days the follow-up is Saturday 10 October (8, 9,
     * 10) and the hold ends on Thursday 15 October (8, 9, 10, 12, 13, 14, 15), looked at on the 16th. Until session 29
     * they fell on 3, 7 and 8 October whatever the tenant's calendar.
     */
    @Test
    void suggestedDatesAreCountedOnTheTenantsCalendarAndNeverFallOnADayOff() {
        LocalDate called = LocalDate.of(2026, 9, 30);
        CallOutcome problem = new CallOutcome(NonPaymentReason.INVOICE_PROBLEM, null, called);
        CallOutcome failure = new CallOutcome(NonPaymentReason.PAYMENT_SYSTEM_FAILURE, null, called);
        BusinessCalendar china = BusinessCalendarTest.CHINA_2026;
        assertEquals(LocalDate.of(2026, 10, 8), problem.suggestion(CallTerms.DEFAULT, china, DayCount.CALENDAR_DAYS).nextActionOn());
        assertEquals(new NextMove(Kind.SHORT_HOLD, LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 9)),
                failure.suggestion(CallTerms.DEFAULT, china, DayCount.CALENDAR_DAYS));
        assertEquals(LocalDate.of(2026, 10, 10), problem.suggestion(CallTerms.DEFAULT, china, DayCount.BUSINESS_DAYS).nextActionOn());
        assertEquals(new NextMove(Kind.SHORT_HOLD, LocalDate.of(2026, 10, 15), LocalDate.of(2026, 10, 16)),
                failure.suggestion(CallTerms.DEFAULT, china, DayCount.BUSINESS_DAYS));
        // the default calendar (Monday to Friday): called Thursday 9 July, 3 days on is Sunday: Monday 13 July
        assertEquals(LocalDate.of(2026, 7, 13), new CallOutcome(NonPaymentReason.OTHER, "later", LocalDate.of(2026, 7, 9))
                .suggestion(CallTerms.DEFAULT, BusinessCalendar.DEFAULT, DayCount.CALENDAR_DAYS).nextActionOn());
    }

    @Test
    void oneDayTermsAreAllowed() {
        assertEquals(LocalDate.of(2026, 7, 7), new CallOutcome(NonPaymentReason.INVOICE_PROBLEM, null, CALLED)
                .suggestion(new CallTerms(1, 1), BusinessCalendar.DEFAULT, DayCount.CALENDAR_DAYS).nextActionOn());
    }

    @Test
    void termsOfZeroDaysAreRefusedNamingEach() {
        DomainError e = assertThrows(DomainError.class, () -> new CallTerms(0, 0));
        assertEquals("call-terms.invalid", e.code());
        assertEquals(List.of(new Violation("shortHoldDays", "must be at least 1, was 0"),
                new Violation("followUpDays", "must be at least 1, was 0")), e.violations());
    }

    @Test
    void callWithoutReasonOrDateNamesBoth() {
        DomainError e = assertThrows(DomainError.class, () -> new CallOutcome(null, null, null));
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals(List.of("reason", "calledOn"), e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void aNoteOverTwoThousandCharactersIsNamedWithAMissingReason() {
        DomainError e = assertThrows(DomainError.class, () -> new CallOutcome(null, "x".repeat(2001), CALLED));
        assertEquals(List.of("reason", "note"), e.violations().stream().map(Violation::field).toList());
        assertEquals("at most 2000 characters (2001 given)", e.violations().get(1).message());
        assertEquals(2000, new CallOutcome(NonPaymentReason.OTHER, "x".repeat(2000), CALLED).note().length());
    }

    @Test
    void otherWithoutANoteIsRefusedNamingNote() {
        DomainError e = assertThrows(DomainError.class, () -> new CallOutcome(NonPaymentReason.OTHER, " ", CALLED));
        assertEquals(List.of(new Violation("note", "must say what the buyer said when the reason is OTHER")),
                e.violations());
        assertThrows(DomainError.class, () -> new CallOutcome(NonPaymentReason.OTHER, null, CALLED));
    }
}
