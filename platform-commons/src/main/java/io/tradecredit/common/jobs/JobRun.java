package io.tradecredit.common.jobs;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The record of one job's run for one date; {@code firstRun} is false when it had already run. */
public record JobRun(String job, LocalDate asOf, String status, String summary, OffsetDateTime startedAt,
        OffsetDateTime finishedAt, boolean firstRun) {
    public static final String COMPLETED = "COMPLETED";
}
