package io.tradecredit.common.jobs;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The state of one job's run for one date. {@code firstRun} is true when this call did the run (or
 * finished one an earlier attempt had begun), false when it found the date done, or being run by
 * another caller ({@code RUNNING}). {@code rows} and {@code batches} are summed over every attempt's
 * committed batches; {@code attempts} counts the claims of the date (a crashed or failed attempt
 * resumed is one more).
 */
public record JobRun(String job, LocalDate asOf, String status, String summary, OffsetDateTime startedAt,
        OffsetDateTime finishedAt, boolean firstRun, int attempts, long batches, long rows, String error) {
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
}
