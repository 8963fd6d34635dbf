package io.tradecredit.credit.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.credit.app.Policies;
import io.tradecredit.credit.domain.CreditPolicy;

/**
 * The tenant's credit policy as one document (scoring, limit formula, check rules, grade-drop
 * threshold, review interval, first-order term, a new buyer's currency and term). A policy that
 * cannot work answers 400 naming every setting at fault by its path in the document
 * ({@code scoring.gradeFloors[3]}).
 */
@Path("/api/v1/policies/credit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
public class PolicyResource {
    @Inject
    TenantContext tenant;

    @Inject
    Policies policies;

    @GET
    public Uni<CreditPolicy> get() {
        return policies.of(tenant.id());
    }

    @PUT
    public Uni<CreditPolicy> put(@NotNull CreditPolicy policy) {
        return policies.save(tenant.id(), policy, tenant.subject());
    }
}
