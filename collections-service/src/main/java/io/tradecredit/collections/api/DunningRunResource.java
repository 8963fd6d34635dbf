package io.tradecredit.collections.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.DunningRun;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * The daily run seen before it happens: a dry run for any date and a forecast of the next days,
 * per buyer (what would be sent, done, or skipped and why). Both are the run's own loading and
 * deciding ({@link DunningRun}) without its writing: nothing is stored, nothing published.
 */
@Path("/api/v1/dunning")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class DunningRunResource {
    /** The longest forecast: a quarter, enough to plan a collector's weeks without a day-by-day run of a year. */
    static final int MAX_FORECAST_DAYS = 92;

    @Inject
    TenantContext tenant;

    @Inject
    DunningRun run;

    @Inject
    BusinessTimeZone businessZone;

    public record Forecast(LocalDate from, int days, List<RunPlanJson> items) {
    }

    @GET
    @Path("/runs/preview")
    @APIResponse(responseCode = "200", description = "What the run of asOf would do for each buyer with open invoices (one page of buyers, or the one asked for); nothing is written")
    @APIResponse(responseCode = "400", description = "A malformed query parameter, named; or the page's buyers have more step outcomes than one answer holds (code dunning.preview-too-large, naming size)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<RunPlanJson>> preview(@QueryParam("asOf") @Schema(description = "the run's date; today when left out") String asOf,
            @QueryParam("buyerId") String buyerId, @QueryParam("page") @Min(0) Integer page,
            @QueryParam("size") @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        return run.preview(tenant.id(), QueryParams.dateOrToday(asOf, "asOf", businessZone), QueryParams.uuid(buyerId, "buyerId"),
                QueryParams.page(page), QueryParams.size(size))
                .map(days -> days.stream().map(RunPlanJson::of).toList());
    }

    @GET
    @Path("/forecast")
    @APIResponse(responseCode = "200", description = "Day by day from today, what falls due for each buyer (one page of buyers, or the one asked for), assuming nothing is paid and every run happens")
    @APIResponse(responseCode = "400", description = "days missing or out of 1 to 92, or another malformed parameter, named; or more step outcomes than one answer holds (code dunning.preview-too-large, naming days and size)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Forecast> forecast(@QueryParam("days") @NotNull @Min(1) @Max(MAX_FORECAST_DAYS) Integer days,
            @QueryParam("buyerId") String buyerId, @QueryParam("page") @Min(0) Integer page,
            @QueryParam("size") @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        LocalDate from = businessZone.today();
        return run.forecast(tenant.id(), QueryParams.uuid(buyerId, "buyerId"), from, days, QueryParams.page(page),
                QueryParams.size(size)).map(all -> new Forecast(from, days, all.stream()
                        .filter(d -> !d.outcomes().isEmpty()).map(RunPlanJson::of).toList()));
    }
}
