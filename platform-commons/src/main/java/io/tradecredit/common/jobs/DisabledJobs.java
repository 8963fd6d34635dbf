package io.tradecredit.common.jobs;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/** Lets tests and operators turn the daily schedule off ({@code tradecredit.jobs.scheduled=false}). */
@Singleton
public class DisabledJobs implements Scheduled.SkipPredicate {
    @ConfigProperty(name = "tradecredit.jobs.scheduled", defaultValue = "true")
    boolean scheduled;

    @Override
    public boolean test(ScheduledExecution execution) {
        return !scheduled;
    }
}
