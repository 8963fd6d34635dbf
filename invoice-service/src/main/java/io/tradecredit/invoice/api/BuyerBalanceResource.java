package io.tradecredit.invoice.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.invoice.app.Reports;

/**
 * A buyer's open balance as of a date (default today), per currency with the credit it held then. The class path ends in a literal so it
 * never shadows other resources under {@code /api/v1/buyers/{buyerId}}.
 */
@Path("/api/v1/buyers/{buyerId}/balance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class BuyerBalanceResource {
    @Inject
    TenantContext tenant;

    @Inject
    Reports reports;

    @Inject
    BusinessTimeZone businessZone;

    @GET
    @APIResponse(responseCode = "200", description = "The buyer's open balance per currency, with the credit it held on the date")
    @APIResponse(responseCode = "400", description = "asOf is not a date", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "A buyer this tenant never invoiced and credit-service never registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<BalanceView> balance(@RestPath UUID buyerId, @RestQuery String asOf) {
        LocalDate date = QueryParams.dateOrToday(asOf, "asOf", businessZone);
        return reports.buyerBalance(tenant.id(), buyerId, date).map(balance -> BalanceView.of(buyerId, date, balance));
    }
}
