package io.tradecredit.collections.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import io.tradecredit.collections.api.CaseJson.Case;
import io.tradecredit.collections.api.CaseJson.TaskJson;
import io.tradecredit.collections.app.Tasks;
import io.tradecredit.collections.app.Worklist;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;

/** The collectors' worklist, highest priority first, and the ladder's tasks on it. */
@Path("/api/v1/collections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class WorklistResource {
    @Inject
    TenantContext tenant;

    @Inject
    Worklist worklist;

    @Inject
    Tasks tasks;

    public record Entry(UUID buyerId, @Schema(description = "null: the buyer has only tasks, no case") Case caseFile,
            long points, @Schema(description = "what the buyer owes overdue, per currency, on the buyer's own"
                    + " entry only (empty on a settled case's entry beside its case open or its first settlement waiting);"
                    + " what an agency's settlement left is not counted") List<Money> overdue, int daysPastDue, Integer grade, int brokenPromises,
            List<TaskJson> openTasks,
            @Schema(description = "a write-off of the case's debt proposed and not confirmed yet: confirm it with POST"
                    + " /api/v1/collections/cases/{caseFile.id}/abandonment/confirm; null: none. A case an agency settled"
                    + " (CLOSED, SETTLED) is listed for it until confirmed, an action due from the day it closed; a buyer"
                    + " with no case open has its open tasks on that entry (the first closed of two), else on its open"
                    + " case's: each task listed once")
            WriteOffJson writeOffToConfirm) {
        static Entry of(Worklist.Entry e) {
            return new Entry(e.buyerId(), e.caseView() == null ? null : Case.of(e.caseView()), e.points(), e.overdue(),
                    e.daysPastDue(), e.grade(), e.brokenPromises(), e.openTasks().stream().map(TaskJson::of).toList(),
                    e.writeOffToConfirm() == null ? null : new WriteOffJson(e.writeOffToConfirm().proposedBy(),
                            e.writeOffToConfirm().proposedOn(), e.writeOffToConfirm().reason()));
        }
    }

    /** A proposed write-off waiting for a collector's confirmation. */
    public record WriteOffJson(@Schema(description = "agency:<code> for an agency's settlement, else the collector or"
            + " abandonment-review") String proposedBy, LocalDate proposedOn,
            @Schema(description = "'settled by agency <code> on <date>; 2000.00 CNY left'; null: the tenant's cost rule")
            String reason) {
    }

    @GET
    @Path("/worklist")
    @APIResponse(responseCode = "200", description = "Buyers with an open case or an open task, and cases an agency settled whose write-off waits for a collector's confirmation (writeOffToConfirm), by the tenant's worklist priority, one page; a case waiting on a promise, a plan or an agency gets no points for its open tasks, which stay listed")
    @APIResponse(responseCode = "400", description = "A malformed query parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Page<Entry>> worklist(@QueryParam("owner") @Schema(description = "only this collector's cases") String owner,
            @QueryParam("page") @Min(0) Integer page, @QueryParam("size") @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        return worklist.page(tenant.id(), owner, QueryParams.page(page), QueryParams.size(size))
                .map(p -> new Page<>(p.items().stream().map(Entry::of).toList(), p.page(), p.size(), p.total()));
    }

    @POST
    @Path("/tasks/{id}/done")
    @RolesAllowed({Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.TENANT_ADMIN})
    @APIResponse(responseCode = "200", description = "The task, done today: it leaves the worklist")
    @APIResponse(responseCode = "403", description = "Only collector, credit-manager and tenant-admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such task for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Done already", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<TaskJson> done(@PathParam("id") UUID id) {
        return tasks.done(tenant.id(), id, tenant.subject()).map(TaskJson::of);
    }
}
