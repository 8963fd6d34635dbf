package io.tradecredit.common.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.tradecredit.common.persistence.BulkInsert.Column;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Group commit for a hot append-only table: rows that concurrent requests insert while a write is
 * under way go together in the next one, as one {@code unnest} insert and one commit. Each caller's
 * {@link Uni} completes only once its row is committed, so nothing is acknowledged that could be
 * lost; an idle table sees no delay at all (the first row is written at once). Under load the
 * database does one statement and one WAL flush per group instead of per row.
 */
public final class GroupedInsert<T> {
    /** Rows per statement at most; a longer queue is written in several groups, one after the other. */
    static final int MAX_GROUP = 500;

    private record Pending<T>(T row, UniEmitter<? super Void> emitter, Context context) {
    }

    private final Pool pool;
    private final String table;
    private final List<Column> columns;
    private final Function<T, List<Object>> values;
    private final Queue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicLong groups = new AtomicLong();

    public GroupedInsert(Pool pool, String table, List<Column> columns, Function<T, List<Object>> values) {
        this.pool = pool;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.values = values;
    }

    /** Inserts the row, together with whatever other rows are waiting; completes when it is committed. */
    public Uni<Void> insert(T row) {
        return Uni.createFrom().emitter(emitter -> {
            queue.add(new Pending<>(row, emitter, Vertx.currentContext()));
            writeNextGroup();
        });
    }

    /** How many groups (statements, commits) have been written so far. */
    public long groupsWritten() {
        return groups.get();
    }

    private void writeNextGroup() {
        if (!writing.compareAndSet(false, true)) {
            return; // the write under way picks this row up when it ends
        }
        List<Pending<T>> group = new ArrayList<>();
        for (Pending<T> p; group.size() < MAX_GROUP && (p = queue.poll()) != null;) {
            group.add(p);
        }
        if (group.isEmpty()) {
            writing.set(false);
            if (!queue.isEmpty()) {
                writeNextGroup(); // a row arrived between the poll and the reset
            }
            return;
        }
        groups.incrementAndGet();
        write(group).subscribe().with(done -> groupDone(), failure -> groupDone());
    }

    private void groupDone() {
        writing.set(false);
        writeNextGroup();
    }

    /** The group in one statement; if that fails, each row on its own, so one bad row fails only its caller. */
    private Uni<Void> write(List<Pending<T>> group) {
        List<T> rows = group.stream().map(Pending::row).toList();
        return BulkInsert.into(pool, table, columns, rows, values)
                .invoke(() -> group.forEach(p -> complete(p, null)))
                .onFailure().recoverWithUni(failure -> {
                    if (group.size() == 1) {
                        complete(group.get(0), failure);
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> oneByOne = Uni.createFrom().voidItem();
                    for (Pending<T> p : group) {
                        oneByOne = oneByOne.chain(() -> BulkInsert.into(pool, table, columns, List.of(p.row()), values)
                                .invoke(() -> complete(p, null))
                                .onFailure().recoverWithItem(f -> {
                                    complete(p, f);
                                    return null;
                                }));
                    }
                    return oneByOne;
                });
    }

    /** Resumes each caller on its own Vert.x context (its request's event loop), not on the writer's. */
    private static void complete(Pending<?> p, Throwable failure) {
        Runnable resume = failure == null ? () -> p.emitter().complete(null) : () -> p.emitter().fail(failure);
        if (p.context() == null || p.context() == Vertx.currentContext()) {
            resume.run();
        } else {
            p.context().runOnContext(v -> resume.run());
        }
    }
}
