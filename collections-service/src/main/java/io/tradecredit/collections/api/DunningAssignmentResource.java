package io.tradecredit.collections.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.DunningAssignments;
import io.tradecredit.collections.domain.SegmentRule;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.common.time.BusinessTimeZone;

/** Which ladder each buyer gets (buyer, else first matching segment, else the tenant default), versioned. */
@Path("/api/v1/dunning")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class DunningAssignmentResource {
    @Inject
    TenantContext tenant;

    @Inject
    DunningAssignments assignments;

    @Inject
    BusinessTimeZone businessZone;

    @GET
    @Path("/assignments")
    @APIResponse(responseCode = "200", description = "The version asked for, else the one in force on asOf (version 0: the platform's)")
    @APIResponse(responseCode = "404", description = "No such version", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<AssignmentJson.View> get(@QueryParam("version") @Min(1) Integer version, @QueryParam("asOf") String asOf) {
        if (version != null) {
            return assignments.version(tenant.id(), version).map(AssignmentJson.View::of);
        }
        return assignments.inForce(tenant.id(), QueryParams.dateOrToday(asOf, "asOf", businessZone))
                .map(v -> v.map(AssignmentJson.View::of).orElse(AssignmentJson.View.PLATFORM));
    }

    @PUT
    @Path("/assignments")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "200", description = "The new version as saved, with its number")
    @APIResponse(responseCode = "400", description = "Every wrong field named by its JSON path (segmentRules[1].maxGrade), ladders the tenant has not set included; nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only tenant-admin and credit-manager change assignments",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<AssignmentJson.View> put(@NotNull AssignmentJson.Request request) {
        List<Violation> wrong = new ArrayList<>();
        List<SegmentRule> rules = request.rules(wrong);
        var buyers = request.buyers(wrong);
        return assignments.save(tenant.id(), request.effectiveFrom(), request.defaultLadderKey(), rules, buyers,
                request.namedLadders(), wrong, tenant.subject()).map(AssignmentJson.View::of);
    }

    @GET
    @Path("/buyers/{buyerId}/ladder")
    @APIResponse(responseCode = "200", description = "The ladder and its version in force for the buyer on asOf, and why (source):"
            + " its grade from credit-events, its overdue balances from its open invoices on asOf, whether it is insured on asOf"
            + " from the insurer's limit decisions (claim-events)")
    @APIResponse(responseCode = "400", description = "A malformed query parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "A buyer collections-service's read model has never seen (no credit or invoice event named it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The chosen ladder has no version in force on asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<AssignmentJson.BuyerLadderView> buyerLadder(@PathParam("buyerId") UUID buyerId,
            @QueryParam("asOf") String asOf,
            @Parameter(description = "what if the tenant's credit insurance did (true) or did not (false) cover the buyer;"
                    + " left out: as the insurer's decisions from insurance-claims-service say on asOf") @QueryParam("insured") Boolean insured) {
        return assignments.ladderOf(tenant.id(), buyerId, insured,
                QueryParams.dateOrToday(asOf, "asOf", businessZone)).map(AssignmentJson.BuyerLadderView::of);
    }
}
