package io.tradecredit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfTwoHundredLatencies() {
        // 1..200 ms, shuffled: p50 is the 100th smallest, p90 the 180th, p99 the 198th
        long[] nanos = LongStream.rangeClosed(1, 200).map(i -> ((i * 37) % 200 + 1) * 1_000_000L).toArray();
        Percentiles p = new Percentiles(nanos);
        assertEquals(200, p.count());
        assertEquals(100_000_000L, p.at(0.50));
        assertEquals(180_000_000L, p.at(0.90));
        assertEquals(198_000_000L, p.at(0.99));
        assertEquals(200_000_000L, p.at(1.0));
        assertEquals(200_000_000L, p.max());
        assertEquals("p50 100.0  p90 180.0  p99 198.0  max 200.0 ms (n = 200)", p.summary());
    }

    @Test
    void aSmallSampleHasItsLargestValueAsP99AndTheInputIsLeftAlone() {
        long[] nanos = {30, 10, 20};
        Percentiles p = new Percentiles(nanos);
        assertEquals(20, p.at(0.50));
        assertEquals(30, p.at(0.99));
        assertEquals(10, p.at(0.01));
        assertEquals(30, nanos[0]);
    }

    @Test
    void noLatenciesGiveZeros() {
        Percentiles p = new Percentiles(new long[0]);
        assertEquals(0, p.at(0.99));
        assertEquals(0, p.max());
        assertEquals(0, p.count());
    }
}
