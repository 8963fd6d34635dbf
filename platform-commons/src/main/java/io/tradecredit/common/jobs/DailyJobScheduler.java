package io.tradecredit.common.jobs;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * Runs every job of the service once a day for the business day's date, and resumes
 * runs whose process died half-way ({@code RUNNING} with an expired lease) soon after, on whichever
 * replica looks first.
 */
@ApplicationScoped
public class DailyJobScheduler {
    @Inject
    JobRunner runner;

    @Inject
    BusinessTimeZone businessZone;

    /**
     * At 00:15 of the day it runs for, in the business time zone ({@code tradecredit.business-time-zone}) that names
     * the day, not the host's (the scheduler's default): on a host set to UTC a Chinese seller's day would be eight
     * hours old before its reminders were decided.
     */
    @Scheduled(cron = "${tradecredit.jobs.daily-cron}", timeZone = "${tradecredit.business-time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DisabledJobs.class)
    Uni<Void> runToday() {
        LocalDate today = businessZone.today();
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
