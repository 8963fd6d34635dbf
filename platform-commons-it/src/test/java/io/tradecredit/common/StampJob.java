package io.tradecredit.common;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.jobs.BatchedDailyJob;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A batched job built the way services build theirs, to test the chassis: stamps every item due
 * before the date, announcing each once. Tests can make a batch fail (the one that would stamp
 * {@link #failOn}) or wait ({@link #gate}) before it does anything.
 */
@ApplicationScoped
public class StampJob implements BatchedDailyJob {
    public static final String TYPE = "io.tradecredit.test.item-stamped.v1";

    /** A batch that would stamp this item fails instead (after stamping, before committing). */
    public static volatile Integer failOn;

    /** Every batch waits for this before it starts, when set. */
    public static volatile CompletableFuture<Void> gate;

    @Inject
    Outbox outbox;

    @Override
    public String name() {
        return "stamp-items";
    }

    @Override
    public Uni<Batch> runBatch(LocalDate asOf, int batchSize) {
        CompletableFuture<Void> wait = gate;
        Context context = Vertx.currentContext(); // the test completes the gate on its own thread: resume here
        Uni<Void> start = wait == null ? Uni.createFrom().voidItem() : Uni.createFrom().emitter(
                emitter -> wait.whenComplete((v, e) -> context.runOnContext(x -> emitter.complete(null))));
        return start.chain(() -> CurrentTransaction.execute("select id from stamp_item where stamped_on is null"
                + " and due_on < $1 order by id limit $2 for update skip locked", Tuple.of(asOf, batchSize)))
                .chain(rows -> {
                    List<Integer> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getInteger("id")));
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(Batch.NONE);
                    }
                    List<OutgoingEvent> events = StampItems.announced(TYPE, ids, asOf);
                    return CurrentTransaction.execute("update stamp_item set stamped_on = $1 where id = any($2)",
                            Tuple.of(asOf, ids.toArray(Integer[]::new)))
                            .chain(() -> outbox.record(events))
                            .invoke(() -> {
                                Integer failing = failOn;
                                if (failing != null && ids.contains(failing)) {
                                    throw new IllegalStateException("failing on purpose at item " + failing);
                                }
                            })
                            .replaceWith(Batch.of(ids.size(), "stamped"));
                });
    }

    @Override
    public String summary(LocalDate asOf, long rows, Map<String, Long> counts) {
        return counts.getOrDefault("stamped", 0L) + " item(s) stamped as of " + asOf;
    }
}
