package io.tradecredit.collections.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.DunningHolds;
import io.tradecredit.collections.domain.Hold;
import io.tradecredit.collections.domain.RecordedHold;
import io.tradecredit.collections.domain.TextLimits;
import io.tradecredit.common.api.CheckableBody;
import io.tradecredit.common.api.Idempotency;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;

/** Pauses of dunning for a buyer or one of its invoices. */
@Path("/api/v1/dunning/holds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class HoldResource {
    @Inject
    TenantContext tenant;

    @Inject
    DunningHolds holds;

    @Inject
    Idempotency idempotency;

    public record Request(UUID buyerId, @Schema(description = "left out: the hold is on the whole buyer") UUID invoiceId,
            @Schema(description = "DISPUTE, PROMISE_TO_PAY, PAYMENT_PLAN, MANUAL or CLAIM (CLAIM: placed by claim-events)") Hold.Reason reason,
            @Schema(description = "first day held; today when left out") LocalDate from,
            @Schema(description = "last day held (inclusive)") LocalDate until, @Schema(maxLength = TextLimits.SHORT_NOTE) String note)
            implements CheckableBody {
        /** {@link DunningHolds#checked}'s findings, asked for when a value could not be read, so one answer names every wrong field. */
        @Override
        public List<Violation> violations() {
            return CheckableBody.violationsOf(() -> DunningHolds.checked(new UUID(0, 0), buyerId, invoiceId, reason,
                    from == null ? BodyRules.today() : from, until, note));
        }
    }

    public record View(UUID id, UUID buyerId, UUID invoiceId, Hold.Reason reason, LocalDate from, LocalDate until,
            LocalDate releasedOn, String note, OffsetDateTime placedAt, String placedBy, String releasedBy) {
        static View of(RecordedHold r) {
            Hold h = r.hold();
            return new View(h.id(), h.buyerId(), h.invoiceId(), h.reason(), h.from(), h.until(), h.releasedOn(), r.note(),
                    r.placedAt(), r.placedBy(), r.releasedBy());
        }
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER, Roles.COLLECTOR})
    @APIResponse(responseCode = "201", description = "The hold as placed; a retry with the same Idempotency-Key gets the same answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "Every missing or inconsistent field named at once (note longer than 500 characters with the others; a collector's hold ending after the short hold a call suggests, the tenant's call.shortHoldDays from its first day on its calendar, names until); nothing is placed",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only tenant-admin, credit-manager and collector (a collector: short holds only)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<RestResponse<View>> place(@NotNull Request r, @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        // a collector carries out a call's suggestion, a short hold; a longer one stays with the credit managers
        boolean collectorOnly = !tenant.roles().contains(Roles.TENANT_ADMIN) && !tenant.roles().contains(Roles.CREDIT_MANAGER);
        return idempotency.once(tenant.id(), "place-dunning-hold", idempotencyKey, r, View.class, () -> (collectorOnly
                ? holds.placeByCollector(tenant.id(), r.buyerId(), r.invoiceId(), r.reason(), r.from(), r.until(), r.note(),
                        tenant.subject())
                : holds.place(tenant.id(), r.buyerId(), r.invoiceId(), r.reason(), r.from(), r.until(), r.note(), tenant.subject()))
                .map(h -> RestResponse.ResponseBuilder.<View>created(URI.create("/api/v1/dunning/holds/" + h.hold().id()))
                        .entity(View.of(h)).build()));
    }

    @GET
    @APIResponse(responseCode = "200", description = "The tenant's holds, newest first, one page")
    @APIResponse(responseCode = "400", description = "A malformed query parameter, named", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Page<View>> list(@QueryParam("buyerId") String buyerId,
            @QueryParam("heldOn") @Schema(description = "only the holds that hold on this day") String heldOn,
            @QueryParam("page") @Min(0) Integer page, @QueryParam("size") @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        return holds.list(tenant.id(), QueryParams.uuid(buyerId, "buyerId"), QueryParams.date(heldOn, "heldOn"),
                QueryParams.page(page), QueryParams.size(size))
                .map(p -> new Page<>(p.items().stream().map(View::of).toList(), p.page(), p.size(), p.total()));
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "200", description = "The hold, released today: dunning resumes on today's run")
    @APIResponse(responseCode = "404", description = "No such hold for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Released already", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<View> release(@PathParam("id") UUID id) {
        return holds.release(tenant.id(), id, tenant.subject()).map(View::of);
    }
}
