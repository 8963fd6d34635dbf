package io.tradecredit.collections.persistence;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The daily run's progress rows ({@code dunning_run_buyer}, one per buyer and run date) once their
 * run is over: they only let an unfinished date resume, so a completed date's rows can go.
 */
@ApplicationScoped
public class RunProgressStore {
    /**
     * Up to $2 progress rows of dates before $1 whose run completed ({@code job_run} of the job
     * {@code dunning-run}, {@code jobs.DunningRunJob.NAME}); a date that failed or is still running
     * keeps its rows, whatever their age, so it can still resume.
     */
    static final String REMOVE = """
            delete from dunning_run_buyer where (run_date, tenant_id, buyer_id) in (
                select d.run_date, d.tenant_id, d.buyer_id from dunning_run_buyer d
                join job_run j on j.job = 'dunning-run' and j.as_of = d.run_date and j.status = 'COMPLETED'
                where d.run_date < $1
                order by d.run_date, d.tenant_id, d.buyer_id limit $2
                for update of d skip locked)""";

    /** Removes up to {@code limit} rows of completed runs dated before {@code before}; answers how many. */
    public Uni<Integer> removeCompletedBefore(LocalDate before, int limit) {
        return CurrentTransaction.execute(REMOVE, Tuple.of(before, limit)).map(rows -> rows.rowCount());
    }
}
