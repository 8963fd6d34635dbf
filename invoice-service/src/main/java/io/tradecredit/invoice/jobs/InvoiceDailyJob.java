package io.tradecredit.invoice.jobs;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.jobs.DailyJob;
import io.tradecredit.invoice.domain.Invoices;

/** The ledger's day: invoices past their due date become overdue (each announced once). */
@ApplicationScoped
public class InvoiceDailyJob implements DailyJob {
    @Inject
    Invoices invoices;

    @Override
    public String name() {
        return "invoice-daily";
    }

    @Override
    public Uni<String> run(LocalDate asOf) {
        return invoices.markOverdue(asOf).map(n -> n + " invoice(s) became overdue as of " + asOf);
    }
}
