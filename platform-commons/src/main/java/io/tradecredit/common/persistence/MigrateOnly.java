package io.tradecredit.common.persistence;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * The migrate-only mode of a service ({@code tradecredit.migrate-only=true}, with
 * {@code quarkus.flyway.migrate-at-start=true}): what the chart's migration Job runs, so that a
 * slow migration runs once, before the new pods, under the Job's retries and deadline instead of
 * in every pod under its startup probe (docs/deployment.md, "Migrations").
 *
 * <p>Quarkus migrates while the application starts, before {@link StartupEvent}; a failed
 * migration (lock timeout, database unreachable after the connect retries) fails the start and
 * the process exits with 1. Reaching the start event therefore means the schema is migrated, and
 * the process exits with 0 at once: it serves nothing and publishes nothing.
 */
@ApplicationScoped
public class MigrateOnly {
    private static final Logger LOG = Logger.getLogger(MigrateOnly.class);

    @ConfigProperty(name = "tradecredit.migrate-only", defaultValue = "false")
    boolean migrateOnly;

    void exitOnceMigrated(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (migrateOnly) {
            LOG.info("Migrate-only mode: the database schema is migrated; exiting");
            Quarkus.asyncExit(0);
        }
    }
}
