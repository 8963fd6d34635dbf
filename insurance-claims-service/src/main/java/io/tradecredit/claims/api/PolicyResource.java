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

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.api.PolicyJson.Request;
import io.tradecredit.claims.api.PolicyJson.SecretRequest;
import io.tradecredit.claims.api.PolicyJson.View;
import io.tradecredit.claims.app.Policies;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;

/**
 * A tenant's credit-insurance policies: created and revised (each revision a new version with its
 * effective date) by tenant admins and credit managers, read by the tenant's staff.
 */
@Path("/api/v1/insurance/policies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class PolicyResource {
    @Inject
    TenantContext tenant;

    @Inject
    Policies policies;

    @POST
    @ResponseStatus(201)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @Refuses(status = 409, when = "policy.number-taken: another policy of the tenant has this number")
    public Uni<RestResponse<View>> create(@NotNull Request r) {
        return policies.create(tenant.id(), r.toTerms(), r.effectiveFrom(), tenant.subject())
                .map(v -> RestResponse.ResponseBuilder.<View>created(URI.create("/api/v1/insurance/policies/" + v.policyId()))
                        .entity(View.of(v)).build());
    }

    @GET
    public Uni<Page<View>> list(
            @QueryParam("asOf") @Schema(description = "the day whose terms are shown, e.g. 2026-03-01; today when absent") String asOf,
            @QueryParam("page") @Min(0) @Schema(description = "0-based page") Integer page,
            @QueryParam("size") @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        return policies.list(tenant.id(), QueryParams.date(asOf, "asOf")).map(all -> new Page<>(
                all.stream().skip((long) p * s).limit(s).map(View::of).toList(), p, s, all.size()));
    }

    @GET
    @Path("/{id}")
    public Uni<View> get(@PathParam("id") UUID id,
            @QueryParam("asOf") @Schema(description = "the day whose terms are shown; today when absent") String asOf) {
        return policies.inForce(tenant.id(), id, QueryParams.date(asOf, "asOf")).map(View::of);
    }

    @GET
    @Path("/{id}/versions")
    public Uni<List<View>> versions(@PathParam("id") UUID id) {
        return policies.versions(tenant.id(), id).map(all -> all.stream().map(View::of).toList());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @Refuses(status = 409, when = "policy.number-taken: another policy of the tenant has this number")
    public Uni<View> revise(@PathParam("id") UUID id, @NotNull Request r) {
        return policies.revise(tenant.id(), id, r.toTerms(), r.effectiveFrom(), tenant.subject()).map(View::of);
    }

    @PUT
    @Path("/{id}/callback-secret")
    @ResponseStatus(204)
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Void> secret(@PathParam("id") UUID id, @NotNull SecretRequest r) {
        return policies.setCallbackSecret(tenant.id(), id, r.secret());
    }
}
