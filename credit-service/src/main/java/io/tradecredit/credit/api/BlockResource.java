package io.tradecredit.credit.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.credit.app.CreditLimits;

/**
 * Lifting a block on new credit: the service blocks a buyer by itself (an insolvency filing), only
 * a credit manager lifts it, with a reason. The limit stays 0 until a manager sets one.
 */
@Path("/api/v1/buyers/{id}/block/lift")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CREDIT_MANAGER)
public class BlockResource {
    @Inject
    TenantContext tenant;

    @Inject
    CreditLimits limits;

    public record LiftBlock(@NotBlank @Size(max = 500) String reason) {
    }

    /** 200 with the limit as it stands; 409 when the buyer is not blocked. */
    @POST
    @Refuses(status = 409, when = "buyer.not-blocked: the buyer is not blocked")
    public Uni<LimitView> lift(@RestPath UUID id, @Valid @NotNull LiftBlock request) {
        return limits.liftBlock(tenant.id(), id, request.reason(), tenant.subject())
                .chain(b -> limits.state(tenant.id(), id)).map(LimitView::of);
    }
}
