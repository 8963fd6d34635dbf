package io.tradecredit.invoice.jobs;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.jobs.DailyJob;
import io.tradecredit.invoice.app.Invoices;
import io.tradecredit.invoice.app.PaymentPlans;

/**
 * The ledger's day: invoices past their due date become overdue, and payment plans whose
 * instalments fell due are judged (a missed instalment breaks the plan). Each change is
 * announced once.
 */
@ApplicationScoped
public class InvoiceDailyJob implements DailyJob {
    @Inject
    Invoices invoices;

    @Inject
    PaymentPlans plans;

    @Override
    public String name() {
        return "invoice-daily";
    }

    @Override
    public Uni<String> run(LocalDate asOf) {
        return invoices.markOverdue(asOf).chain(overdue -> plans.judgeActive(asOf).map(ended ->
                overdue + " invoice(s) became overdue, " + ended[0] + " payment plan(s) broken, " + ended[1]
                        + " completed as of " + asOf));
    }
}
