package io.tradecredit.invoice.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.invoice.app.Policies;

/** Late-charge terms agreed with one buyer (e.g. a key customer), overriding the tenant's. */
@Path("/api/v1/buyers/{buyerId}/late-charge-policy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class BuyerLateChargePolicyResource {
    @Inject
    TenantContext tenant;

    @Inject
    Policies policies;

    public record View(UUID buyerId, LateChargeTermsJson.Applied lateCharges) {
    }

    /** The terms that apply to the buyer: its own (source BUYER) or the tenant's (source TENANT). */
    @GET
    @APIResponse(responseCode = "200", description = "The terms that apply and where they come from")
    @APIResponse(responseCode = "404", description = "A buyer this tenant never invoiced and credit-service never registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<View> get(@RestPath UUID buyerId) {
        return policies.buyerTerms(tenant.id(), buyerId).map(t -> new View(buyerId, LateChargeTermsJson.Applied.of(t)));
    }

    @PUT
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "200", description = "The buyer's own terms, now in force")
    @APIResponse(responseCode = "400", description = "Every missing or out-of-range term named",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "A buyer this tenant never invoiced and credit-service never"
            + " registered; nothing is stored", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<View> put(@RestPath UUID buyerId, @Valid @NotNull LateChargeTermsJson.Request request) {
        return policies.saveBuyerTerms(tenant.id(), buyerId, request.toPolicy(), tenant.subject())
                .map(t -> new View(buyerId, LateChargeTermsJson.Applied.of(t)));
    }

    /** The buyer goes back to the tenant's terms. */
    @DELETE
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @ResponseStatus(204)
    public Uni<RestResponse<Void>> delete(@RestPath UUID buyerId) {
        return policies.deleteBuyerTerms(tenant.id(), buyerId).replaceWith(RestResponse.noContent());
    }
}
