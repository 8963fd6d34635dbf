package io.tradecredit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FixedRateTest {

    @Test
    void twoHundredPerSecondAreFiveMillisecondsApartFromTheStart() {
        FixedRate schedule = new FixedRate(1_000L, 200, 60);
        assertEquals(12_000, schedule.sends());
        assertEquals(1_000L, schedule.dueNanos(0));
        assertEquals(1_000L + 5_000_000L, schedule.dueNanos(1));
        assertEquals(1_000L + 59_995_000_000L, schedule.dueNanos(11_999));
    }

    @Test
    void aRateThatDoesNotDivideASecondDoesNotDrift() {
        FixedRate schedule = new FixedRate(0, 3, 10);
        assertEquals(333_333_333L, schedule.dueNanos(1));
        assertEquals(666_666_667L, schedule.dueNanos(2));
        assertEquals(10_000_000_000L, schedule.dueNanos(30)); // the first send after the last is exactly 10 s on
    }

    @Test
    void aSendDueAlreadyIsNotWaitedForAndOneDueLaterIs() {
        long now = System.nanoTime();
        FixedRate past = new FixedRate(now - 1_000_000_000L, 1, 5);
        assertTrue(past.awaitDue(0) >= 1_000_000_000L); // a second late: said so, no waiting
        FixedRate soon = new FixedRate(System.nanoTime() + 20_000_000L, 1, 5);
        soon.awaitDue(0);
        assertTrue(System.nanoTime() >= soon.dueNanos(0));
    }

    @Test
    void noRateOrNoDurationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FixedRate(0, 0, 60));
        assertThrows(IllegalArgumentException.class, () -> new FixedRate(0, 200, 0));
    }
}
