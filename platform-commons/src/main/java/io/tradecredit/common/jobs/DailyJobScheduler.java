package io.tradecredit.common.jobs;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Runs every job of the service once a day for today's date (from the injected clock), and resumes
 * runs whose process died half-way ({@code RUNNING} with an expired lease) soon after, on whichever
 * replica looks first.
 */
@ApplicationScoped
public class DailyJobScheduler {
    @Inject
    JobRunner runner;

    @Inject
    Clock clock;

    /**
     * At 00:15 of the day it runs for: the cron is read in UTC, the zone of the clock that names the day. Read in the
     * host's zone (the default), a service on a host set to Asia/Shanghai ran each date's jobs at 16:15 UTC, its
     * reminders reaching Chinese buyers the next morning: a day late.
     */
    @Scheduled(cron = "${tradecredit.jobs.daily-cron}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DisabledJobs.class)
    Uni<Void> runToday() {
        LocalDate today = LocalDate.now(clock);
        // one after the other; a failing job must not stop the others
        return Multi.createFrom().iterable(runner.names())
                .onItem().transformToUniAndConcatenate(name -> runner.run(name, today)
                        .onFailure().recoverWithNull())
                .collect().last().replaceWithVoid();
    }

    /** Resumes runs left {@code RUNNING} by a process that died (their lease expired), oldest first. */
    @Scheduled(every = "${tradecredit.jobs.resume-every}", delayed = "${tradecredit.jobs.resume-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DisabledJobs.class)
    Uni<Void> resumeAbandoned() {
        return runner.abandoned().onItem().transformToMulti(runs -> Multi.createFrom().iterable(runs))
                .onItem().transformToUniAndConcatenate(run -> runner.run(run.job(), run.asOf())
                        .onFailure().recoverWithNull())
                .collect().last().replaceWithVoid();
    }
}
