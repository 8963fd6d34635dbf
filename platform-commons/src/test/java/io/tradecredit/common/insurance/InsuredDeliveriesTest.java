package io.tradecredit.common.insurance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.insurance.InsuredLimitSchedule.Period;
import io.tradecredit.common.money.Money;

/** Each delivery covered under the limit in force on its own day, after what older ones still open take of it. */
class InsuredDeliveriesTest {
    static final Currency CNY = Money.currencyOf("CNY");
    static final UUID POLICY = UUID.fromString("5b0f6c1e-3d2a-4c1b-9f8e-2a7d6c5b4a39");
    static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);
    static final LocalDate JULY_1 = LocalDate.of(2026, 7, 1);
    static final LocalDate JULY_20 = LocalDate.of(2026, 7, 20);
    static final LocalDate MAY_10 = LocalDate.of(2026, 5, 10);
    static final LocalDate JUNE_20 = LocalDate.of(2026, 6, 20);
    static final LocalDate JULY_15 = LocalDate.of(2026, 7, 15);

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static InsuredLimitSchedule schedule(Period... periods) {
        return new InsuredLimitSchedule(List.of(periods));
    }

    /** 80,000 until 30 June 2026, then {@code fromJuly} (none: no period, the limit cancelled). */
    static InsuredDeliveries reducedInJulyTo(String fromJuly) {
        InsuredLimitSchedule s = fromJuly == null
                ? schedule(new Period(LocalDate.of(2026, 1, 1), JUNE_30, cny("80000.00"), POLICY))
                : schedule(new Period(LocalDate.of(2026, 1, 1), JUNE_30, cny("80000.00"), POLICY),
                        new Period(JULY_1, null, cny(fromJuly), POLICY));
        return InsuredDeliveries.under(CNY, day -> s.on(day, CNY), JULY_20);
    }

    @Test
    void aReductionLeavesDeliveriesMadeUnderTheHigherLimitCovered() {
        InsuredDeliveries d = reducedInJulyTo("50000.00");
        assertEquals(cny("30000.00"), d.cover(MAY_10, cny("30000.00")), "A, under 80,000");
        assertEquals(cny("40000.00"), d.cover(JUNE_20, cny("40000.00")), "B, 70,000 under 80,000");
        assertEquals(cny("0.00"), d.cover(JULY_15, cny("20000.00")), "C, 70,000 already exceed the 50,000 of its day");
        assertEquals(cny("0.00"), d.cover(JULY_20, cny("10000.00")), "an order today, after them");
        assertEquals(cny("70000.00"), d.covered());
    }

    @Test
    void afterAReductionANewDeliveryTakesWhatTheOlderOnesLeaveOfTheLowerLimit() {
        InsuredDeliveries d = reducedInJulyTo("50000.00");
        assertEquals(cny("30000.00"), d.cover(MAY_10, cny("30000.00")));
        assertEquals(cny("15000.00"), d.cover(JULY_15, cny("15000.00")), "45,000 under 50,000");
        assertEquals(cny("5000.00"), d.cover(JULY_20, cny("10000.00")), "5,000 of 50,000 left");
        assertEquals(cny("50000.00"), d.covered());
    }

    @Test
    void aCancellationLeavesEarlierDeliveriesCoveredAndLaterOnesNot() {
        InsuredDeliveries d = reducedInJulyTo(null);
        assertEquals(cny("30000.00"), d.cover(MAY_10, cny("30000.00")));
        assertEquals(cny("40000.00"), d.cover(JUNE_20, cny("40000.00")));
        assertEquals(cny("0.00"), d.cover(JULY_15, cny("20000.00")));
        assertEquals(cny("70000.00"), d.covered());
    }

    @Test
    void underALimitThatNeverChangedTheOldestAreCoveredUpToIt() {
        InsuredLimitSchedule s = schedule(new Period(LocalDate.of(2026, 1, 1), null, cny("100000.00"), POLICY));
        InsuredDeliveries d = InsuredDeliveries.under(CNY, day -> s.on(day, CNY), JULY_20);
        assertEquals(cny("80000.00"), d.cover(MAY_10, cny("80000.00")));
        assertEquals(cny("20000.00"), d.cover(JUNE_20, cny("50000.00")), "in part");
        assertEquals(cny("0.00"), d.cover(JULY_20, cny("20000.00")));
        assertEquals(cny("100000.00"), d.covered());
    }

    @Test
    void anIncreaseCoversDeliveriesFromItsDayNotTheExcessOfEarlierOnes() {
        InsuredLimitSchedule s = schedule(new Period(LocalDate.of(2026, 1, 1), JUNE_30, cny("50000.00"), POLICY),
                new Period(JULY_1, null, cny("80000.00"), POLICY));
        InsuredDeliveries d = InsuredDeliveries.under(CNY, day -> s.on(day, CNY), JULY_20);
        assertEquals(cny("50000.00"), d.cover(MAY_10, cny("60000.00")), "10,000 above the 50,000 of its day");
        assertEquals(cny("30000.00"), d.cover(JULY_15, cny("40000.00")), "80,000 from July");
        assertEquals(cny("80000.00"), d.covered());
    }

    @Test
    void aDeliveryWhileTheBuyerHadNoLimitIsNotCoveredAndTakesNothing() {
        InsuredLimitSchedule s = schedule(new Period(JULY_1, null, cny("50000.00"), POLICY));
        InsuredDeliveries d = InsuredDeliveries.under(CNY, day -> s.on(day, CNY), JULY_20);
        assertEquals(cny("0.00"), d.cover(JUNE_20, cny("40000.00")));
        assertEquals(cny("0.00"), d.covered());
        assertEquals(cny("50000.00"), d.cover(JULY_15, cny("60000.00")));
    }

    @Test
    void aDeliveryOfUnknownDayIsJudgedUnderTheLimitOfTheDayComputed() {
        // 80,000 until June, 50,000 from July, computed on 20 July: an undated 60,000 is covered for 50,000
        InsuredDeliveries d = reducedInJulyTo("50000.00");
        assertEquals(cny("50000.00"), d.cover(null, cny("60000.00")));
        assertEquals(cny("30000.00"), d.cover(JUNE_20, cny("40000.00")), "80,000 on its day, 50,000 taken");
        assertEquals(cny("80000.00"), d.covered());
    }
}
