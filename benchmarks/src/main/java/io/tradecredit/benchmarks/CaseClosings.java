package io.tradecredit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Matches the payments of one phase to the case-closed events they cause: each buyer of the phase
 * has one open case, seeded before; its payment's 201 and its case's closing are noted as they
 * happen (in either order, from different threads) and the latency is closing minus 201.
 */
final class CaseClosings {
    private final Map<UUID, UUID> caseOfBuyer;
    private final Map<UUID, Long> paidAt = new ConcurrentHashMap<>();
    private final Map<UUID, Long> closedAt = new ConcurrentHashMap<>();
    private final AtomicInteger otherCase = new AtomicInteger();
    private final AtomicInteger closedTwice = new AtomicInteger();

    CaseClosings(Map<UUID, UUID> caseOfBuyer) {
        this.caseOfBuyer = Map.copyOf(caseOfBuyer);
    }

    /** The buyer's payment was answered 201 at {@code nanos}. */
    void paid(UUID buyer, long nanos) {
        if (!caseOfBuyer.containsKey(buyer)) {
            throw new IllegalArgumentException("buyer " + buyer + " is not one of this phase's");
        }
        paidAt.putIfAbsent(buyer, nanos);
    }

    /**
     * A case-closed event for {@code buyer}'s case {@code caseId} was read at {@code nanos}; false if
     * the buyer is not one of this phase's (another phase's, or not the benchmark's at all).
     */
    boolean closed(UUID buyer, UUID caseId, long nanos) {
        UUID seeded = caseOfBuyer.get(buyer);
        if (seeded == null) {
            return false;
        }
        if (!seeded.equals(caseId)) {
            otherCase.incrementAndGet();
        } else if (closedAt.putIfAbsent(buyer, nanos) != null) {
            closedTwice.incrementAndGet();
        }
        return true;
    }

    /** Closing minus 201 of every buyer with both (negative when the event was read before the 201). */
    long[] latencies() {
        List<Long> out = new ArrayList<>();
        paidAt.forEach((buyer, paid) -> {
            Long closed = closedAt.get(buyer);
            if (closed != null) {
                out.add(closed - paid);
            }
        });
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    int paid() {
        return paidAt.size();
    }

    /** Payments answered 201 whose case has not (yet) been seen closed. */
    int missed() {
        return (int) paidAt.keySet().stream().filter(b -> !closedAt.containsKey(b)).count();
    }

    /** Cases seen closed although their payment has no 201 (it failed, or is still in flight). */
    int closedWithoutPayment() {
        return (int) closedAt.keySet().stream().filter(b -> !paidAt.containsKey(b)).count();
    }

    /** Case-closed events for one of the phase's buyers that named another case than the seeded one. */
    int otherCase() {
        return otherCase.get();
    }

    int closedTwice() {
        return closedTwice.get();
    }
}
