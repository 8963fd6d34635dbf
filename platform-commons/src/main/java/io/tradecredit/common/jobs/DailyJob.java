package io.tradecredit.common.jobs;

import java.time.LocalDate;

import io.smallrye.mutiny.Uni;

/**
 * A small time-driven job of a service, done in one transaction: {@link JobRunner} claims the
 * date in a short transaction of its own, then calls {@link #run} in a second one that also marks
 * the date {@code COMPLETED}, so the job's work commits with its completion or not at all; a
 * failure leaves the date {@code FAILED}, to be run again. At most once per business date: daily
 * from the scheduler with today, or for any date from the operator endpoint
 * ({@code POST /api/v1/admin/jobs/{name}?asOf=}) to catch up after downtime.
 *
 * <p>Only for work that is small whatever the data (a few statements, like
 * {@link OutboxCleanupJob}'s deletes) and finishes well within the run's lease
 * ({@code tradecredit.jobs.lease}). A job that reads or changes rows per tenant, invoice or buyer
 * is a {@link BatchedDailyJob}.
 */
public interface DailyJob {
    /** The name in the operator endpoint's path, e.g. {@code outbox-cleanup}. */
    String name();

    /** Does the day's work as of {@code asOf}, in the current transaction, and says briefly what it did. */
    Uni<String> run(LocalDate asOf);
}
