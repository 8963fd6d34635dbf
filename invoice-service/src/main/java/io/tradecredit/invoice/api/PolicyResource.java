package io.tradecredit.invoice.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.invoice.app.Policies;
import io.tradecredit.invoice.domain.InvoicingPolicy;

/** The tenant's invoicing policy: issue deadline, late-charge terms, DSO period. */
@Path("/api/v1/policies/invoicing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class PolicyResource {
    @Inject
    TenantContext tenant;

    @Inject
    Policies policies;

    public record Request(@NotNull @Min(0) @Max(8760) Integer issueDeadlineHours,
            @NotNull @Valid LateChargeTermsJson.Request lateCharges, @NotNull @Min(1) @Max(366) Integer dsoPeriodDays) {

        InvoicingPolicy toPolicy() {
            return new InvoicingPolicy(issueDeadlineHours, lateCharges.toPolicy(), dsoPeriodDays);
        }
    }

    public record View(int issueDeadlineHours, LateChargeTermsJson.View lateCharges, int dsoPeriodDays) {
        static View of(InvoicingPolicy p) {
            return new View(p.issueDeadlineHours(), LateChargeTermsJson.View.of(p.lateCharges()), p.dsoPeriodDays());
        }
    }

    @GET
    public Uni<View> get() {
        return policies.tenantPolicy(tenant.id()).map(View::of);
    }

    @PUT
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<View> put(@Valid @NotNull Request request) {
        return policies.saveTenantPolicy(tenant.id(), request.toPolicy(), tenant.subject()).map(View::of);
    }
}
