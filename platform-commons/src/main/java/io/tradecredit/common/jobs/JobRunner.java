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
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.errors.ProblemException;
import io.tradecredit.common.persistence.Rows;

/**
 * Runs a {@link DailyJob} for a date exactly once. The {@code job_run} row for (job, date) is
 * inserted in the job's own transaction: a second caller (another replica, an operator
 * repeating a call) waits for the first to commit and then finds the date done; a failed run
 * rolls back with its row, so the date can be run again.
 */
@ApplicationScoped
public class JobRunner {
    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    static final String CLAIM = "insert into job_run (job, as_of, status, started_at) values (:job, :asOf, 'RUNNING', :at)"
            + " on conflict (job, as_of) do nothing";
    static final String COMPLETE = "update job_run set status = 'COMPLETED', summary = :summary, finished_at = :at"
            + " where job = :job and as_of = :asOf";
    static final String FIND = "select status, summary, started_at, finished_at from job_run where job = :job and as_of = :asOf";

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
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                .setParameter("job", name).setParameter("asOf", asOf).setParameter("at", startedAt)
                .executeUpdate()
                .chain(claimed -> claimed == 0
                        ? previousRun(name, asOf)
                        : job.run(asOf).chain(summary -> {
                            OffsetDateTime finishedAt = OffsetDateTime.now(clock);
                            return session.createNativeQuery(COMPLETE)
                                    .setParameter("summary", summary).setParameter("at", finishedAt)
                                    .setParameter("job", name).setParameter("asOf", asOf)
                                    .executeUpdate()
                                    .replaceWith(new JobRun(name, asOf, JobRun.COMPLETED, summary, startedAt,
                                            finishedAt, true));
                        }))))
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
        return Panache.getSession().chain(session -> session.createNativeQuery(FIND, Object[].class)
                .setParameter("job", name).setParameter("asOf", asOf)
                .getSingleResult()
                .map(row -> new JobRun(name, asOf, (String) row[0], (String) row[1], Rows.offsetDateTime(row[2]),
                        Rows.offsetDateTime(row[3]), false)));
    }
}
