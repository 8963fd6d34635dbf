package io.tradecredit.notification.jobs;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.jobs.DailyJob;
import io.tradecredit.notification.app.DeliveryReports;

/**
 * Keeps {@code message_kept_report} small: daily, drops the SMS delivery reports kept longer than their retention for
 * a hand-over never recorded ({@link DeliveryReports#dropStaleKept}); one statement, so a {@link DailyJob}.
 */
@ApplicationScoped
public class KeptReportPruningJob implements DailyJob {
    @Inject
    DeliveryReports reports;

    @Override
    public String name() {
        return "kept-report-pruning";
    }

    @Override
    public Uni<String> run(LocalDate asOf) {
        return reports.dropStaleKept(asOf).map(n -> "removed " + n + " SMS delivery reports kept past their retention as of "
                + asOf);
    }
}
