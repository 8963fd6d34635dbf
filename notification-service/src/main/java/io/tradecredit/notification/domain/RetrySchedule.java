package io.tradecredit.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a channel's failed hand-over is tried again: exponential backoff from {@code initial},
 * doubling per attempt up to {@code max}, with up to half of the delay added at random (jitter,
 * so that messages failed together do not all retry together), for at most {@code maxAttempts}
 * attempts in all.
 */
public record RetrySchedule(int maxAttempts, Duration initial, Duration max) {

    public RetrySchedule {
        if (maxAttempts < 1 || initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("a retry schedule needs maxAttempts >= 1 and 0 < initial <= max");
        }
    }

    /**
     * When to try again after attempt number {@code attempt} (1 for the first) failed at
     * {@code at}; empty when it was the last. {@code jitter} is a random number in [0, 1).
     */
    public Optional<Instant> retryAfter(int attempt, Instant at, double jitter) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(at.plus(delay(attempt, jitter)));
    }

    /**
     * The earliest a message whose attempt number {@code attempt} on its channel failed at {@code failedAt} may
     * be tried again, whatever its jitter was: {@code failedAt} plus the longest delay (half of it again); a
     * message not tried on its channel yet ({@code attempt} 0) may go from {@code failedAt} (when it was queued).
     * A bound for re-timing a queued message whose drawn jitter was not kept ({@link Message#dueOnCalendarOf}).
     */
    public Instant notBefore(int attempt, Instant failedAt) {
        return attempt < 1 ? failedAt : failedAt.plus(delay(attempt, 1.0));
    }

    /** The delay after attempt {@code attempt}: initial x 2^(attempt-1), capped at max, plus jitter x half of it. */
    public Duration delay(int attempt, double jitter) {
        // doubling 30 times and more is past any cap: the shift stops there and cannot overflow
        Duration doubled = initial.multipliedBy(1L << Math.min(attempt - 1, 30));
        Duration base = java.util.Collections.min(java.util.List.of(doubled, max));
        return base.plusMillis((long) (base.toMillis() / 2.0 * jitter));
    }
}
