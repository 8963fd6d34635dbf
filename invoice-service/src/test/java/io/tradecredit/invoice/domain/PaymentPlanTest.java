package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

class PaymentPlanTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);

    static PaymentPlan active() {
        PaymentPlan p = new PaymentPlan();
        p.currency = "CNY";
        p.principal = new BigDecimal("12000.00");
        p.interest = new BigDecimal("236.71");
        p.status = PaymentPlan.Status.ACTIVE;
        return p;
    }

    @Test
    void keptInstalmentsMoveTheJudgedMarkAndThePlanRunsOn() {
        PaymentPlan p = active();
        p.apply(new PlanCompliance.Verdict(List.of(1, 2), null, null, false), AS_OF);
        assertEquals(2, p.judgedUpTo);
        assertEquals(PaymentPlan.Status.ACTIVE, p.status);
        assertNull(p.endedOn);
        assertNull(p.endReason);
        assertEquals(Money.of("12000.00", "CNY"), p.principal());
        assertEquals(Money.of("236.71", "CNY"), p.interest());
    }

    @Test
    void dayWithNothingDueLeavesThePlanAsItWas() {
        PaymentPlan p = active();
        p.judgedUpTo = 1;
        p.apply(new PlanCompliance.Verdict(List.of(), null, null, false), AS_OF);
        assertEquals(1, p.judgedUpTo);
        assertEquals(PaymentPlan.Status.ACTIVE, p.status);
    }

    @Test
    void missedInstalmentBreaksThePlanSayingWhatWasPaid() {
        PaymentPlan p = active();
        var second = new InstalmentSchedule.Instalment(2, LocalDate.of(2026, 3, 1), Money.of("4000.00", "CNY"),
                Money.of("73.64", "CNY"));
        p.apply(new PlanCompliance.Verdict(List.of(1), second, Money.of("7000.00", "CNY"), false), AS_OF);
        assertEquals(1, p.judgedUpTo);
        assertEquals(PaymentPlan.Status.BROKEN, p.status);
        assertEquals(AS_OF, p.endedOn);
        assertEquals("instalment 2 of 2026-03-01 not paid: 7000.00 CNY paid by then", p.endReason);
    }

    @Test
    void principalPaidOffCompletesThePlan() {
        PaymentPlan p = active();
        p.apply(new PlanCompliance.Verdict(List.of(), null, null, true), AS_OF);
        assertEquals(PaymentPlan.Status.COMPLETED, p.status);
        assertEquals(AS_OF, p.endedOn);
        assertEquals("principal paid off", p.endReason);
    }
}
