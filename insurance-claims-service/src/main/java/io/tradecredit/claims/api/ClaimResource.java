package io.tradecredit.claims.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.api.ClaimJson.OpenRequest;
import io.tradecredit.claims.api.ClaimJson.PaymentRequest;
import io.tradecredit.claims.api.ClaimJson.RecoveryRequest;
import io.tradecredit.claims.api.ClaimJson.RecoveryView;
import io.tradecredit.claims.api.ClaimJson.StateRequest;
import io.tradecredit.claims.api.ClaimJson.View;
import io.tradecredit.claims.app.Claims;
import io.tradecredit.claims.domain.Claim;
import io.tradecredit.claims.domain.ClaimState;
import io.tradecredit.claims.domain.ClaimedInvoice;
import io.tradecredit.common.api.Idempotency;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;

/**
 * Claims by hand: opened, moved through their states, paid by the insurer and credited with
 * recoveries. Credit managers and tenant admins work claims; finance also records payments and
 * recoveries; the tenant's staff read them.
 */
@Path("/api/v1/insurance/claims")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class ClaimResource {
    @Inject
    TenantContext tenant;

    @Inject
    Claims claims;

    @Inject
    Idempotency idempotency;

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @Refuses(status = 404, when = "policy.not-found: policyId names no policy of the tenant")
    @Refuses(status = 409, when = "claim.invoice-held (naming invoices[i]): another claim of the tenant already holds"
            + " the invoice, open (file or withdraw that claim rather than claim it twice) or paid by the insurer (its loss"
            + " was indemnified); a rejected or withdrawn claim holds nothing")
    public Uni<RestResponse<View>> open(@NotNull OpenRequest r,
            @RestHeader(Idempotency.HEADER) @Parameter(description = "a retry with the same key and body answers the"
                    + " claim opened first instead of opening another; the same key with another body is 422",
                    schema = @Schema(maxLength = 200)) String idempotencyKey) {
        if (r.policyId() == null) {
            // refused naming policyId and every other wrong field, not policyId alone
            Claim.open(null, null, r.buyerId(), r.buyerName(), r.cause(), invoices(r), null, tenant.subject());
        }
        return idempotency.once(tenant.id(), "open-claim", idempotencyKey, r, View.class, () -> openOnce(r));
    }

    private Uni<RestResponse<View>> openOnce(OpenRequest r) {
        return claims.open(tenant.id(), r.policyId(), r.buyerId(), r.buyerName(), r.cause(), invoices(r),
                tenant.subject()).map(c -> RestResponse.ResponseBuilder.<View>created(
                        URI.create("/api/v1/insurance/claims/" + c.id())).entity(View.of(c, null)).build());
    }

    private static List<ClaimedInvoice> invoices(OpenRequest r) {
        return r.invoices() == null ? null : r.invoices().stream().map(i -> i == null ? null : i.toInvoice()).toList();
    }

    @GET
    public Uni<Page<View>> list(@QueryParam("state") @Schema(description = "only claims in this state") ClaimState state,
            @QueryParam("page") @Min(0) Integer page, @QueryParam("size") @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        return claims.list(tenant.id(), state, p, s).map(found -> new Page<>(
                found.items().stream().map(c -> View.of(c, null)).toList(), p, s, found.total()));
    }

    @GET
    @Path("/{id}")
    public Uni<View> get(@PathParam("id") UUID id) {
        return claims.find(tenant.id(), id).map(View::of);
    }

    @PUT
    @Path("/{id}/state")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @Refuses(status = 409, when = "claim.illegal-move: the claim's state does not allow this move"
            + " (draft → submitted → under review → approved / rejected; paid follows payments, or an approval at an indemnity of 0);"
            + " claim.waiting-period: a protracted default submitted before the policy's waiting period ran from the buyer's"
            + " first overdue notification (or never notified), the detail and errors[0] naming the day it is submittable")
    public Uni<View> move(@PathParam("id") UUID id, @NotNull StateRequest r) {
        return claims.move(tenant.id(), id, r.state(), r.note(), tenant.subject())
                .chain(c -> claims.find(tenant.id(), c.id())).map(View::of);
    }

    @POST
    @Path("/{id}/payments")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER, Roles.FINANCE})
    @Refuses(status = 409, when = "claim.not-approved: only an approved claim is paid; claim.overpaid: more than the indemnity due")
    @APIResponse(responseCode = "200", description = "The claim after the payment (PAID once the indemnity is reached); a"
            + " retry with the same Idempotency-Key answers the first payment's claim, recording nothing again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    public Uni<RestResponse<View>> pay(@PathParam("id") UUID id, @NotNull PaymentRequest r,
            @RestHeader(Idempotency.HEADER) @Parameter(description = "a retry with the same key and body answers the"
                    + " payment recorded first instead of recording it again (the insurer's 36,000 entered twice would"
                    + " count 72,000 paid); the same key with another body is 422",
                    schema = @Schema(maxLength = 200)) String idempotencyKey) {
        return idempotency.once(tenant.id(), "claim-payment:" + id, idempotencyKey, r, View.class,
                () -> claims.pay(tenant.id(), id, r.amount(), r.paidOn(), tenant.subject())
                        .map(c -> RestResponse.ok(View.of(c, null))));
    }

    @POST
    @Path("/{id}/recoveries")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER, Roles.FINANCE})
    @Refuses(status = 409, when = "claim.not-indemnified: nothing was indemnified yet, the recovery is the tenant's alone;"
            + " claim.recovery-through-ledger (naming amount): the ledger still has a claimed invoice open, the buyer's"
            + " money on it is posted there and shared by the service itself, so entering it here would count it twice")
    @APIResponse(responseCode = "200", description = "The recovery's split and the claim after it; a retry with the same"
            + " Idempotency-Key answers the first recovery, sharing nothing again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecoveryView.class)))
    public Uni<RestResponse<RecoveryView>> recover(@PathParam("id") UUID id, @NotNull RecoveryRequest r,
            @RestHeader(Idempotency.HEADER) @Parameter(description = "a retry with the same key and body answers the"
                    + " recovery shared first instead of sharing it again; the same key with another body is 422",
                    schema = @Schema(maxLength = 200)) String idempotencyKey) {
        return idempotency.once(tenant.id(), "claim-recovery:" + id, idempotencyKey, r, RecoveryView.class,
                () -> claims.recover(tenant.id(), id, r.amount(), r.receivedOn(), tenant.subject())
                        .map(recovery -> RestResponse.ok(RecoveryView.of(recovery))));
    }
}
