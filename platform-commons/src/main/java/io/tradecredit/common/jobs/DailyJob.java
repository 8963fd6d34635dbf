package io.tradecredit.common.jobs;

import java.time.LocalDate;

import io.smallrye.mutiny.Uni;

/**
 * A time-driven job of a service. {@link JobRunner} calls {@link #run} inside one transaction and
 * at most once per business date: daily from the scheduler with today, or for any date from the
 * operator endpoint ({@code POST /api/v1/admin/jobs/{name}?asOf=}) to catch up after downtime.
 */
public interface DailyJob {
    /** The name in the operator endpoint's path, e.g. {@code mark-overdue}. */
    String name();

    /** Does the day's work as of {@code asOf} and says briefly what it did. */
    Uni<String> run(LocalDate asOf);
}
