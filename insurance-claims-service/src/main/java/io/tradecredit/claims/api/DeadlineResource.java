package io.tradecredit.claims.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.app.Deadlines;
import io.tradecredit.claims.domain.Deadline;
import io.tradecredit.claims.domain.DeadlineKind;
import io.tradecredit.claims.domain.DeadlineState;
import io.tradecredit.claims.domain.InsuredDeadline;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;

/**
 * The insurer's deadlines of the insured overdue invoices under a policy, as the daily deadlines job recorded
 * them (docs/insurance-claims-service.md, "Deadlines"): of the whole policy or of one buyer, soonest first.
 */
@Path("/api/v1/insurance/policies/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class DeadlineResource {
    @Inject
    TenantContext tenant;

    @Inject
    Deadlines deadlines;

    public record View(UUID id, UUID policyId, UUID buyerId, UUID invoiceId, String invoiceNumber,
            @Schema(description = "what is due: NOTIFY_OVERDUE, STOP_DELIVERIES, TRANSFER_TO_COLLECTOR, FILE_CLAIM")
            DeadlineKind kind,
            @Schema(description = "the invoice's original due date") LocalDate dueDate,
            @Schema(description = "the end of the maximum extension period (MEP), the day the deadlines count"
                    + " from: the original due date + the policy's maximumExtensionDays") LocalDate extendedTo,
            @Schema(description = "the last day to do it") LocalDate deadline,
            @Schema(description = "UPCOMING, WARNED (within the warning lead time), MET or MISSED") DeadlineState state,
            LocalDate warnedOn, LocalDate metOn,
            @Schema(description = "what met it: OVERDUE_NOTIFIED, STOP_DELIVERIES_STARTED, CLAIM_FILED,"
                    + " HANDED_TO_COLLECTOR or PAID")
            Deadline.MetBy metBy,
            LocalDate missedOn,
            @Schema(description = "true when MISSED before the deadlines job began to track the policy: told in one"
                    + " summary to the tenant (claims.deadlines-missed-before-tracking), not on its own")
            boolean beforeTracking) {
        static View of(InsuredDeadline d) {
            return new View(d.id(), d.policyId(), d.buyerId(), d.invoiceId(), d.invoiceNumber(), d.kind(), d.dueDate(),
                    d.extendedTo(), d.deadline(), d.state(), d.warnedOn(), d.metOn(), d.metBy(), d.missedOn(),
                    d.beforeTracking());
        }
    }

    @GET
    @Path("/deadlines")
    @Refuses(status = 404, when = "buyer.not-found: the buyer is known only under another tenant; policy.not-found: the id"
            + " names no policy of the tenant")
    public Uni<Page<View>> ofPolicy(@PathParam("id") UUID id,
            @QueryParam("buyerId") @Schema(description = "only this buyer's") UUID buyerId,
            @QueryParam("state") @Schema(description = "only deadlines in this state") DeadlineState state,
            @QueryParam("page") @Min(0) Integer page, @QueryParam("size") @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        return list(id, buyerId, state, page, size);
    }

    @GET
    @Path("/buyers/{buyerId}/deadlines")
    @Refuses(status = 404, when = "buyer.not-found: the buyer is known only under another tenant; policy.not-found: the id"
            + " names no policy of the tenant")
    public Uni<Page<View>> ofBuyer(@PathParam("id") UUID id, @PathParam("buyerId") UUID buyerId,
            @QueryParam("state") @Schema(description = "only deadlines in this state") DeadlineState state,
            @QueryParam("page") @Min(0) Integer page, @QueryParam("size") @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        return list(id, buyerId, state, page, size);
    }

    private Uni<Page<View>> list(UUID id, UUID buyerId, DeadlineState state, Integer page, Integer size) {
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        return deadlines.list(tenant.id(), id, buyerId, state, p, s).map(found -> new Page<>(
                found.items().stream().map(View::of).toList(), p, s, found.total()));
    }
}
