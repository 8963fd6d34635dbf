package io.tradecredit.common.jobs;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where a batch of an {@link OverlappingBatchedDailyJob} starts, and how it tells {@link JobRunner}
 * where it ended. {@link #after} is the key of the last row the batch before it took (that batch
 * may not have committed yet), or null for an attempt's first batch, which starts after what is
 * committed. As soon as the batch has taken its rows it calls {@link #took} with the key of the
 * last one (or {@link #noneLeft}); the next batch may then begin after that key.
 */
public final class BatchCursor {
    private final Object after;
    private final CompletableFuture<Optional<Object>> taken = new CompletableFuture<>();

    BatchCursor(Object after) {
        this.after = after;
    }

    /** A cursor with nothing before it: the batch reads what is committed (a batch run on its own). */
    public static BatchCursor first() {
        return new BatchCursor(null);
    }

    /** The key the batch before this one ended at, or null: start after what is committed. */
    public <K> K after(Class<K> type) {
        return type.cast(after);
    }

    /** This batch has taken its rows; the last has {@code lastKey}, after which the next batch begins. */
    public void took(Object lastKey) {
        if (lastKey == null) {
            throw new IllegalArgumentException("a batch that took rows has a last key; none taken: noneLeft()");
        }
        taken.complete(Optional.of(lastKey));
    }

    /** This batch found no row to take: the date is done once the batches before it commit. */
    public void noneLeft() {
        taken.complete(Optional.empty());
    }

    /** Where the batch ended: a key, empty when none was left; completes when the batch said so. */
    CompletableFuture<Optional<Object>> taken() {
        return taken;
    }
}
