package io.tradecredit.claims.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.api.LimitJson.DecisionBody;
import io.tradecredit.claims.api.LimitJson.DecisionView;
import io.tradecredit.claims.api.LimitJson.LimitView;
import io.tradecredit.claims.api.LimitJson.RequestBody;
import io.tradecredit.claims.api.LimitJson.RequestView;
import io.tradecredit.claims.app.InsuredLimits;
import io.tradecredit.claims.domain.LimitDecision;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * Insured limits per buyer under one policy: the tenant's requests to the insurer, the insurer's
 * decisions as the tenant enters them, their history and the limit in force on a day.
 */
@Path("/api/v1/insurance/policies/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class InsuredLimitResource {
    @Inject
    TenantContext tenant;

    @Inject
    InsuredLimits limits;

    @Inject
    BusinessTimeZone businessZone;

    @POST
    @Path("/limit-requests")
    @ResponseStatus(201)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    public Uni<RestResponse<RequestView>> request(@PathParam("id") UUID id, @NotNull RequestBody r) {
        return limits.request(tenant.id(), id, r.buyerId(), r.kind(), r.amount(), r.note(), tenant.subject())
                .map(saved -> RestResponse.ResponseBuilder.<RequestView>created(
                        URI.create("/api/v1/insurance/policies/" + id + "/limit-requests")).entity(RequestView.of(saved)).build());
    }

    @GET
    @Path("/limit-requests")
    @Refuses(status = 404, when = "buyer.not-found: the buyer is known only under another tenant; policy.not-found: the id"
            + " names no policy of the tenant")
    public Uni<List<RequestView>> requests(@PathParam("id") UUID id,
            @QueryParam("buyerId") @Schema(description = "only this buyer's requests") String buyerId) {
        return limits.requests(tenant.id(), id, QueryParams.uuid(buyerId, "buyerId"))
                .map(all -> all.stream().map(RequestView::of).toList());
    }

    @POST
    @Path("/limit-decisions")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "201", description = "The decision, recorded and published (insured-limit-changed)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "200", description = "A decision with this decisionId was recorded before: nothing changed, the first is answered")
    @APIResponse(responseCode = "409", description = "limit-decision.id-taken: another decision (naming the fields that differ) was"
            + " recorded under this decisionId; nothing changed")
    public Uni<RestResponse<DecisionView>> decide(@PathParam("id") UUID id, @NotNull DecisionBody r) {
        return limits.decide(tenant.id(), id, r.toInput(), LimitDecision.Source.TENANT, tenant.subject())
                .map(recorded -> RestResponse.status(recorded.repeat() ? RestResponse.Status.OK : RestResponse.Status.CREATED,
                        DecisionView.of(recorded.decision())));
    }

    @GET
    @Path("/buyers/{buyerId}/limit-decisions")
    @Refuses(status = 404, when = "buyer.not-found: the buyer is known only under another tenant; policy.not-found: the id"
            + " names no policy of the tenant")
    public Uni<List<DecisionView>> history(@PathParam("id") UUID id, @PathParam("buyerId") UUID buyerId) {
        return limits.history(tenant.id(), id, buyerId).map(all -> all.stream().map(DecisionView::of).toList());
    }

    @GET
    @Path("/buyers/{buyerId}/insured-limit")
    @Refuses(status = 404, when = "buyer.not-found: the buyer is known only under another tenant; policy.not-found: the id"
            + " names no policy of the tenant")
    public Uni<LimitView> insuredLimit(@PathParam("id") UUID id, @PathParam("buyerId") UUID buyerId,
            @QueryParam("asOf") @Schema(description = "the day, e.g. 2026-03-01; today when absent") String asOf) {
        LocalDate day = QueryParams.dateOrToday(asOf, "asOf", businessZone);
        return limits.on(tenant.id(), id, buyerId, day).map(l -> LimitView.of(id, buyerId, day, l));
    }
}
