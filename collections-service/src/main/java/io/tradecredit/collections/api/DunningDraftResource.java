package io.tradecredit.collections.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
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

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.DunningDrafts;
import io.tradecredit.collections.app.DunningDrafts.DraftInfo;
import io.tradecredit.collections.domain.TextLimits;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;

/** Approval mode: the messages the run drafted, approved (sent with the run's request id) or discarded by a collector. */
@Path("/api/v1/dunning/drafts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.TENANT_ADMIN})
public class DunningDraftResource {
    @Inject
    TenantContext tenant;

    @Inject
    DunningDrafts drafts;

    public record Discard(@Schema(maxLength = TextLimits.SHORT_NOTE) String reason) {
    }

    @GET
    @APIResponse(responseCode = "200", description = "The tenant's drafts, newest run first, one page")
    @APIResponse(responseCode = "400", description = "A malformed query parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only collector, credit-manager and tenant-admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Page<DraftInfo>> list(@QueryParam("state") @Pattern(regexp = "PENDING|APPROVED|DISCARDED") String state,
            @QueryParam("page") @Min(0) Integer page, @QueryParam("size") @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        return drafts.list(tenant.id(), state, QueryParams.page(page), QueryParams.size(size));
    }

    @POST
    @Path("/{id}/approve")
    @APIResponse(responseCode = "200", description = "APPROVED: the request is sent with the run's id, listing the invoices still to be dunned now (not paid, disputed, settled by the buyer's agency, under an agreed plan or on hold since the run, nor left under the step's minimum amount or the buyer under the tenant's tolerance by a payment since; a plan's instalment judged by what it owes today, dropped when paid off or its plan ended, its openAmount today's); DISCARDED (with the reason, e.g. 'nothing left to ask for since the run: INV-1 settled by agency ag-east') when none is, and 'buyer in insolvency proceedings' when the buyer entered them since the run (nothing sent; either discard logged as draft-discarded in the buyer's open case)")
    @APIResponse(responseCode = "404", description = "No such draft for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Approved or discarded already", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<DraftInfo> approve(@PathParam("id") UUID id) {
        return drafts.approve(tenant.id(), id, tenant.subject());
    }

    @POST
    @Path("/{id}/discard")
    @APIResponse(responseCode = "200", description = "DISCARDED: the message is never sent")
    @APIResponse(responseCode = "400", description = "reason longer than 500 characters, named; nothing changes", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such draft for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Approved or discarded already", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<DraftInfo> discard(@PathParam("id") UUID id, Discard body) {
        return drafts.discard(tenant.id(), id, body == null ? null : body.reason(), tenant.subject());
    }
}
