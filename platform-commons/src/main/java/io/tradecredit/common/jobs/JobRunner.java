package io.tradecredit.common.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.errors.ProblemException;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.persistence.OwnContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs a job for a date once, whoever asks (the scheduler of every replica, an operator), and
 * lets a run that stopped half-way be resumed.
 *
 * <ol>
 * <li><b>Claim</b>, in a short transaction of its own: the {@code job_run} row of (job, date)
 * becomes {@code RUNNING}, held by this attempt (a random {@code owner} token) until
 * {@code lease_until}. A date that is {@code COMPLETED}, or {@code RUNNING} under a lease not yet
 * expired, is not claimed: the caller gets that state ({@code firstRun} false). A {@code FAILED}
 * run, or a {@code RUNNING} one whose lease expired (its process died), is claimed again and
 * resumed.</li>
 * <li><b>Work</b>: a {@link BatchedDailyJob} runs batch after batch, each in a transaction of its
 * own that also adds the batch's counts to the row and renews the lease, but only while this attempt
 * still holds it (else the batch rolls back: another attempt took over), until a batch does
 * nothing; an {@link OverlappingBatchedDailyJob} has two batches under way, committed in order.
 * A {@link DailyJob} runs in one transaction, which also completes the row.</li>
 * <li><b>Complete</b>: the row becomes {@code COMPLETED} with the summary of the counts summed
 * over all batches. A failure instead marks it {@code FAILED} (committed batches stay committed);
 * running the date again continues from there.</li>
 * </ol>
 */
@ApplicationScoped
public class JobRunner {
    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    private static final TypeReference<TreeMap<String, Long>> COUNTS = new TypeReference<>() {
    };

    static final String CLAIM = """
            insert into job_run as r (job, as_of, status, started_at, owner, lease_until, heartbeat_at)
            values ($1, $2, 'RUNNING', $3, $4, $5, $3)
            on conflict (job, as_of) do update set status = 'RUNNING', owner = excluded.owner,
                lease_until = excluded.lease_until, heartbeat_at = excluded.heartbeat_at,
                attempts = r.attempts + 1, error = null
            where r.status = 'FAILED' or (r.status = 'RUNNING' and (r.lease_until is null or r.lease_until < $3))
            returning started_at, attempts, batches, done, counts::text as counts""";
    /** A batch's progress, in the batch's transaction; no row means this attempt lost its lease. */
    static final String PROGRESS = """
            update job_run set batches = $1, done = $2, counts = $3::text::jsonb, heartbeat_at = $4, lease_until = $5
            where job = $6 and as_of = $7 and owner = $8 and status = 'RUNNING'""";
    static final String COMPLETE = """
            update job_run set status = 'COMPLETED', summary = $1, finished_at = $2, heartbeat_at = $2,
                lease_until = null, batches = $3, done = $4, counts = $5::text::jsonb
            where job = $6 and as_of = $7 and owner = $8 and status = 'RUNNING'""";
    static final String FAIL = """
            update job_run set status = 'FAILED', error = $1, heartbeat_at = $2, lease_until = null
            where job = $3 and as_of = $4 and owner = $5 and status = 'RUNNING'""";
    static final String ABANDONED = """
            select job, as_of from job_run where status = 'RUNNING' and lease_until < $1 and job = any($2)
            order by as_of, job limit 20""";
    static final String FIND = """
            select as_of, status, summary, started_at, finished_at, attempts, batches, done, error
            from job_run where job = $1 and as_of = $2""";
    /** A job's runs between two optional dates, newest first ({@code job_run}'s key is (job, as_of)). */
    static final String RUNS = """
            select as_of, status, summary, started_at, finished_at, attempts, batches, done, error
            from job_run where job = $1 and ($2::date is null or as_of >= $2) and ($3::date is null or as_of <= $3)
            order by as_of desc limit $4 offset $5""";
    static final String COUNT_RUNS = """
            select count(*) as total from job_run
            where job = $1 and ($2::date is null or as_of >= $2) and ($3::date is null or as_of <= $3)""";

    private final Map<String, Object> jobs = new TreeMap<>();

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    ObjectMapper json;

    /**
     * Rows per batch of a {@link BatchedDailyJob}, unless the job has a size of its own
     * ({@code tradecredit.jobs.<name>.batch-size}): a job whose batch costs a few round trips
     * however many rows it holds (the dunning run) does better with larger batches than one whose
     * rows are heavy.
     */
    @ConfigProperty(name = "tradecredit.jobs.batch-size", defaultValue = "1000")
    int batchSize;

    /**
     * How long a run stays claimed without a sign of life (each batch renews it); after that
     * another caller may take it over. A {@link DailyJob} (one transaction) must finish within it.
     */
    @ConfigProperty(name = "tradecredit.jobs.lease", defaultValue = "PT2M")
    Duration lease;

    /**
     * How long a batch of an {@link OverlappingBatchedDailyJob} waits for a row lock before it fails:
     * its batches write disjoint rows, so a wait is a defect, and a long one a deadlock with the batch
     * after it that PostgreSQL cannot detect.
     */
    @ConfigProperty(name = "tradecredit.jobs.overlap-lock-timeout", defaultValue = "PT30S")
    Duration overlapLockTimeout;

    @Inject
    JobRunner(Instance<DailyJob> daily, Instance<BatchedDailyJob> batched) {
        daily.forEach(job -> add(job.name(), job));
        batched.forEach(job -> add(job.name(), job));
    }

    private void add(String name, Object job) {
        if (jobs.putIfAbsent(name, job) != null) {
            throw new IllegalStateException("two jobs are named '" + name + "'");
        }
    }

    public List<String> names() {
        return List.copyOf(jobs.keySet());
    }

    /** A job's date. */
    public record Due(String job, LocalDate asOf) {
    }

    /** Runs left RUNNING by an attempt whose lease expired: its process died, so it can be resumed. */
    public Uni<List<Due>> abandoned() {
        return CurrentTransaction.run(() -> CurrentTransaction.execute(ABANDONED,
                Tuple.of(OffsetDateTime.now(clock), names().toArray(String[]::new))))
                .map(rows -> {
                    List<Due> due = new ArrayList<>();
                    rows.forEach(row -> due.add(new Due(row.getString("job"), row.getLocalDate("as_of"))));
                    return due;
                });
    }

    /** Refuses (404) a name that is no job of this service. */
    public void requireJob(String name) {
        if (!jobs.containsKey(name)) {
            throw ProblemException.notFound("No job named '" + name + "'; jobs of this service: " + names());
        }
    }

    /** One page of a job's runs, newest date first, optionally from and to a date (both included). */
    public Uni<Page<JobRun>> runs(String name, LocalDate from, LocalDate to, int page, int size) {
        try {
            requireJob(name);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        return CurrentTransaction.run(() -> CurrentTransaction.execute(COUNT_RUNS, Tuple.of(name, from, to))
                .chain(count -> CurrentTransaction.execute(RUNS, CurrentTransaction.params(name, from, to, size,
                        (long) page * size))
                        .map(rows -> {
                            List<JobRun> items = new ArrayList<>();
                            rows.forEach(row -> items.add(runOf(name, row)));
                            return new Page<>(items, page, size, count.iterator().next().getLong("total"));
                        })));
    }

    public Uni<JobRun> run(String name, LocalDate asOf) {
        Object job = jobs.get(name);
        if (job == null) {
            return Uni.createFrom().failure(ProblemException.notFound(
                    "No job named '" + name + "'; jobs of this service: " + names()));
        }
        Attempt attempt = new Attempt(name, asOf, UUID.randomUUID());
        Timer.Sample sample = Timer.start(metrics);
        return claim(attempt).chain(claimed -> {
            if (!claimed) {
                return find(name, asOf);
            }
            Uni<JobRun> work = job instanceof BatchedDailyJob b ? runBatched(b, attempt)
                    : runDaily((DailyJob) job, attempt);
            return work.onFailure().call(failure -> fail(attempt, failure));
        }).invoke(run -> {
            if (run.firstRun()) {
                sample.stop(metrics.timer("tradecredit.job.duration", "job_name", name, "outcome", "completed"));
                LOG.infof("Job %s for %s: %s", name, asOf, run.summary());
            }
        }).onFailure().invoke(failure -> {
            sample.stop(metrics.timer("tradecredit.job.duration", "job_name", name, "outcome", "failed"));
            metrics.counter("tradecredit.job.failures", "job_name", name).increment();
            LOG.errorf(failure, "Job %s for %s failed after %d batch(es) of this attempt; it can be run again and"
                    + " resumes where it stopped", name, asOf, attempt.batchesNow);
        });
    }

    /** Claims the run in a transaction of its own; false if it is done or another attempt holds it. */
    private Uni<Boolean> claim(Attempt a) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return CurrentTransaction.run(() -> CurrentTransaction.execute(CLAIM,
                Tuple.of(a.job, a.asOf, now, a.owner, now.plus(lease))))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return false;
                    }
                    Row row = rows.iterator().next();
                    a.startedAt = row.getOffsetDateTime("started_at");
                    a.attempts = row.getInteger("attempts");
                    a.batches = row.getLong("batches");
                    a.done = row.getLong("done");
                    a.counts = counts(row.getString("counts"));
                    if (a.attempts > 1) {
                        LOG.infof("Job %s for %s: attempt %d resumes after %d batch(es), %d row(s) done", a.job,
                                a.asOf, a.attempts, a.batches, a.done);
                    }
                    return true;
                });
    }

    private Uni<JobRun> runDaily(DailyJob job, Attempt a) {
        return CurrentTransaction.run(() -> job.run(a.asOf).chain(summary -> complete(a, summary, a.batches + 1,
                a.done, a.counts)));
    }

    private Uni<JobRun> runBatched(BatchedDailyJob job, Attempt a) {
        Uni<?> batches = job instanceof OverlappingBatchedDailyJob overlapping
                ? Uni.createFrom().deferred(() -> overlapping(overlapping, a))
                : Multi.createBy().repeating().uni(() -> batch(job, a, null, null)).whilst(rows -> rows > 0)
                        .collect().last();
        return batches.chain(() -> CurrentTransaction.run(() -> complete(a, job.summary(a.asOf, a.done, a.counts),
                a.batches, a.done, a.counts)));
    }

    /**
     * The batches of an {@link OverlappingBatchedDailyJob}, two under way at most: the next begins once
     * this one has taken its rows and the one before it has committed; each commits after the one before
     * it (or rolls back when that one failed). Completes when a batch finds nothing left and every batch
     * before it committed; fails with the first failure.
     */
    private Uni<Void> overlapping(OverlappingBatchedDailyJob job, Attempt a) {
        Context from = Vertx.currentContext();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        launch(job, a, from, BatchCursor.first(), CompletableFuture.completedFuture(0), finished);
        return resumeOn(from, finished);
    }

    private void launch(OverlappingBatchedDailyJob job, Attempt a, Context from, BatchCursor cursor,
            CompletableFuture<Integer> before, CompletableFuture<Void> finished) {
        CompletableFuture<Integer> committed = new CompletableFuture<>();
        AtomicBoolean nextLaunched = new AtomicBoolean();
        cursor.taken().thenCombine(before, (end, rowsBefore) -> end).thenAccept(end -> end.ifPresent(key -> {
            if (nextLaunched.compareAndSet(false, true)) {
                launch(job, a, from, new BatchCursor(key), committed, finished);
            }
        }));
        OwnContext.run(from, () -> batch(job, a, cursor, before)).subscribe().with(rows -> {
            committed.complete(rows);
            if (rows == 0) {
                finished.complete(null);
            } else if (nextLaunched.compareAndSet(false, true)) {
                // the batch took rows without saying where they ended: the next starts after what is committed
                launch(job, a, from, BatchCursor.first(), committed, finished);
            }
        }, failure -> {
            nextLaunched.set(true);
            committed.completeExceptionally(failure);
            cursor.taken().completeExceptionally(failure);
            finished.completeExceptionally(failure);
        });
    }

    /** One batch in its own transaction, with its progress; the attempt's totals move on when it commits. */
    private Uni<Integer> batch(BatchedDailyJob job, Attempt a, BatchCursor cursor, CompletableFuture<Integer> before) {
        Progress[] next = new Progress[1];
        int size = ConfigProvider.getConfig().getOptionalValue("tradecredit.jobs." + job.name() + ".batch-size",
                Integer.class).orElse(batchSize);
        Uni<Integer> work = CurrentTransaction.run(() -> (cursor == null ? job.runBatch(a.asOf, size)
                // a lock the batch before holds is waited for, one the batch after holds would be forever (that one
                // waits for this one's commit, where PostgreSQL cannot see it): the wait ends, the batch fails
                : CurrentTransaction.execute("set local lock_timeout = '" + overlapLockTimeout.toMillis() + "ms'",
                        Tuple.tuple()).chain(() -> ((OverlappingBatchedDailyJob) job).runBatch(a.asOf, size, cursor)))
                // an overlapping batch commits after the one before it, and never when that one failed
                .call(batch -> before == null ? Uni.createFrom().voidItem() : resumeOn(Vertx.currentContext(), before))
                .call(batch -> {
            if (batch.rows() == 0) {
                return Uni.createFrom().voidItem();
            }
            Progress p = new Progress(a.batches + 1, a.done + batch.rows(), batch.addTo(new TreeMap<>(a.counts)));
            next[0] = p;
            OffsetDateTime now = OffsetDateTime.now(clock);
            return CurrentTransaction.execute(PROGRESS, Tuple.from(List.of(p.batches, p.done, write(p.counts), now,
                    now.plus(lease), a.job, a.asOf, a.owner))).invoke(rows -> requireLease(rows.rowCount(), a));
        })).map(batch -> {
            if (next[0] != null) {
                a.batches = next[0].batches;
                a.done = next[0].done;
                a.counts = next[0].counts;
                a.batchesNow++;
                LOG.debugf("Job %s for %s: batch %d, %d row(s) so far", a.job, a.asOf, a.batches, a.done);
            }
            return batch.rows();
        });
        // a failed overlapping batch reports once the one before it has settled: the run is marked FAILED
        // after that one committed (or rolled back), not while it still holds the run's lease
        return before == null ? work : work.onFailure().call(() -> resumeOn(Vertx.currentContext(), before)
                .onFailure().recoverWithNull());
    }

    /** Waits for {@code future}, then goes on on {@code context} (Panache finds its transaction there). */
    private static <T> Uni<T> resumeOn(Context context, CompletableFuture<T> future) {
        if (context == null) {
            return Uni.createFrom().completionStage(future);
        }
        return Uni.createFrom().emitter(emitter -> future.whenComplete((item, failure) -> context.runOnContext(v -> {
            if (failure != null) {
                emitter.fail(failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
            } else {
                emitter.complete(item);
            }
        })));
    }

    /** Completes the run in the current transaction, only while this attempt holds it. */
    private Uni<JobRun> complete(Attempt a, String summary, long batches, long done, Map<String, Long> counts) {
        OffsetDateTime finishedAt = OffsetDateTime.now(clock);
        return CurrentTransaction.execute(COMPLETE, Tuple.from(List.of(summary, finishedAt, batches, done,
                write(counts), a.job, a.asOf, a.owner)))
                .invoke(rows -> requireLease(rows.rowCount(), a))
                .replaceWith(new JobRun(a.job, a.asOf, JobRun.COMPLETED, summary, a.startedAt, finishedAt, true,
                        a.attempts, batches, done, null));
    }

    /** Leaves the run FAILED (so it can be resumed at once), unless another attempt holds it by now. */
    private Uni<Void> fail(Attempt a, Throwable failure) {
        String error = String.valueOf(failure.getMessage());
        return CurrentTransaction.run(() -> CurrentTransaction.execute(FAIL, Tuple.of(error.length() > 2000
                ? error.substring(0, 2000) : error, OffsetDateTime.now(clock), a.job, a.asOf, a.owner)))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf(e, "Job %s for %s: could not mark the run FAILED; it stays"
                        + " RUNNING until its lease expires, then it can be resumed", a.job, a.asOf))
                .onFailure().recoverWithNull();
    }

    private Uni<JobRun> find(String name, LocalDate asOf) {
        return CurrentTransaction.run(() -> CurrentTransaction.execute(FIND, Tuple.of(name, asOf)))
                .map(rows -> runOf(name, rows.iterator().next()));
    }

    /** A {@code job_run} row as found (not run by this call: {@code firstRun} false). */
    private static JobRun runOf(String name, Row row) {
        return new JobRun(name, row.getLocalDate("as_of"), row.getString("status"), row.getString("summary"),
                row.getOffsetDateTime("started_at"), row.getOffsetDateTime("finished_at"), false,
                row.getInteger("attempts"), row.getLong("batches"), row.getLong("done"), row.getString("error"));
    }

    private static void requireLease(int rowCount, Attempt a) {
        if (rowCount == 0) {
            throw ProblemException.conflict("The run of " + a.job + " for " + a.asOf + " was taken over by another"
                    + " attempt (this one's lease expired); this attempt's last batch was rolled back");
        }
    }

    private Map<String, Long> counts(String text) {
        try {
            return text == null ? new TreeMap<>() : json.readValue(text, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job_run.counts is not a JSON object of numbers: " + text, e);
        }
    }

    private String write(Map<String, Long> counts) {
        try {
            return json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Progress(long batches, long done, Map<String, Long> counts) {
    }

    /** One claim of a run: who holds it and how far the run got (committed batches only). */
    private static final class Attempt {
        final String job;
        final LocalDate asOf;
        final UUID owner;
        OffsetDateTime startedAt;
        int attempts;
        long batches;
        long done;
        Map<String, Long> counts = new TreeMap<>();
        long batchesNow;

        Attempt(String job, LocalDate asOf, UUID owner) {
            this.job = job;
            this.asOf = asOf;
            this.owner = owner;
        }
    }
}
