package io.tradecredit.common;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.jobs.BatchCursor;
import io.tradecredit.common.jobs.OverlappingBatchedDailyJob;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An overlapping batched job built the way the dunning run is, to test the chassis: stamps the items
 * due before the date in id order, each batch after the last id the batch before it took. Tests can
 * hold a batch after it took its rows ({@link #holdFrom}), and make one fail once the batch after
 * it has taken its own ({@link #failOn}); {@link #took} lists what each batch took, in order.
 */
@ApplicationScoped
public class InOrderStampJob implements OverlappingBatchedDailyJob {
    public static final String TYPE = "io.tradecredit.test.item-stamped-in-order.v1";

    /** "first-last" of each batch's items, as batches took them. */
    public static final Queue<String> took = new ConcurrentLinkedQueue<>();

    /** The batch whose first item is this waits for {@link #hold} after taking its rows. */
    public static volatile Integer holdFrom;
    public static volatile CompletableFuture<Void> hold;

    /** Every batch locks this item's row after taking its rows (and after {@link #hold}), when set. */
    public static volatile Integer lockToo;

    /** The first item of each batch that holds {@link #lockToo}'s row, as they got it. */
    public static final Queue<Integer> lockedToo = new ConcurrentLinkedQueue<>();

    /** The batch holding this item fails after stamping, once the next batch took its rows (or 10 s). */
    public static volatile Integer failOn;
    private static volatile CompletableFuture<Void> nextTook;

    @Inject
    Outbox outbox;

    @Override
    public String name() {
        return "stamp-in-order";
    }

    @Override
    public Uni<Batch> runBatch(LocalDate asOf, int batchSize, BatchCursor cursor) {
        Integer after = cursor.after(Integer.class);
        Context context = Vertx.currentContext();
        return CurrentTransaction.execute("select id from stamp_item where stamped_on is null and due_on < $1"
                + " and id > $2 order by id limit $3 for update skip locked", Tuple.of(asOf, after == null ? 0 : after,
                        batchSize))
                .chain(rows -> {
                    List<Integer> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getInteger("id")));
                    if (ids.isEmpty()) {
                        cursor.noneLeft();
                        return Uni.createFrom().item(Batch.NONE);
                    }
                    int first = ids.get(0);
                    CompletableFuture<Void> waitingForNext = nextTook;
                    if (waitingForNext != null) {
                        waitingForNext.complete(null);
                    }
                    boolean failing = failOn != null && ids.contains(failOn);
                    if (failing) {
                        nextTook = new CompletableFuture<>();
                    }
                    took.add(first + "-" + ids.get(ids.size() - 1));
                    cursor.took(ids.get(ids.size() - 1));
                    Uni<Void> held = Integer.valueOf(first).equals(holdFrom) && hold != null ? await(hold, context)
                            : Uni.createFrom().voidItem();
                    List<OutgoingEvent> events = StampItems.announced(TYPE, ids, asOf);
                    Integer lock = lockToo;
                    return held.chain(() -> lock == null ? Uni.createFrom().voidItem() : CurrentTransaction.execute(
                            "select id from stamp_item where id = $1 for update", Tuple.of(lock)).replaceWithVoid()
                            .invoke(() -> lockedToo.add(first)))
                            .chain(() -> CurrentTransaction.execute("update stamp_item set stamped_on = $1"
                            + " where id = any($2)", Tuple.of(asOf, ids.toArray(Integer[]::new))))
                            .chain(() -> outbox.record(events))
                            .chain(() -> failing ? await(nextTook.completeOnTimeout(null, 10, TimeUnit.SECONDS), context)
                                    .invoke(() -> {
                                        throw new IllegalStateException("failing on purpose at item " + failOn);
                                    }) : Uni.createFrom().voidItem())
                            .replaceWith(Batch.of(ids.size(), "stamped"));
                });
    }

    /** The future's completion, back on the batch's context (where its transaction is). */
    private static Uni<Void> await(CompletableFuture<Void> future, Context context) {
        return Uni.createFrom().emitter(emitter -> future.whenComplete((v, e) -> context.runOnContext(x -> emitter.complete(null))));
    }

    @Override
    public String summary(LocalDate asOf, long rows, Map<String, Long> counts) {
        return counts.getOrDefault("stamped", 0L) + " item(s) stamped in order as of " + asOf;
    }
}
