package io.tradecredit.common.jobs;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Runs every job of the service once a day for today's date (from the injected clock). */
@ApplicationScoped
public class DailyJobScheduler {
    @Inject
    JobRunner runner;

    @Inject
    Clock clock;

    @Scheduled(cron = "${tradecredit.jobs.daily-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = DisabledJobs.class)
    Uni<Void> runToday() {
        LocalDate today = LocalDate.now(clock);
        // one after the other; a failing job must not stop the others
        return Multi.createFrom().iterable(runner.names())
                .onItem().transformToUniAndConcatenate(name -> runner.run(name, today)
                        .onFailure().recoverWithNull())
                .collect().last().replaceWithVoid();
    }
}
