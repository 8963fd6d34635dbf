package io.tradecredit.claims.jobs;

import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.app.ProtractedDefaults;
import io.tradecredit.common.jobs.BatchedDailyJob;

/**
 * Claims after a protracted default's waiting period (docs/insurance-claims-service.md, "Protracted default"):
 * each batch looks at overdue notifications still waiting and opens the claims of those whose period has run.
 * Its own job, not a step of insurance-deadlines: it walks notifications, not invoices, and a failure of one must
 * not hold up the other. Once per date across runs and replicas (chassis {@code JobRunner}); a claim once per
 * policy, buyer and trigger day ({@code claim_signal}).
 */
@ApplicationScoped
public class ProtractedDefaultJob implements BatchedDailyJob {
    static final String LOOKED = "notifications looked at";
    static final String OPENED = "claims opened";

    @Inject
    ProtractedDefaults defaults;

    @Override
    public String name() {
        return "insurance-protracted-default";
    }

    @Override
    public Uni<Batch> runBatch(LocalDate asOf, int batchSize) {
        return defaults.lookAt(asOf, batchSize).map(l -> new Batch(l.notifications(), Map.of(LOOKED, l.notifications(),
                OPENED, l.opened())));
    }

    @Override
    public String summary(LocalDate asOf, long rows, Map<String, Long> counts) {
        return counts.getOrDefault(LOOKED, 0L) + " overdue notification(s) looked at, " + counts.getOrDefault(OPENED, 0L)
                + " claim(s) opened after the waiting period as of " + asOf;
    }
}
