package io.tradecredit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CaseClosingsTest {
    private final UUID globex = UUID.randomUUID();
    private final UUID initech = UUID.randomUUID();
    private final UUID umbrella = UUID.randomUUID();
    private final UUID globexCase = UUID.randomUUID();
    private final UUID initechCase = UUID.randomUUID();
    private final UUID umbrellaCase = UUID.randomUUID();
    private final CaseClosings phase = new CaseClosings(Map.of(globex, globexCase, initech, initechCase, umbrella,
            umbrellaCase));

    @Test
    void eachClosingIsMatchedToItsBuyersPaymentInEitherOrder() {
        phase.paid(globex, 1_000);
        phase.paid(initech, 2_000);
        assertTrue(phase.closed(globex, globexCase, 1_400));
        assertTrue(phase.closed(umbrella, umbrellaCase, 2_500)); // read before its 201 arrived
        phase.paid(umbrella, 2_600);
        long[] latencies = phase.latencies();
        Arrays.sort(latencies);
        assertArrayEquals(new long[] {-100, 400}, latencies);
        assertEquals(3, phase.paid());
        assertEquals(1, phase.missed()); // initech's case never closed
        assertEquals(0, phase.closedWithoutPayment());
    }

    @Test
    void aClosingOfAnotherPhasesBuyerIsNotThisPhases() {
        assertFalse(phase.closed(UUID.randomUUID(), UUID.randomUUID(), 1_000));
        assertEquals(0, phase.latencies().length);
    }

    @Test
    void aRedeliveredClosingKeepsTheFirstTimeAndIsCounted() {
        phase.paid(globex, 1_000);
        phase.closed(globex, globexCase, 1_300);
        phase.closed(globex, globexCase, 9_000);
        assertArrayEquals(new long[] {300}, phase.latencies());
        assertEquals(1, phase.closedTwice());
    }

    @Test
    void aClosingOfAnotherCaseOfTheBuyerIsNotItsPaymentsClosing() {
        phase.paid(globex, 1_000);
        assertTrue(phase.closed(globex, UUID.randomUUID(), 1_200));
        assertEquals(1, phase.otherCase());
        assertEquals(1, phase.missed());
        assertEquals(0, phase.latencies().length);
    }

    @Test
    void aClosingWithoutA201IsCountedAndAPaymentOfAStrangerRefused() {
        phase.closed(initech, initechCase, 5_000);
        assertEquals(1, phase.closedWithoutPayment());
        assertThrows(IllegalArgumentException.class, () -> phase.paid(UUID.randomUUID(), 1_000));
    }
}
