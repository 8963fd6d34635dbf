package io.tradecredit.collections.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.DunningLadders;
import io.tradecredit.collections.domain.DunningStep;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.common.time.BusinessTimeZone;

/** A tenant's dunning ladders by key, versioned; {@code default} answers with the platform's ladder until the tenant sets its own. */
@Path("/api/v1/dunning/ladders/{key}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class DunningLadderResource {
    @Inject
    TenantContext tenant;

    @Inject
    DunningLadders ladders;

    @Inject
    BusinessTimeZone businessZone;

    @GET
    @APIResponse(responseCode = "200", description = "The version asked for, else the one in force on asOf (today when left out)")
    @APIResponse(responseCode = "404", description = "No ladder with this key, or no such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The ladder's first version is not in force yet on asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<LadderJson.View> get(@PathParam("key") String key, @QueryParam("version") @Min(0) Integer version,
            @QueryParam("asOf") String asOf) {
        Uni<io.tradecredit.collections.domain.LadderVersion> found = version != null
                ? ladders.version(tenant.id(), key, version)
                : ladders.inForce(tenant.id(), key, QueryParams.dateOrToday(asOf, "asOf", businessZone));
        return found.map(LadderJson.View::of);
    }

    @PUT
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "200", description = "The new version as saved, with its number")
    @APIResponse(responseCode = "400", description = "Every wrong field named by its JSON path (steps[2].offsetDays), an unreadable value (an unknown kind) with the others; nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only tenant-admin and credit-manager change ladders",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<LadderJson.View> put(@PathParam("key") String key, @NotNull LadderJson.Request request) {
        List<Violation> wrong = new ArrayList<>();
        List<DunningStep> steps = request.toSteps(wrong);
        return ladders.save(tenant.id(), key, request.effectiveFrom(), steps, wrong, tenant.subject())
                .map(LadderJson.View::of);
    }
}
