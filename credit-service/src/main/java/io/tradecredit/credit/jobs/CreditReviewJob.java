package io.tradecredit.credit.jobs;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.jobs.DailyJob;
import io.tradecredit.credit.app.Reviews;

/** Announces the limit reviews that fell due (review-due), once per buyer and due date. */
@ApplicationScoped
public class CreditReviewJob implements DailyJob {
    @Inject
    Reviews reviews;

    @Override
    public String name() {
        return "credit-reviews";
    }

    @Override
    public Uni<String> run(LocalDate asOf) {
        return reviews.announceDue(asOf).map(n -> n + " limit review(s) due by " + asOf + " announced");
    }
}
