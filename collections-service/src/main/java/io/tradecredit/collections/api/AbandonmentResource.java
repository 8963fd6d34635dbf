package io.tradecredit.collections.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.Abandonments;
import io.tradecredit.collections.events.CollectorEvents.Judged;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;

/**
 * Abandoning a case's small debt (docs/domain.md §3): proposed by one collector when the tenant's
 * costs say collecting costs more than the debt, confirmed by another.
 */
@Path("/api/v1/collections/cases/{id}/abandonment")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.TENANT_ADMIN})
public class AbandonmentResource {
    @Inject
    TenantContext tenant;

    @Inject
    Abandonments abandonments;

    public record Answer(UUID caseId, List<Judged> amounts, String proposedBy, String confirmedBy) {
        static Answer of(Abandonments.Judgement j) {
            return new Answer(j.caseId(), j.amounts(), j.proposedBy(), j.confirmedBy());
        }
    }

    @POST
    @APIResponse(responseCode = "201", description = "Proposed: each currency owed with its expected cost of collection (more than the debt)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Answer.class)))
    @APIResponse(responseCode = "403", description = "Only collector, credit-manager and tenant-admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such case for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Proposed already, or the case is closed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Worth collecting (each such currency named as overdue.<currency>) or nothing overdue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<RestResponse<Answer>> propose(@PathParam("id") UUID id) {
        return abandonments.propose(tenant.id(), id, tenant.subject())
                .map(j -> RestResponse.status(RestResponse.Status.CREATED, Answer.of(j)));
    }

    @POST
    @Path("/confirm")
    @APIResponse(responseCode = "200", description = "Confirmed: the case closed as ABANDONED and abandonment-confirmed (the write-off request of the buyer's overdue invoices, without those an agency's settlement ended) published;"
            + " for what an agency's settlement left (the proposal's reason), the case stays closed as SETTLED and the request names the settlement's invoices")
    @APIResponse(responseCode = "403", description = "Only collector, credit-manager and tenant-admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such case for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Not proposed, proposed by the caller (another collector confirms), the case is closed, or (a settlement's) confirmed already", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No longer worth abandoning as the debt now stands, or (a settlement's) nothing left owed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Answer> confirm(@PathParam("id") UUID id) {
        return abandonments.confirm(tenant.id(), id, tenant.subject()).map(Answer::of);
    }
}
