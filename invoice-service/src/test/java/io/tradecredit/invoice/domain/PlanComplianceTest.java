package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.InstalmentSchedule.Frequency;
import io.tradecredit.invoice.domain.PlanCompliance.Payment;

class PlanComplianceTest {
    // 12,000.00 in 3 interest-free monthly parts of 4,000.00 due Feb 1, Mar 1, Apr 1
    static final List<InstalmentSchedule.Instalment> PLAN = InstalmentSchedule.of(Money.of("12000.00", "CNY"), 3,
            Frequency.MONTHLY, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 1), BigDecimal.ZERO);

    static Payment paid(int month, int day, String amount) {
        return new Payment(LocalDate.of(2026, month, day), Money.of(amount, "CNY"));
    }

    static final OffsetDateTime AGREED_AT = OffsetDateTime.of(2026, 1, 10, 11, 0, 0, 0, ZoneOffset.ofHours(8));
    static final LocalDate AGREED_ON = LocalDate.of(2026, 1, 10);

    static PlanCompliance.Entry entry(int month, int day, OffsetDateTime recordedAt, String amount) {
        return new PlanCompliance.Entry(LocalDate.of(2026, month, day), recordedAt, Money.of(amount, "CNY"));
    }

    @Test
    void aPaymentRecordedEarlierOnTheDayOfTheAgreementIsInThePrincipalAndDoesNotCount() {
        var before = entry(1, 10, AGREED_AT.minusHours(2), "4000.00");
        var after = entry(1, 10, AGREED_AT.plusHours(2), "1000.00");
        assertEquals(List.of(paid(1, 10, "1000.00")), PlanCompliance.towards(AGREED_AT, AGREED_ON, List.of(before, after)));
        var v = PlanCompliance.judge(PLAN, 0, PlanCompliance.towards(AGREED_AT, AGREED_ON, List.of(before, after)),
                LocalDate.of(2026, 2, 2));
        assertEquals(1, v.missed().number());
    }

    @Test
    void aPaymentPostedAfterTheAgreementButBackdatedBeforeItCountsByEveryDueDate() {
        // 12,000.00 received on Jan 5, posted on Feb 20 after instalment 1 was kept with 4,000.00
        var kept = entry(1, 30, AGREED_AT.plusDays(20), "4000.00");
        var backdated = entry(1, 5, AGREED_AT.plusDays(41), "8000.00");
        var v = PlanCompliance.judge(PLAN, 1, PlanCompliance.towards(AGREED_AT, AGREED_ON, List.of(backdated, kept)),
                LocalDate.of(2026, 4, 2));
        assertEquals(List.of(2, 3), v.kept());
        assertTrue(v.paidOff());
    }

    @Test
    void theCreditNoteOfADisputeRunningWhenThePlanWasAgreedIsNotInThePrincipalSoItDoesNotCount() {
        // 10,000.00 with 4,000.00 disputed since Jan 5: a plan over the 6,000.00 collectible, 2 x 3,000.00
        var plan = InstalmentSchedule.of(Money.of("6000.00", "CNY"), 2, Frequency.MONTHLY, LocalDate.of(2026, 1, 10),
                LocalDate.of(2026, 2, 1), BigDecimal.ZERO);
        LocalDate agreedOn = LocalDate.of(2026, 1, 10);
        // the dispute upheld on Jan 20, 4,000.00 credited: nothing paid, the first instalment is missed
        var upheld = new PlanCompliance.Entry(LocalDate.of(2026, 1, 20), AGREED_AT.plusDays(10),
                Money.of("4000.00", "CNY"), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 20));
        var counted = PlanCompliance.towards(AGREED_AT, agreedOn, List.of(upheld), List.of());
        assertEquals(List.of(), counted);
        var v = PlanCompliance.judge(plan, 0, counted, LocalDate.of(2026, 2, 2));
        assertEquals(1, v.missed().number());
        assertEquals(Money.of("0.00", "CNY"), v.paidByMissedDue());
        // raised or resolved on the day of the agreement: running then, so left out too
        var raisedThatDay = new PlanCompliance.Entry(LocalDate.of(2026, 1, 20), AGREED_AT.plusDays(10),
                Money.of("4000.00", "CNY"), agreedOn, LocalDate.of(2026, 1, 20));
        var resolvedThatDay = new PlanCompliance.Entry(agreedOn, AGREED_AT.plusHours(2),
                Money.of("4000.00", "CNY"), LocalDate.of(2026, 1, 5), agreedOn);
        assertEquals(List.of(), PlanCompliance.towards(AGREED_AT, agreedOn, List.of(raisedThatDay, resolvedThatDay),
                List.of()));
        // resolved the day before (its note recorded only after the agreement): not running then, it counts
        var resolvedBefore = new PlanCompliance.Entry(LocalDate.of(2026, 1, 9), AGREED_AT.plusHours(1),
                Money.of("500.00", "CNY"), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 9));
        assertEquals(List.of(paid(1, 9, "500.00")), PlanCompliance.towards(AGREED_AT, agreedOn,
                List.of(resolvedBefore), List.of()));
        // a dispute raised after the agreement was over part of the principal: its credit note counts
        var raisedAfter = new PlanCompliance.Entry(LocalDate.of(2026, 1, 25), AGREED_AT.plusDays(15),
                Money.of("1000.00", "CNY"), LocalDate.of(2026, 1, 11), LocalDate.of(2026, 1, 25));
        var paid = entry(1, 30, AGREED_AT.plusDays(20), "2000.00");
        var both = PlanCompliance.judge(plan, 0,
                PlanCompliance.towards(AGREED_AT, agreedOn, List.of(upheld, raisedAfter, paid), List.of()),
                LocalDate.of(2026, 2, 2));
        assertEquals(List.of(1), both.kept());
        assertFalse(both.paidOff());
    }

    @Test
    void creditNotesWriteOffsAndReversalsRecordedAfterTheAgreementCountAsTheyChangeTheOpenAmount() {
        // a 4,000.00 payment from before the plan bounces after it: the buyer must make it good
        var bounced = entry(1, 8, AGREED_AT.plusDays(3), "-4000.00");
        var credited = entry(1, 20, AGREED_AT.plusDays(10), "10000.00");
        var writtenOff = entry(1, 25, AGREED_AT.plusDays(15), "6000.00");
        var v = PlanCompliance.judge(PLAN, 0, PlanCompliance.towards(AGREED_AT, AGREED_ON, List.of(bounced, credited, writtenOff)),
                LocalDate.of(2026, 2, 2));
        assertEquals(List.of(1), v.kept());
        assertTrue(v.paidOff());
        var shortOnce = PlanCompliance.judge(PLAN, 0, PlanCompliance.towards(AGREED_AT, AGREED_ON, List.of(bounced, credited)),
                LocalDate.of(2026, 2, 2));
        assertFalse(shortOnce.paidOff());
    }

    @Test
    void aCancelledInvoiceOfThePlanCountsWhatWasOpenOnItFromItsCancellationDay() {
        // the plan spread 5,000.00 open on one invoice and 7,000.00 on another; the first is cancelled on Jan 20
        var cancelled = new PlanCompliance.Cancellation(LocalDate.of(2026, 1, 20), Money.of("5000.00", "CNY"));
        var paidBefore = entry(1, 15, AGREED_AT.minusHours(1), "500.00"); // in the principal already
        var counted = PlanCompliance.towards(AGREED_AT, AGREED_ON, List.of(paidBefore), List.of(cancelled));
        assertEquals(List.of(paid(1, 20, "5000.00")), counted);
        var v = PlanCompliance.judge(PLAN, 0, counted, LocalDate.of(2026, 3, 2));
        assertEquals(List.of(1), v.kept(), "5,000.00 covers the first 4,000.00");
        assertEquals(2, v.missed().number(), "not the 8,000.00 due by Mar 1");
        // and the other invoice cancelled too: nothing is left to pay under the plan
        var both = PlanCompliance.towards(AGREED_AT, AGREED_ON, List.of(), List.of(cancelled,
                new PlanCompliance.Cancellation(LocalDate.of(2026, 1, 21), Money.of("7000.00", "CNY"))));
        assertTrue(PlanCompliance.judge(PLAN, 0, both, LocalDate.of(2026, 1, 21)).paidOff());
    }

    @Test
    void firstInstalmentPaidOnTimeIsKept() {
        var v = PlanCompliance.judge(PLAN, 0, List.of(paid(1, 30, "4000.00")), LocalDate.of(2026, 2, 2));
        assertEquals(List.of(1), v.kept());
        assertNull(v.missed());
        assertFalse(v.paidOff());
    }

    @Test
    void nothingIsJudgedOnTheDueDateItself() {
        var v = PlanCompliance.judge(PLAN, 0, List.of(), LocalDate.of(2026, 2, 1));
        assertEquals(List.of(), v.kept());
        assertNull(v.missed());
    }

    @Test
    void shortfallByTheSecondDueDateMissesIt() {
        // 4,000 + 3,000 = 7,000 paid by Mar 1, but 8,000 was due
        var v = PlanCompliance.judge(PLAN, 1, List.of(paid(1, 30, "4000.00"), paid(2, 28, "3000.00")),
                LocalDate.of(2026, 3, 2));
        assertEquals(2, v.missed().number());
        assertEquals(Money.of("7000.00", "CNY"), v.paidByMissedDue());
    }

    @Test
    void paymentAfterTheDueDateDoesNotSaveTheInstalment() {
        var v = PlanCompliance.judge(PLAN, 0, List.of(paid(2, 3, "4000.00")), LocalDate.of(2026, 2, 5));
        assertEquals(1, v.missed().number());
    }

    @Test
    void reversedPaymentDoesNotCount() {
        var v = PlanCompliance.judge(PLAN, 0, List.of(paid(1, 30, "4000.00"), paid(1, 31, "-4000.00")),
                LocalDate.of(2026, 2, 2));
        assertEquals(1, v.missed().number());
    }

    @Test
    void paidOffEarlyCompletesThePlan() {
        var v = PlanCompliance.judge(PLAN, 0, List.of(paid(1, 20, "12000.00")), LocalDate.of(2026, 1, 21));
        assertTrue(v.paidOff());
        assertNull(v.missed());
    }

    @Test
    void instalmentJudgedAlreadyIsNotJudgedAgain() {
        // instalment 1 (due Feb 1) was judged kept; on Feb 15 nothing else is due, so nothing is judged,
        // even though a reversal since then took the payment back
        var v = PlanCompliance.judge(PLAN, 1, List.of(paid(1, 30, "4000.00"), paid(2, 10, "-4000.00")),
                LocalDate.of(2026, 2, 15));
        assertEquals(List.of(), v.kept());
        assertNull(v.missed());
    }

    @Test
    void paymentEffectiveAfterTheDayJudgedDoesNotPayThePlanOffYet() {
        // 12,000.00 dated Jan 25 does not count on Jan 21
        var v = PlanCompliance.judge(PLAN, 0, List.of(paid(1, 25, "12000.00")), LocalDate.of(2026, 1, 21));
        assertFalse(v.paidOff());
        assertTrue(PlanCompliance.judge(PLAN, 0, List.of(paid(1, 25, "12000.00")), LocalDate.of(2026, 1, 25)).paidOff());
    }
}
