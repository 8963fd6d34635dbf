package io.tradecredit.common.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import io.tradecredit.common.time.BusinessTimeZone;

/**
 * The jobs' meters, there from the start so that the alerts see them (docs/runbook.md, "Alerts"):
 * <ul>
 * <li>{@code tradecredit_job_failures_total{job_name}} at 0 for every job: Prometheus'
 * {@code increase()} needs a sample before the first failure, else that failure never alerts;</li>
 * <li>{@code tradecredit_job_last_completed_as_of_seconds{job_name}}: the latest date the job
 * completed ({@code job_run}, read every {@code tradecredit.jobs.metrics-interval}), as the epoch
 * second of its midnight in the business time zone (the alert's 27 hours run from when the day began there); a
 * job that never completed counts from the day this process started.
 * A date that did not run raises TradecreditJobDidNotRun, also where the schedule is turned off
 * ({@code tradecredit.jobs.scheduled=false}): the jobs' dates must then be run by hand.</li>
 * </ul>
 */
@ApplicationScoped
public class JobMetrics {
    private static final Logger LOG = Logger.getLogger(JobMetrics.class);
    static final String LAST_COMPLETED = """
            select job, max(as_of) as as_of from job_run where status = 'COMPLETED' group by job""";

    @Inject
    JobRunner runner;

    @Inject
    MeterRegistry metrics;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    BusinessTimeZone businessZone;

    @ConfigProperty(name = "tradecredit.jobs.metrics-interval-ms", defaultValue = "60000")
    long intervalMs;

    private final Map<String, AtomicLong> lastCompleted = new ConcurrentHashMap<>();
    private long timer = -1;

    void register(@Observes StartupEvent event) {
        long startDay = businessZone.startOf(businessZone.today()).getEpochSecond();
        for (String job : runner.names()) {
            metrics.counter("tradecredit.job.failures", "job_name", job);
            AtomicLong asOf = lastCompleted.computeIfAbsent(job, j -> new AtomicLong(startDay));
            metrics.gauge("tradecredit.job.last.completed.as.of.seconds", Tags.of("job_name", job), asOf);
        }
        refresh();
        timer = vertx.setPeriodic(intervalMs, id -> refresh());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void refresh() {
        pool.query(LAST_COMPLETED).execute().subscribe().with(rows -> rows.forEach(row -> {
            AtomicLong asOf = lastCompleted.get(row.getString("job"));
            if (asOf != null) {
                asOf.set(businessZone.startOf(row.getLocalDate("as_of")).getEpochSecond());
            }
        }), failure -> LOG.debugf("jobs' last completed dates not read: %s", failure.getMessage()));
    }
}
