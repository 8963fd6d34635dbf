package io.tradecredit.common.jobs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.tenancy.Roles;

/** Operator door to the daily jobs: run one for a given date, e.g. to catch up after downtime. */
@Path("/api/v1/admin/jobs")
@RolesAllowed(Roles.PLATFORM_OPS)
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {
    @Inject
    JobRunner runner;

    @Inject
    Clock clock;

    public record Jobs(List<String> jobs) {
    }

    @GET
    public Jobs list() {
        return new Jobs(runner.names());
    }

    /**
     * {@code asOf} defaults to today. Answers 200 with the date's run: done now ({@code firstRun}
     * true; a failed or crashed earlier run is resumed), or already done earlier (false). 202 with
     * status {@code RUNNING} when another caller is running it right now.
     */
    @POST
    @Path("/{job}")
    @APIResponse(responseCode = "200", description = "The date's run: done now (firstRun true) or earlier (false)")
    @APIResponse(responseCode = "202", description = "Another caller is running this date now (status RUNNING)")
    @APIResponse(responseCode = "400", description = "asOf is not a date")
    @APIResponse(responseCode = "404", description = "No job of that name")
    public Uni<RestResponse<JobRun>> run(@RestPath String job, @RestQuery String asOf) {
        LocalDate date = QueryParams.dateOrToday(asOf, "asOf", clock);
        return runner.run(job, date).map(run -> JobRun.RUNNING.equals(run.status())
                ? RestResponse.accepted(run) : RestResponse.ok(run));
    }
}
