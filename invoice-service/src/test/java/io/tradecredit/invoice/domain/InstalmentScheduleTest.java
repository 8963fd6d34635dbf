package io.tradecredit.invoice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.InstalmentSchedule.Frequency;
import io.tradecredit.invoice.domain.InstalmentSchedule.Instalment;

class InstalmentScheduleTest {
    static Money cny(String a) {
        return Money.of(a, "CNY");
    }

    @Test
    void hundredThousandOverSixInterestFreeMonths() {
        List<Instalment> s = InstalmentSchedule.of(cny("100000.00"), 6, Frequency.MONTHLY, LocalDate.of(2026, 1, 15),
                LocalDate.of(2026, 2, 1), BigDecimal.ZERO);
        assertEquals(6, s.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(cny("16666.66"), s.get(i).amount());
        }
        assertEquals(cny("16666.70"), s.get(5).amount());
        assertEquals(LocalDate.of(2026, 7, 1), s.get(5).dueDate());
        assertEquals(cny("0.00"), s.get(0).interest());
    }

    @Test
    void interestAccruesOnTheOutstandingPrincipalPerActualDays() {
        // 12,000.00 at 12% a year in 3 monthly parts from 1 Jan:
        // Feb 1: 12,000 x 0.12 x 31/365 = 122.30; Mar 1: 8,000 x 0.12 x 28/365 = 73.64;
        // Apr 1: 4,000 x 0.12 x 31/365 = 40.77
        List<Instalment> s = InstalmentSchedule.of(cny("12000.00"), 3, Frequency.MONTHLY, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 2, 1), new BigDecimal("0.12"));
        assertEquals(List.of(cny("122.30"), cny("73.64"), cny("40.77")), s.stream().map(Instalment::interest).toList());
        assertEquals(cny("4122.30"), s.get(0).amount());
        assertEquals(cny("4000.00"), s.get(2).principal());
    }

    @Test
    void aPrincipalOfFewerCentsThanInstalmentsIsSpreadOneCentAnInstalmentNeverInInstalmentsOfNothing() {
        // 0.05 CNY over 12 monthly instalments: five of 0.01 on the first five dates (it was eleven of 0.00 and 0.05)
        List<Instalment> s = InstalmentSchedule.of(cny("0.05"), 12, Frequency.MONTHLY, LocalDate.of(2026, 1, 15),
                LocalDate.of(2026, 2, 1), BigDecimal.ZERO);
        assertEquals(5, s.size());
        assertEquals(List.of(cny("0.01"), cny("0.01"), cny("0.01"), cny("0.01"), cny("0.01")),
                s.stream().map(Instalment::principal).toList());
        assertEquals(LocalDate.of(2026, 6, 1), s.get(4).dueDate());
        // as many cents as instalments: one cent each; one more cent than instalments: the last takes it
        assertEquals(12, InstalmentSchedule.of(cny("0.12"), 12, Frequency.MONTHLY, LocalDate.of(2026, 1, 15),
                LocalDate.of(2026, 2, 1), BigDecimal.ZERO).size());
        List<Instalment> thirteen = InstalmentSchedule.of(cny("0.13"), 12, Frequency.MONTHLY,
                LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 1), BigDecimal.ZERO);
        assertEquals(cny("0.01"), thirteen.get(0).principal());
        assertEquals(cny("0.02"), thirteen.get(11).principal());
        // a currency without decimals: 5 JPY over 12 is five of 1
        List<Instalment> yen = InstalmentSchedule.of(Money.of("5", "JPY"), 12, Frequency.WEEKLY,
                LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 1), BigDecimal.ZERO);
        assertEquals(5, yen.size());
        assertEquals(Money.of("1", "JPY"), yen.get(4).principal());
        assertEquals(1, InstalmentSchedule.instalmentsFor(cny("0.01"), 120));
        assertEquals(120, InstalmentSchedule.instalmentsFor(cny("1.20"), 120));
        assertEquals(119, InstalmentSchedule.instalmentsFor(cny("1.19"), 120));
    }

    @Test
    void weeklyInstalmentsAreSevenDaysApart() {
        List<Instalment> s = InstalmentSchedule.of(cny("100.00"), 3, Frequency.WEEKLY, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 2), BigDecimal.ZERO);
        assertEquals(List.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 16)),
                s.stream().map(Instalment::dueDate).toList());
        assertEquals(cny("33.34"), s.get(2).principal());
    }

    @Test
    void nothingToSpreadOrAFirstDateBeforeTheAgreementIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InstalmentSchedule.of(cny("0.00"), 3, Frequency.MONTHLY,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> InstalmentSchedule.of(cny("10.00"), 3, Frequency.MONTHLY,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1), BigDecimal.ZERO));
    }

    @Test
    void instalmentsAreNumberedFromOne() {
        List<Instalment> s = InstalmentSchedule.of(cny("100.00"), 3, Frequency.MONTHLY, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 1), BigDecimal.ZERO);
        assertEquals(List.of(1, 2, 3), s.stream().map(Instalment::number).toList());
    }

    @Test
    void singleInstalmentIsTheWholeBalanceWithItsInterest() {
        // 5,000.00 at 6% a year for the 30 days from 1 Mar to 31 Mar: 5,000 x 0.06 x 30/365 = 24.657 -> 24.66
        List<Instalment> s = InstalmentSchedule.of(cny("5000.00"), 1, Frequency.MONTHLY, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), new BigDecimal("0.06"));
        assertEquals(List.of(new Instalment(1, LocalDate.of(2026, 3, 31), cny("5000.00"), cny("24.66"))), s);
    }

    @Test
    void tenYearsOfMonthlyInstalmentsIsTheLongestPlan() {
        // 120 x 100.00 = 12,000.00; the last one due 119 months after the first
        List<Instalment> s = InstalmentSchedule.of(cny("12000.00"), 120, Frequency.MONTHLY, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 2, 1), BigDecimal.ZERO);
        assertEquals(120, s.size());
        assertEquals(new Instalment(120, LocalDate.of(2036, 1, 1), cny("100.00"), cny("0.00")), s.get(119));
    }

    @Test
    void noInstalmentsOrMoreThan120AreRefused() {
        for (int count : new int[] {0, 121}) {
            var e = assertThrows(RuntimeException.class, () -> InstalmentSchedule.of(cny("12000.00"), count,
                    Frequency.MONTHLY, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), BigDecimal.ZERO));
            assertEquals("between 1 and 120 instalments", e.getMessage());
        }
    }

    @Test
    void storedInstalmentReadsBackAsScheduled() {
        Instalment first = InstalmentSchedule.of(cny("12000.00"), 3, Frequency.MONTHLY, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 2, 1), new BigDecimal("0.12")).get(0);
        var plan = java.util.UUID.randomUUID();
        PlanInstalment stored = PlanInstalment.of(plan, first);
        assertEquals(plan, stored.planId);
        assertEquals(first, stored.toInstalment("CNY"));
    }
}
