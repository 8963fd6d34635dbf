package io.tradecredit.common.tenancy;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.errors.Problem;

/**
 * Refuses a request to a tenant-scoped API ({@code /api/...}) whose token has no tenant, before
 * any resource runs. Operator endpoints ({@code /api/v1/admin/...}) are platform-wide and exempt.
 * Anonymous requests pass through so the security layer answers them with 401.
 */
public class TenantRequiredFilter {
    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Response> requireTenant(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") || path.startsWith("/api/v1/admin/") || path.equals("/api/v1/me")) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous() || TenantContext.tenantOf(identity).isPresent()) {
                return null;
            }
            return Problem.of(Response.Status.FORBIDDEN,
                    "The access token carries no tenant_id claim; tenant-scoped endpoints need one.")
                    .toResponse();
        });
    }
}
