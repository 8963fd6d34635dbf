package io.tradecredit.credit.jobs;

import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.jobs.BatchedDailyJob;
import io.tradecredit.credit.app.Reviews;

/**
 * Announces the limit reviews that fell due (review-due), once per buyer and due date; batched
 * ({@link BatchedDailyJob}), each batch of buyers in a transaction of its own.
 */
@ApplicationScoped
public class CreditReviewJob implements BatchedDailyJob {
    @Inject
    Reviews reviews;

    @Override
    public String name() {
        return "credit-reviews";
    }

    @Override
    public Uni<Batch> runBatch(LocalDate asOf, int batchSize) {
        return reviews.announceDue(asOf, batchSize).map(Batch::of);
    }

    @Override
    public String summary(LocalDate asOf, long rows, Map<String, Long> counts) {
        return rows + " limit review(s) due by " + asOf + " announced";
    }
}
