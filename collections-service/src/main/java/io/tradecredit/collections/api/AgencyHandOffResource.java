package io.tradecredit.collections.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.AgencyPlacements;
import io.tradecredit.collections.domain.AgencyPlacement;
import io.tradecredit.collections.domain.PlacementEnd;
import io.tradecredit.collections.domain.TextLimits;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;

/**
 * A collector hands a case to a partner agency, or takes it back: under the cases' own path, so a
 * case has one address (the cases slice's {@code CaseResource} serves the rest of it).
 */
@Path("/api/v1/collections/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.TENANT_ADMIN})
public class AgencyHandOffResource {
    @Inject
    TenantContext tenant;

    @Inject
    AgencyPlacements placements;

    public record HandOff(@Schema(description = "the agency's code; the tenant must have a contract with it") String agencyCode) {
    }

    public record Recall(@Schema(description = "why, told to the agency", maxLength = TextLimits.SHORT_NOTE) String note) {
    }

    public record PlacementView(UUID caseId, UUID placementId, UUID buyerId, String agencyCode, LocalDate handedOn,
            LocalDate endedOn, PlacementEnd endReason) {
        static PlacementView of(AgencyPlacement p) {
            return new PlacementView(p.caseId(), p.id(), p.buyerId(), p.agencyCode(), p.handedOn(), p.endedOn(), p.endReason());
        }
    }

    @POST
    @Path("/hand-off")
    @APIResponse(responseCode = "200", description = "The case file as published to agency.<code>.cases; the case is WITH_AGENCY")
    @APIResponse(responseCode = "400", description = "agencyCode missing", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only collector, credit-manager and tenant-admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such case, or no contract with that agency, for this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The case is with an agency already, in legal, or closed; or the agency collects none of the currencies the buyer owes overdue in (agency.nothing-to-collect, naming agencyCode)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<io.tradecredit.collections.events.AgencyEvents.CaseFile> handOff(@PathParam("caseId") UUID caseId,
            @NotNull HandOff request) {
        if (request.agencyCode() == null || request.agencyCode().isBlank()) {
            throw DomainError.invalidField("agency-hand-off.invalid", "agencyCode", "is required: the agency's code");
        }
        return placements.handOff(tenant.id(), caseId, request.agencyCode(), tenant.subject(), null, null);
    }

    @POST
    @Path("/recall")
    @APIResponse(responseCode = "200", description = "The ended placement; the case is IN_PROGRESS and the agency is told")
    @APIResponse(responseCode = "400", description = "note longer than 500 characters, named; nothing changes", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only collector, credit-manager and tenant-admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such case for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The case is not with an agency", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<PlacementView> recall(@PathParam("caseId") UUID caseId, Recall request) {
        return placements.recall(tenant.id(), caseId, tenant.subject(), request == null ? null : request.note())
                .map(PlacementView::of);
    }
}
