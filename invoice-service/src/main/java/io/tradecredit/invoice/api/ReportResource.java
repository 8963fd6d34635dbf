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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.invoice.app.Reports;

/** Receivables KPIs of the tenant as of a date (default today): aging, DSO, collection and bad-debt rates, per currency. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class ReportResource {
    @Inject
    TenantContext tenant;

    @Inject
    Reports reports;

    @Inject
    BusinessTimeZone businessZone;

    /** Aging buckets of all open invoices, or of one buyer's with {@code buyerId}. */
    @GET
    @Path("/aging")
    @APIResponse(responseCode = "200", description = "aging buckets per currency, of the tenant or of the buyer named")
    @APIResponse(responseCode = "400", description = "asOf is not a date or buyerId not an id, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "buyer.not-found: buyerId names a buyer known only under other"
            + " tenants (a buyer nobody knows yet reads as empty)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<AgingView> aging(@RestQuery String asOf,
            @Parameter(description = "only this buyer's open invoices") @RestQuery String buyerId) {
        LocalDate date = QueryParams.dateOrToday(asOf, "asOf", businessZone);
        UUID buyer = QueryParams.uuid(buyerId, "buyerId");
        return reports.aging(tenant.id(), buyer, date).map(rows -> AgingView.of(date, buyer, rows));
    }

    /** DSO of all the tenant's receivables, or of one buyer's with {@code buyerId}. */
    @GET
    @Path("/dso")
    @APIResponse(responseCode = "200", description = "DSO per currency, of the tenant or of the buyer named")
    @APIResponse(responseCode = "400", description = "asOf is not a date or buyerId not an id, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "buyer.not-found: buyerId names a buyer known only under other"
            + " tenants (a buyer nobody knows yet reads as empty)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<DsoView> dso(@RestQuery String asOf,
            @Parameter(description = "only this buyer's receivables and credit sales") @RestQuery String buyerId) {
        LocalDate date = QueryParams.dateOrToday(asOf, "asOf", businessZone);
        UUID buyer = QueryParams.uuid(buyerId, "buyerId");
        return reports.dso(tenant.id(), buyer, date).map(DsoView::of);
    }

    /** Collection and bad-debt rates over the DSO period, of the tenant's receivables or of one buyer's. */
    @GET
    @Path("/collection")
    @APIResponse(responseCode = "200", description = "collection and bad-debt rates per currency, of the tenant or of the buyer named")
    @APIResponse(responseCode = "400", description = "asOf is not a date or buyerId not an id, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "buyer.not-found: buyerId names a buyer known only under other"
            + " tenants (a buyer nobody knows yet reads as empty)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<CollectionView> collection(@RestQuery String asOf,
            @Parameter(description = "only this buyer's receivables, sales, payments and write-offs") @RestQuery String buyerId) {
        LocalDate date = QueryParams.dateOrToday(asOf, "asOf", businessZone);
        UUID buyer = QueryParams.uuid(buyerId, "buyerId");
        return reports.collection(tenant.id(), buyer, date).map(CollectionView::of);
    }
}
