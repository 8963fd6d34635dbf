package io.tradecredit.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Latencies in nanoseconds and their nearest-rank percentiles (p99 of 200 values is the 198th smallest). */
final class Percentiles {
    private final long[] sorted;

    Percentiles(long[] nanos) {
        sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The smallest value at least a share {@code q} (0 &lt; q &le; 1) of all values are at most; 0 when empty. */
    long at(double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    /** "p50 1.2  p90 3.4  p99 5.6  max 7.8 ms (n = 12000)". */
    String summary() {
        return String.format(Locale.ROOT, "p50 %.1f  p90 %.1f  p99 %.1f  max %.1f ms (n = %,d)", ms(at(0.50)),
                ms(at(0.90)), ms(at(0.99)), ms(max()), sorted.length);
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
