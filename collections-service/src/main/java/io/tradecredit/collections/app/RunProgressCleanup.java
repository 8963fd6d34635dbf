package io.tradecredit.collections.app;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.persistence.RunProgressStore;

/**
 * Removes the daily run's progress rows of completed runs older than the retention
 * ({@code tradecredit.collections.run-progress-retention-days}, 7 by default; docs/collections-service.md,
 * "Daily run"). One setting for the service, not per tenant: the rows are the run's bookkeeping,
 * not a tenant's data (the log of steps, which is, is kept).
 */
@ApplicationScoped
public class RunProgressCleanup {
    @ConfigProperty(name = "tradecredit.collections.run-progress-retention-days", defaultValue = "7")
    int retentionDays;

    @Inject
    RunProgressStore store;

    /** One batch of the cleanup of {@code asOf}: rows of completed runs dated more than the retention before it. */
    public Uni<Integer> removeBatch(LocalDate asOf, int size) {
        return store.removeCompletedBefore(asOf.minusDays(retentionDays), size);
    }
}
