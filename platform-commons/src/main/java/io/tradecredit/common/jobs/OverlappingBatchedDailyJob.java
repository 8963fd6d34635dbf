package io.tradecredit.common.jobs;

import java.time.LocalDate;

import io.smallrye.mutiny.Uni;

/**
 * A {@link BatchedDailyJob} whose batches take their rows in the order of a key may let the next
 * batch begin while this one still works: {@link JobRunner} then keeps two batches under way, each
 * in a transaction of its own on its own connection, so the service decides one batch while the
 * database writes the one before it. The next batch takes its rows after the key this one
 * {@linkplain BatchCursor#took took} last (not yet committed, so not after what is committed), and
 * commits only after this one did: if a batch fails, the one after it rolls back too, so the rows
 * done for a date are always every row up to some key, and a run resumed later starts after the
 * last committed one with no gap (docs/architecture.md, "Daily jobs"). Two batches must write
 * disjoint rows: a batch waits at most {@code tradecredit.jobs.overlap-lock-timeout} for a row lock,
 * since the earlier waiting for one the later holds would be a deadlock PostgreSQL cannot see.
 */
public interface OverlappingBatchedDailyJob extends BatchedDailyJob {
    /**
     * Does up to {@code batchSize} rows after {@code cursor}'s key (after what is committed when it
     * has none), in the current transaction; calls {@link BatchCursor#took} or {@link
     * BatchCursor#noneLeft} as soon as its rows are taken.
     */
    Uni<Batch> runBatch(LocalDate asOf, int batchSize, BatchCursor cursor);

    /** One batch on its own, after what is committed. */
    @Override
    default Uni<Batch> runBatch(LocalDate asOf, int batchSize) {
        return runBatch(asOf, batchSize, BatchCursor.first());
    }
}
