package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.InstalmentSchedule.Frequency;

class PaymentPlanTest {

    @Test
    void anAgreedPlanCarriesTheScheduleInterestAndIsActive() {
        // 12,000.00 at 12% a year in 3 monthly parts from 1 Jan: interest 122.30 + 73.64 + 40.77 = 236.71
        LocalDate today = LocalDate.of(2026, 1, 1);
        Money principal = Money.of("12000.00", "CNY");
        var schedule = InstalmentSchedule.of(principal, 3, Frequency.MONTHLY, today, LocalDate.of(2026, 2, 1),
                new BigDecimal("0.12"));
        UUID buyer = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        PaymentPlan plan = PaymentPlan.agree("acme", buyer, principal, new BigDecimal("0.12"), Frequency.MONTHLY,
                schedule, today, now, "collector-1");
        assertEquals(Money.of("236.71", "CNY"), plan.interest());
        assertEquals(principal, plan.principal());
        assertEquals("CNY", plan.currency);
        assertEquals(buyer, plan.buyerId);
        assertEquals(PaymentPlan.Status.ACTIVE, plan.status);
        assertEquals(0, plan.judgedUpTo);
        assertEquals(today, plan.agreedOn);
        assertNull(plan.endedOn);
        assertEquals("collector-1", plan.createdBy);
    }
}
