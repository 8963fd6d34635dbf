package io.tradecredit.common.api;

import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.tradecredit.common.tenancy.TenantContext;

/**
 * Tells integrators how the service sees their token: tenant, roles, agency. The first call to
 * make when wiring a client, and the quickest way to debug a 403.
 */
@Path("/api/v1/me")
@Authenticated
public class MeResource {
    @Inject
    TenantContext caller;

    public record Caller(String subject, String tenantId, Set<String> roles, String agencyCode) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Caller me() {
        return new Caller(caller.subject(), caller.tenantIfAny().orElse(null), new TreeSet<>(caller.roles()),
                caller.agencyCode().orElse(null));
    }
}
