package io.tradecredit.collections.jobs;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.StepWork;
import io.tradecredit.collections.domain.DunningAction;

/**
 * A slice's {@link StepWork} as the run sees it: records the orders it is handed and, for the
 * buyers a test names, fails, so the batch under way rolls back (a run killed in the middle).
 */
@ApplicationScoped
public class RecordingStepWork implements StepWork {
    static final List<Order> TAKEN = new CopyOnWriteArrayList<>();
    static final Set<UUID> FAIL_FOR = ConcurrentHashMap.newKeySet();

    @Override
    public Set<DunningAction.Kind> kinds() {
        return EnumSet.complementOf(EnumSet.of(DunningAction.Kind.MESSAGE));
    }

    @Override
    public Uni<Void> take(List<Order> orders) {
        if (orders.stream().anyMatch(o -> FAIL_FOR.contains(o.buyerId()))) {
            return Uni.createFrom().failure(new IllegalStateException("the work of buyer " + orders.get(0).buyerId()
                    + " failed (test)"));
        }
        TAKEN.addAll(orders);
        return Uni.createFrom().voidItem();
    }
}
