package io.tradecredit.invoice.api;

import java.time.LocalDate;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.invoice.app.LateChargeAccounts;
import io.tradecredit.invoice.domain.LateChargeWaiver;

/** An invoice's late charges as of a date, and their waivers (audited). */
@Path("/api/v1/invoices/{id}/late-charges")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class LateChargeResource {
    @Inject
    TenantContext tenant;

    @Inject
    LateChargeAccounts accounts;

    @Inject
    BusinessTimeZone businessZone;

    public record Waive(@NotNull LateChargeWaiver.Scope scope, @NotBlank @Size(max = 500) String reason) {
    }

    @GET
    public Uni<LateChargesView> get(@RestPath UUID id, @RestQuery String asOf) {
        LocalDate date = QueryParams.dateOrToday(asOf, "asOf", businessZone);
        return accounts.asOf(tenant.id(), id, date).map(LateChargesView::of);
    }

    /** Waives what has accrued by today in the scope and is not yet waived; 422 if that is nothing. */
    @POST
    @Path("/waivers")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER, Roles.FINANCE})
    @ResponseStatus(201)
    @Refuses(status = 422, when = "late-charge.nothing-to-waive: no late charges are left to waive")
    public Uni<RestResponse<WaiverView>> waive(@RestPath UUID id, @Valid @NotNull Waive request) {
        return accounts.waive(tenant.id(), id, request.scope(), request.reason().strip(), tenant.subject())
                .map(w -> RestResponse.status(RestResponse.Status.CREATED, WaiverView.of(w)));
    }

    /** Every waiver of the invoice, oldest first (a handful at most, so not paged). */
    @GET
    @Path("/waivers")
    public Uni<List<WaiverView>> waivers(@RestPath UUID id) {
        return accounts.waivers(tenant.id(), id).map(ws -> ws.stream().map(WaiverView::of).toList());
    }
}
