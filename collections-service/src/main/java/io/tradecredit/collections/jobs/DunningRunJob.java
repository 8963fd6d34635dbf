package io.tradecredit.collections.jobs;

import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.DunningRun;
import io.tradecredit.common.jobs.BatchCursor;
import io.tradecredit.common.jobs.OverlappingBatchedDailyJob;

/**
 * The daily dunning run ({@code dunning-run}): daily from the chassis scheduler and through the
 * job door ({@code POST /api/v1/admin/jobs/dunning-run?asOf=}). Each batch is a batch of buyers
 * (every tenant's, in key order) done for the date in a transaction of its own; see {@link DunningRun}. The
 * next batch claims the buyers after this one's while this one still writes (two under way, committed in order).
 */
@ApplicationScoped
public class DunningRunJob implements OverlappingBatchedDailyJob {
    public static final String NAME = "dunning-run";

    @Inject
    DunningRun run;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Batch> runBatch(LocalDate asOf, int batchSize, BatchCursor cursor) {
        return run.runBatch(asOf, batchSize, cursor).map(done -> new Batch(done.buyers(), done.counts()));
    }

    @Override
    public String summary(LocalDate asOf, long rows, Map<String, Long> counts) {
        return rows + " buyer(s) dunned as of " + asOf + ": " + counts.getOrDefault(DunningRun.TAKEN, 0L) + " step(s) taken, "
                + counts.getOrDefault(DunningRun.SUPERSEDED, 0L) + " superseded, " + counts.getOrDefault(DunningRun.SKIPPED, 0L)
                + " skipped; " + counts.getOrDefault(DunningRun.REQUESTS, 0L) + " message(s) requested, "
                + counts.getOrDefault(DunningRun.DRAFTS, 0L) + " drafted; " + counts.getOrDefault(DunningRun.ITEMS, 0L)
                + " invoice(s) scanned";
    }
}
