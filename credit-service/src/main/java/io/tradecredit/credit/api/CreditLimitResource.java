package io.tradecredit.credit.api;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.credit.app.CreditLimits;

/** A buyer's limit and terms: a credit manager sets them; everyone with access reads them. */
@Path("/api/v1/buyers/{id}/credit-limit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class CreditLimitResource {
    @Inject
    TenantContext tenant;

    @Inject
    CreditLimits limits;

    public record SetLimit(@NotNull Money limit, @Min(0) @Max(365) Integer paymentTermDays,
            @NotBlank @Size(max = 500) String reason) {
    }

    @GET
    public Uni<LimitView> get(@RestPath UUID id) {
        return limits.state(tenant.id(), id).map(LimitView::of);
    }

    /** Applies at once (a credit manager's decision) and starts a new review interval. */
    @PUT
    @RolesAllowed(Roles.CREDIT_MANAGER)
    @Refuses(status = 422, when = "buyer.blocked: no credit can be granted to a blocked buyer")
    public Uni<LimitView> set(@RestPath UUID id, @Valid @NotNull SetLimit request) {
        return limits.set(tenant.id(), id, request.limit(), request.paymentTermDays(), request.reason(), tenant.subject())
                .chain(b -> limits.state(tenant.id(), id)).map(LimitView::of);
    }
}
