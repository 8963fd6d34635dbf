package io.tradecredit.claims.jobs;

import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.app.Deadlines;
import io.tradecredit.common.jobs.BatchedDailyJob;

/**
 * The insurer's deadlines of the day (docs/insurance-claims-service.md, "Deadlines"): each batch first looks at
 * up to a batch of overdue invoices (recording the deadlines of the insured ones), or, once none is left, judges
 * up to a batch of open deadlines: warned within the policy's lead time, met, or missed; once none is left, it
 * tells each tenant in one summary of the deadlines missed before tracking began ("The first run"). Once per date, across
 * runs and replicas (chassis {@code JobRunner}); each deadline is warned and missed at most once (its state).
 */
@ApplicationScoped
public class DeadlinesJob implements BatchedDailyJob {
    static final String LOOKED = "invoices looked at";
    static final String JUDGED = "deadlines judged";
    static final String WARNED = "warned";
    static final String MET = "met";
    static final String MISSED = "missed";
    static final String BEFORE_TRACKING = "missed before tracking";
    static final String SUMMARIZED = "tenants told of misses before tracking";

    @Inject
    Deadlines deadlines;

    @Override
    public String name() {
        return "insurance-deadlines";
    }

    @Override
    public Uni<Batch> runBatch(LocalDate asOf, int batchSize) {
        return deadlines.lookAt(asOf, batchSize).chain(looked -> looked > 0
                ? Uni.createFrom().item(Batch.of(looked, LOOKED))
                : deadlines.judge(asOf, batchSize).chain(j -> j.deadlines() > 0
                        ? Uni.createFrom().item(new Batch(j.deadlines(), Map.of(JUDGED, j.deadlines(), WARNED, j.warned(),
                                MET, j.met(), MISSED, j.missed(), BEFORE_TRACKING, j.missedBeforeTracking())))
                        : deadlines.summarize(asOf, batchSize).map(told -> Batch.of(told, SUMMARIZED))));
    }

    @Override
    public String summary(LocalDate asOf, long rows, Map<String, Long> counts) {
        return counts.getOrDefault(LOOKED, 0L) + " overdue invoice(s) looked at, " + counts.getOrDefault(JUDGED, 0L)
                + " deadline(s) judged: " + counts.getOrDefault(WARNED, 0L) + " warned, " + counts.getOrDefault(MET, 0L)
                + " met, " + counts.getOrDefault(MISSED, 0L) + " missed (" + counts.getOrDefault(BEFORE_TRACKING, 0L)
                + " before tracking began, told to " + counts.getOrDefault(SUMMARIZED, 0L) + " tenant(s) in one summary"
                + " each) as of " + asOf;
    }
}
