package io.tradecredit.collections.jobs;

import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.Promises;
import io.tradecredit.common.jobs.BatchedDailyJob;

/**
 * Judges the promises to pay whose deadline passed before the run date, every tenant's, batch by
 * batch ({@link BatchedDailyJob}): kept or broken ({@link Promises#reviewPastDeadline}). A judged
 * promise is no longer pending, so a batch never judges one twice.
 */
@ApplicationScoped
public class PromiseReviewJob implements BatchedDailyJob {
    @Inject
    Promises promises;

    @Override
    public String name() {
        return "promise-review";
    }

    @Override
    public Uni<Batch> runBatch(LocalDate asOf, int batchSize) {
        return promises.reviewPastDeadline(asOf, batchSize).map(Batch::of);
    }

    @Override
    public String summary(LocalDate asOf, long rows, Map<String, Long> counts) {
        return rows + " promise(s) past their deadline judged as of " + asOf;
    }
}
