package io.tradecredit.credit.jobs;

import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.jobs.BatchedDailyJob;
import io.tradecredit.credit.app.Assessments;

/**
 * Grades again, as of the day, every buyer that leaves an invoice unpaid past its due date, once per buyer and
 * date (DOMAIN.md §1: late payments re-grade the buyer and can cut its limit). An unpaid invoice ages every day;
 * without this the buyer kept the grade it had the day after the due date until it paid. Only a moved grade is
 * recorded, and then the limit and alert follow as on any re-grade. Batched ({@link BatchedDailyJob}).
 */
@ApplicationScoped
public class OverdueRegradeJob implements BatchedDailyJob {
    @Inject
    Assessments assessments;

    @Override
    public String name() {
        return "overdue-regrade";
    }

    @Override
    public Uni<Batch> runBatch(LocalDate asOf, int batchSize) {
        return assessments.regradeOverdue(asOf, batchSize)
                .map(done -> new Batch(done.buyers(), Map.of("re-graded", done.regraded())));
    }

    @Override
    public String summary(LocalDate asOf, long rows, Map<String, Long> counts) {
        return rows + " buyer(s) with invoices unpaid past due on " + asOf + " graded again, "
                + counts.getOrDefault("re-graded", 0L) + " of them to a new grade";
    }
}
