package io.tradecredit.invoice.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Idempotency;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.invoice.app.Payments;

@Path("/api/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class PaymentResource {
    @Inject
    TenantContext tenant;

    @Inject
    Idempotency idempotency;

    @Inject
    Payments payments;

    public record Reverse(@NotBlank @Size(max = 500) String reason) {
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.FINANCE})
    @ResponseStatus(201)
    @Refuses(status = 404, when = "An invoice the payment is allocated to does not exist for the tenant")
    @Refuses(status = 409, when = "An allocation exceeds what an invoice has open, or the invoice cannot take it")
    public Uni<RestResponse<PaymentView>> post(@NotNull PaymentRequest request,
            @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(tenant.id(), "post-payment", idempotencyKey, request, PaymentView.class,
                () -> postOnce(request));
    }

    private Uni<RestResponse<PaymentView>> postOnce(PaymentRequest request) {
        return payments.post(tenant.id(), request.toCommand(), tenant.subject())
                .map(d -> RestResponse.ResponseBuilder.<PaymentView>created(URI.create("/api/v1/payments/"
                        + d.payment().id)).entity(PaymentView.of(d)).build());
    }

    @GET
    @Path("/{id}")
    public Uni<PaymentView> get(@RestPath UUID id) {
        return payments.get(tenant.id(), id).map(PaymentView::of);
    }

    /** Newest first; optionally one buyer's. */
    @GET
    @APIResponse(responseCode = "200", description = "The tenant's payments, or the buyer's named, newest first, paginated")
    @APIResponse(responseCode = "400", description = "A query value that cannot be read, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "buyer.not-found: buyerId names a buyer known only under other"
            + " tenants (a buyer nobody knows yet reads as empty)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Page<PaymentView>> list(@RestQuery UUID buyerId, @RestQuery @Min(0) Integer page,
            @RestQuery @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        return payments.list(tenant.id(), buyerId, p, s).map(found -> new Page<>(
                found.items().stream().map(PaymentView::of).toList(), p, s, found.total()));
    }

    @POST
    @Path("/{id}/reversal")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.FINANCE})
    @Refuses(status = 409, when = "The payment is already reversed, or its credit was already used")
    public Uni<PaymentView> reverse(@RestPath UUID id, @Valid @NotNull Reverse request) {
        return payments.reverse(tenant.id(), id, request.reason().strip(), tenant.subject()).map(PaymentView::of);
    }
}
