package io.tradecredit.invoice.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.invoice.app.Reports;

/** Receivables KPIs of the tenant as of a date (default today): aging and DSO, per currency. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class ReportResource {
    @Inject
    TenantContext tenant;

    @Inject
    Reports reports;

    @Inject
    Clock clock;

    /** Aging buckets of all open invoices, or of one buyer's with {@code buyerId}. */
    @GET
    @Path("/aging")
    public Uni<AgingView> aging(@RestQuery String asOf, @RestQuery String buyerId) {
        LocalDate date = QueryParams.dateOrToday(asOf, "asOf", clock);
        UUID buyer = QueryParams.uuid(buyerId, "buyerId");
        return reports.aging(tenant.id(), buyer, date).map(rows -> AgingView.of(date, buyer, rows));
    }

    @GET
    @Path("/dso")
    public Uni<DsoView> dso(@RestQuery String asOf) {
        LocalDate date = QueryParams.dateOrToday(asOf, "asOf", clock);
        return reports.dso(tenant.id(), date).map(DsoView::of);
    }
}
