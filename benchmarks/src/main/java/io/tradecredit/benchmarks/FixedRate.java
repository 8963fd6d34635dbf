package io.tradecredit.benchmarks;

import java.util.concurrent.locks.LockSupport;

/**
 * An open-model schedule: send {@code i} is due at {@code start + i / rate}, whether or not
 * earlier sends have been answered, so a stall shows as latency instead of a lower rate.
 */
final class FixedRate {
    private final long startNanos;
    private final double intervalNanos;
    private final int sends;

    FixedRate(long startNanos, int perSecond, int seconds) {
        if (perSecond <= 0 || seconds <= 0) {
            throw new IllegalArgumentException("rate and duration must be positive: " + perSecond + "/s for " + seconds + " s");
        }
        this.startNanos = startNanos;
        this.intervalNanos = 1e9 / perSecond;
        this.sends = perSecond * seconds;
    }

    int sends() {
        return sends;
    }

    /** When send {@code i} (0-based) is due, on the {@link System#nanoTime()} scale. */
    long dueNanos(int i) {
        return startNanos + Math.round(i * intervalNanos);
    }

    /** Parks until send {@code i} is due; returns how late the caller is then (0 or more nanoseconds). */
    long awaitDue(int i) {
        long due = dueNanos(i);
        long now;
        while ((now = System.nanoTime()) < due) {
            LockSupport.parkNanos(due - now);
        }
        return now - due;
    }
}
