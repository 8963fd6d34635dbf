package io.tradecredit.collections.jobs;

import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.RunProgressCleanup;
import io.tradecredit.common.jobs.BatchedDailyJob;

/**
 * Daily ({@code dunning-progress-cleanup}, operator door {@code POST /api/v1/admin/jobs/dunning-progress-cleanup?asOf=}):
 * removes the progress rows of completed dunning runs past their retention, a batch at a time
 * ({@link RunProgressCleanup}). A removed row leaves the selection, so a batch never repeats.
 */
@ApplicationScoped
public class RunProgressCleanupJob implements BatchedDailyJob {
    static final String REMOVED = "progress rows removed";

    @Inject
    RunProgressCleanup cleanup;

    @Override
    public String name() {
        return "dunning-progress-cleanup";
    }

    @Override
    public Uni<Batch> runBatch(LocalDate asOf, int batchSize) {
        return cleanup.removeBatch(asOf, batchSize).map(n -> Batch.of(n, REMOVED));
    }

    @Override
    public String summary(LocalDate asOf, long rows, Map<String, Long> counts) {
        return rows + " progress row(s) of completed dunning runs removed as of " + asOf;
    }
}
