package io.tradecredit.credit.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Idempotency;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.credit.app.CreditLimits;

/** Limit changes asked for by a user or proposed by the service; a credit manager decides. */
@Path("/api/v1/limit-requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
public class LimitRequestResource {
    @Inject
    TenantContext tenant;

    @Inject
    Idempotency idempotency;

    @Inject
    CreditLimits limits;

    public record RequestLimit(@NotNull UUID buyerId, @NotNull Money limit, @NotBlank @Size(max = 500) String reason) {
    }

    public record Decision(@Size(max = 500) String note) {
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER, Roles.FINANCE})
    @ResponseStatus(201)
    @Refuses(status = 409, when = "limit-request.already-pending: the buyer has a pending request")
    public Uni<RestResponse<LimitRequestView>> request(@Valid @NotNull RequestLimit request,
            @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(tenant.id(), "request-limit", idempotencyKey, request, LimitRequestView.class,
                () -> requestOnce(request));
    }

    private Uni<RestResponse<LimitRequestView>> requestOnce(RequestLimit request) {
        return limits.request(tenant.id(), request.buyerId(), request.limit(), request.reason(), tenant.subject())
                .map(r -> RestResponse.ResponseBuilder.<LimitRequestView>created(
                        URI.create("/api/v1/limit-requests/" + r.id)).entity(LimitRequestView.of(r)).build());
    }

    /** The requests waiting for a credit manager, oldest first. */
    @GET
    public Uni<List<LimitRequestView>> pending() {
        return limits.pending(tenant.id()).map(list -> list.stream().map(LimitRequestView::of).toList());
    }

    /**
     * One request, where its POST's {@code Location} says: PENDING, APPROVED, REJECTED, or WITHDRAWN (a proposal of the
     * service's that a later fall of the buyer's grade made out of date, {@code decidedBy} credit-service and the
     * cause in {@code decisionNote}); another tenant's or an unknown id is 404.
     */
    @GET
    @Path("/{requestId}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER, Roles.FINANCE})
    @Refuses(status = 404, when = "limit-request.not-found")
    public Uni<LimitRequestView> get(@RestPath String requestId) {
        // read as text: JAX-RS answers an unreadable UUID in the path with 404, as if nothing were there
        return limits.request(tenant.id(), QueryParams.uuid(requestId, "requestId")).map(LimitRequestView::of);
    }

    @POST
    @Path("/{requestId}/approval")
    @RolesAllowed(Roles.CREDIT_MANAGER)
    @Refuses(status = 409, when = "limit-request.already-decided: approved, rejected or withdrawn")
    @Refuses(status = 422, when = "buyer.blocked: no credit can be granted to a blocked buyer")
    public Uni<LimitRequestView> approve(@RestPath UUID requestId, @Valid Decision decision) {
        return limits.decide(tenant.id(), requestId, true, decision == null ? null : decision.note(), tenant.subject())
                .map(LimitRequestView::of);
    }

    @POST
    @Path("/{requestId}/rejection")
    @RolesAllowed(Roles.CREDIT_MANAGER)
    @Refuses(status = 409, when = "limit-request.already-decided")
    public Uni<LimitRequestView> reject(@RestPath UUID requestId, @Valid Decision decision) {
        return limits.decide(tenant.id(), requestId, false, decision == null ? null : decision.note(), tenant.subject())
                .map(LimitRequestView::of);
    }
}
