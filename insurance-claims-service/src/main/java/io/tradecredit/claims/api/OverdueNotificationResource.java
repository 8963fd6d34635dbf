package io.tradecredit.claims.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.app.OverdueNotifications;
import io.tradecredit.claims.domain.OverdueNotification;
import io.tradecredit.common.api.Idempotency;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;

/**
 * The tenant notifies the insurer of an insured buyer's overdue account under a policy; this starts the
 * stop-deliveries period (new deliveries to the buyer are not insured).
 */
@Path("/api/v1/insurance/policies/{id}/buyers/{buyerId}/overdue-notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class OverdueNotificationResource {
    @Inject
    TenantContext tenant;

    @Inject
    OverdueNotifications notifications;

    @Inject
    Idempotency idempotency;

    public record NotifyRequest(@Schema(description = "what the tenant told the insurer, e.g. its reference")
            @Size(max = 2000) String note) {
    }

    public record View(UUID id, UUID policyId, UUID buyerId, LocalDate notifiedOn,
            @Schema(description = "new deliveries to the buyer from this day on are not insured") LocalDate stopDeliveriesFrom,
            @Schema(description = "the insured overdue invoices, oldest first") List<OverdueNotification.Invoice> invoices,
            Money insuredOverdue, String note, OffsetDateTime notifiedAt, String notifiedBy) {
        static View of(OverdueNotification n) {
            return new View(n.id(), n.policyId(), n.buyerId(), n.notifiedOn(), n.stopDeliveriesFrom(), n.invoices(),
                    n.insuredOverdue(), n.note(), n.at(), n.by());
        }
    }

    record Keyed(UUID policyId, UUID buyerId, String note) {
    }

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @Refuses(status = 404, when = "policy.not-found: the id names no policy of the tenant; buyer.not-found: the buyer is"
            + " known only under another tenant")
    @Refuses(status = 409, when = "overdue.policy-not-in-force: the policy's first terms start after today")
    @Refuses(status = 422, when = "overdue.no-insured-overdue: no insured invoice of the buyer is overdue today")
    public Uni<RestResponse<View>> notify(@PathParam("id") UUID id, @PathParam("buyerId") UUID buyerId, @Valid NotifyRequest r,
            @RestHeader(Idempotency.HEADER) @Parameter(description = "a retry with the same key and body answers the"
                    + " notification recorded first; the same key with another body is 422",
                    schema = @Schema(maxLength = 200)) String idempotencyKey) {
        NotifyRequest body = r == null ? new NotifyRequest(null) : r;
        // the key is the tenant's: the same key for another policy or buyer is another request (422)
        return idempotency.once(tenant.id(), "notify-overdue", idempotencyKey, new Keyed(id, buyerId, body.note()),
                View.class,
                () -> notifications.notify(tenant.id(), id, buyerId, body.note(), tenant.subject())
                        .map(n -> RestResponse.ResponseBuilder.<View>created(URI.create("/api/v1/insurance/policies/" + id
                                + "/buyers/" + buyerId + "/overdue-notifications/" + n.id())).entity(View.of(n)).build()));
    }

    @GET
    @Refuses(status = 404, when = "policy.not-found: the id names no policy of the tenant; buyer.not-found: the buyer is"
            + " known only under another tenant")
    public Uni<List<View>> list(@PathParam("id") UUID id, @PathParam("buyerId") UUID buyerId) {
        return notifications.ofBuyer(tenant.id(), id, buyerId).map(all -> all.stream().map(View::of).toList());
    }
}
