package io.tradecredit.common.jobs;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.errors.ProblemException;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * Operator door to the daily jobs: run one for a given date (e.g. to catch up after downtime), and
 * see which dates a job has run. Jobs are platform-wide (every tenant's rows), so only a platform
 * operator may use it: role {@code platform-ops} and no {@code tenant_id} claim.
 */
@Path("/api/v1/admin/jobs")
@RolesAllowed(Roles.PLATFORM_OPS)
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {
    /** Whether an operator may run a job for a date after today (demos and end-to-end tests move through time). */
    public static final String FUTURE_DATES_ALLOWED = "tradecredit.jobs.future-dates-allowed";

    @Inject
    JobRunner runner;

    @Inject
    TenantContext caller;

    @Inject
    BusinessTimeZone businessZone;

    @ConfigProperty(name = "tradecredit.jobs.future-dates-allowed", defaultValue = "false")
    boolean futureDatesAllowed;

    public record Jobs(List<String> jobs) {
    }

    @GET
    @APIResponse(responseCode = "200", description = "The jobs of this service")
    @APIResponse(responseCode = "403", description = "Not a platform operator, or a token bound to a tenant")
    public Jobs list() {
        platformOperatorOnly();
        return new Jobs(runner.names());
    }

    /**
     * {@code asOf} defaults to today. Answers 200 with the date's run: done now ({@code firstRun}
     * true; a failed or crashed earlier run is resumed), or already done earlier (false). 202 with
     * status {@code RUNNING} when another caller is running it right now. A date after today is
     * refused (422) unless the service runs with {@value #FUTURE_DATES_ALLOWED}.
     */
    @POST
    @Path("/{job}")
    @APIResponse(responseCode = "200", description = "The date's run: done now (firstRun true) or earlier (false)")
    @APIResponse(responseCode = "202", description = "Another caller is running this date now (status RUNNING)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobRun.class)))
    @APIResponse(responseCode = "400", description = "asOf is not a date")
    @APIResponse(responseCode = "403", description = "Not a platform operator, or a token bound to a tenant")
    @APIResponse(responseCode = "404", description = "No job of that name")
    @APIResponse(responseCode = "422", description = "asOf is after today and this service does not run jobs ahead")
    public Uni<RestResponse<JobRun>> run(@RestPath String job, @RestQuery String asOf) {
        platformOperatorOnly();
        LocalDate date = QueryParams.dateOrToday(asOf, "asOf", businessZone);
        runner.requireJob(job);
        LocalDate today = businessZone.today();
        if (date.isAfter(today) && !futureDatesAllowed) {
            throw ProblemException.unprocessableField("asOf", "must not be after today (" + today + "): a job runs"
                    + " for a date that has come; " + FUTURE_DATES_ALLOWED + " allows later dates for demos and tests");
        }
        return runner.run(job, date).map(run -> JobRun.RUNNING.equals(run.status())
                ? RestResponse.accepted(run) : RestResponse.ok(run));
    }

    /** The dates a job has run, newest first, each as {@code job_run} keeps it ({@code firstRun} is false). */
    @GET
    @Path("/{job}/runs")
    @APIResponse(responseCode = "200", description = "One page of the job's runs, newest date first")
    @APIResponse(responseCode = "400", description = "from or to is not a date, from is after to, or page/size out of range")
    @APIResponse(responseCode = "403", description = "Not a platform operator, or a token bound to a tenant")
    @APIResponse(responseCode = "404", description = "No job of that name")
    public Uni<Page<JobRun>> runs(@RestPath String job, @RestQuery String from, @RestQuery String to,
            @RestQuery @Min(0) Integer page, @RestQuery @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        platformOperatorOnly();
        LocalDate first = QueryParams.date(from, "from");
        LocalDate last = QueryParams.date(to, "to");
        if (first != null && last != null && first.isAfter(last)) {
            throw ProblemException.invalidField("from", "must not be after to (" + last + ")");
        }
        return runner.runs(job, first, last, QueryParams.page(page), QueryParams.size(size));
    }

    /** A tenant's user, even one given platform-ops, may not run what touches every tenant's data. */
    private void platformOperatorOnly() {
        if (caller.tenantIfAny().isPresent()) {
            throw ProblemException.forbidden("Jobs are platform-wide: they need a platform operator's token"
                    + " (role platform-ops, no tenant_id claim), not one bound to a tenant.");
        }
    }
}
