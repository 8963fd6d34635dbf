package io.tradecredit.invoice.jobs;

import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.jobs.BatchedDailyJob;
import io.tradecredit.invoice.app.Invoices;
import io.tradecredit.invoice.app.LateChargeStatements;
import io.tradecredit.invoice.app.PaymentPlans;

/**
 * The ledger's day: invoices past their due date become overdue, then payment plans whose
 * instalments fell due are judged (a missed instalment breaks the plan), then the late charges of
 * overdue invoices whose look is due are stated when {@code LateChargeStatement} says so. Each
 * change is announced once. Batched ({@link BatchedDailyJob}): each batch marks up to a batch of invoices, or, once
 * none is left, judges up to a batch of plans, or then looks at up to a batch of late charges, in a transaction of its own.
 */
@ApplicationScoped
public class InvoiceDailyJob implements BatchedDailyJob {
    static final String OVERDUE = "invoices overdue";
    static final String PLANS = "plans judged";
    static final String BROKEN = "plans broken";
    static final String COMPLETED = "plans completed";
    static final String LOOKED = "late charges looked at";
    static final String STATED = "late charges stated";

    @Inject
    Invoices invoices;

    @Inject
    PaymentPlans plans;

    @Inject
    LateChargeStatements lateCharges;

    @Override
    public String name() {
        return "invoice-daily";
    }

    @Override
    public Uni<Batch> runBatch(LocalDate asOf, int batchSize) {
        return invoices.markOverdue(asOf, batchSize).chain(overdue -> overdue > 0
                ? Uni.createFrom().item(Batch.of(overdue, OVERDUE))
                : plans.judgeActive(asOf, batchSize).chain(judged -> judged.plans() > 0
                        ? Uni.createFrom().item(new Batch(judged.plans(), Map.of(PLANS, judged.plans(), BROKEN,
                                judged.broken(), COMPLETED, judged.completed())))
                        : lateCharges.lookAt(asOf, batchSize).map(looked -> new Batch(looked.invoices(),
                                Map.of(LOOKED, looked.invoices(), STATED, looked.stated())))));
    }

    @Override
    public String summary(LocalDate asOf, long rows, Map<String, Long> counts) {
        return counts.getOrDefault(OVERDUE, 0L) + " invoice(s) became overdue, " + counts.getOrDefault(BROKEN, 0L)
                + " payment plan(s) broken, " + counts.getOrDefault(COMPLETED, 0L) + " completed, "
                + counts.getOrDefault(STATED, 0L) + " late-charge statement(s) as of " + asOf;
    }
}
