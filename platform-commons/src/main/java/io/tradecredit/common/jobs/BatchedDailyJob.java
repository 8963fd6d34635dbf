package io.tradecredit.common.jobs;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Uni;

/**
 * A daily job over many rows (every tenant's invoices, every buyer): {@link JobRunner} runs it for
 * a date as a sequence of batches, each in a transaction of its own, until a batch finds nothing
 * left to do. So the job holds at most one batch of rows in memory and locked, a failure loses at
 * most the batch under way, and running the date again (or another replica taking over a run whose
 * process died) continues where the last committed batch stopped.
 *
 * <p>{@link #runBatch} is called inside the batch's transaction ({@code CurrentTransaction}); it
 * changes the state of up to {@code batchSize} rows and records their events with the same
 * transaction. It must select only rows <em>not yet done for this date</em>, locked and skipping
 * rows another transaction holds, in the order of a key, e.g.
 * {@code where status = 'OPEN' and due_date < $asOf order by id limit $n for update skip locked},
 * and every row it selects must leave that selection when the batch commits. Then a committed batch
 * is never done again, and a batch of 0 rows means the date is done.
 */
public interface BatchedDailyJob {
    /** The name in the operator endpoint's path, e.g. {@code invoice-daily}. */
    String name();

    /** Does up to {@code batchSize} rows as of {@code asOf}, in the current transaction. */
    Uni<Batch> runBatch(LocalDate asOf, int batchSize);

    /** What the run did, from the counts summed over all its batches (and attempts). */
    default String summary(LocalDate asOf, long rows, Map<String, Long> counts) {
        String detail = counts.isEmpty() ? ""
                : " (" + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")) + ")";
        return rows + " row(s) done as of " + asOf + detail;
    }

    /**
     * What one batch did: how many rows it took out of the selection ({@code rows}; 0 ends the
     * run) and, optionally, named counts for the summary (e.g. "plans broken"), summed by the runner.
     */
    record Batch(int rows, Map<String, Integer> counts) {
        public static final Batch NONE = new Batch(0, Map.of());

        public Batch {
            if (rows < 0) {
                throw new IllegalArgumentException("rows must not be negative: " + rows);
            }
            counts = Map.copyOf(counts);
        }

        public static Batch of(int rows) {
            return new Batch(rows, Map.of());
        }

        /** {@code rows}, counted under one name. */
        public static Batch of(int rows, String counted) {
            return new Batch(rows, Map.of(counted, rows));
        }

        /** This batch's counts added to {@code totals} (in place), which it returns. */
        Map<String, Long> addTo(Map<String, Long> totals) {
            counts.forEach((k, v) -> totals.merge(k, (long) v, Long::sum));
            return totals;
        }
    }
}
