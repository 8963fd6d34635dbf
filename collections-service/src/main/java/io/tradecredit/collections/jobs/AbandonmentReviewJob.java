package io.tradecredit.collections.jobs;

import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.Abandonments;
import io.tradecredit.common.jobs.BatchedDailyJob;

/**
 * Looks at every tenant's open cases once a day, batch by batch ({@link BatchedDailyJob}), and proposes
 * abandoning those whose debt costs more to collect than it is worth by the tenant's costs
 * ({@link Abandonments#review}); a collector confirms or lets it be. A case looked at leaves the date's
 * selection, so a batch never looks at one twice.
 */
@ApplicationScoped
public class AbandonmentReviewJob implements BatchedDailyJob {
    @Inject
    Abandonments abandonments;

    @Override
    public String name() {
        return "abandonment-review";
    }

    @Override
    public Uni<Batch> runBatch(LocalDate asOf, int batchSize) {
        return abandonments.review(asOf, batchSize)
                .map(r -> new Batch(r.looked(), Map.of("proposed for abandonment", r.proposed())));
    }

    @Override
    public String summary(LocalDate asOf, long rows, Map<String, Long> counts) {
        return rows + " open case(s) looked at as of " + asOf + ", "
                + counts.getOrDefault("proposed for abandonment", 0L) + " proposed for abandonment";
    }
}
