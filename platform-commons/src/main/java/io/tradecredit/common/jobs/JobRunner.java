package io.tradecredit.common.jobs;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.errors.ProblemException;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs a {@link DailyJob} for a date exactly once. The {@code job_run} row for (job, date) is
 * inserted in the job's own transaction: a second caller (another replica, an operator
 * repeating a call) waits for the first to commit and then finds the date done; a failed run
 * rolls back with its row, so the date can be run again.
 */
@ApplicationScoped
public class JobRunner {
    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    static final String CLAIM = "insert into job_run (job, as_of, status, started_at) values ($1, $2, 'RUNNING', $3)"
            + " on conflict (job, as_of) do nothing";
    static final String COMPLETE = "update job_run set status = 'COMPLETED', summary = $1, finished_at = $2"
            + " where job = $3 and as_of = $4";
    static final String FIND = "select status, summary, started_at, finished_at from job_run where job = $1 and as_of = $2";

    private final Map<String, DailyJob> jobs = new TreeMap<>();

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    JobRunner(Instance<DailyJob> all) {
        for (DailyJob job : all) {
            jobs.put(job.name(), job);
        }
    }

    public List<String> names() {
        return List.copyOf(jobs.keySet());
    }

    public Uni<JobRun> run(String name, LocalDate asOf) {
        DailyJob job = jobs.get(name);
        if (job == null) {
            return Uni.createFrom().failure(ProblemException.notFound(
                    "No job named '" + name + "'; jobs of this service: " + names()));
        }
        OffsetDateTime startedAt = OffsetDateTime.now(clock);
        Timer.Sample sample = Timer.start(metrics);
        return CurrentTransaction.run(() -> CurrentTransaction.execute(CLAIM, Tuple.of(name, asOf, startedAt))
                .chain(claimed -> claimed.rowCount() == 0
                        ? previousRun(name, asOf)
                        : job.run(asOf).chain(summary -> {
                            OffsetDateTime finishedAt = OffsetDateTime.now(clock);
                            return CurrentTransaction.execute(COMPLETE, Tuple.of(summary, finishedAt, name, asOf))
                                    .replaceWith(new JobRun(name, asOf, JobRun.COMPLETED, summary, startedAt,
                                            finishedAt, true));
                        })))
                .invoke(run -> {
                    if (run.firstRun()) {
                        sample.stop(metrics.timer("tradecredit.job.duration", "job_name", name, "outcome", "completed"));
                        LOG.infof("Job %s for %s: %s", name, asOf, run.summary());
                    }
                })
                .onFailure().invoke(failure -> {
                    sample.stop(metrics.timer("tradecredit.job.duration", "job_name", name, "outcome", "failed"));
                    metrics.counter("tradecredit.job.failures", "job_name", name).increment();
                    LOG.errorf(failure, "Job %s for %s failed; it can be run again", name, asOf);
                });
    }

    private Uni<JobRun> previousRun(String name, LocalDate asOf) {
        return CurrentTransaction.execute(FIND, Tuple.of(name, asOf)).map(rows -> rows.iterator().next())
                .map(row -> new JobRun(name, asOf, row.getString("status"), row.getString("summary"),
                        row.getOffsetDateTime("started_at"), row.getOffsetDateTime("finished_at"), false));
    }
}
