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
import io.tradecredit.common.errors.ProblemException;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.invoice.app.Reports;

/** A buyer's statement as of a date (default today), listing the ledger entries from {@code from}. */
@Path("/api/v1/buyers/{buyerId}/statement")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class BuyerStatementResource {
    /** Without {@code from}, the statement lists the entries of the 30 days up to its date. */
    static final int DEFAULT_DAYS = 30;

    @Inject
    TenantContext tenant;

    @Inject
    Reports reports;

    @Inject
    BusinessTimeZone businessZone;

    @GET
    @APIResponse(responseCode = "200", description = "The buyer's statement")
    @APIResponse(responseCode = "400", description = "asOf or from is not a date, or from is after asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "A buyer this tenant never invoiced and credit-service never registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<StatementView> statement(@RestPath UUID buyerId, @RestQuery String asOf, @RestQuery String from) {
        LocalDate date = QueryParams.dateOrToday(asOf, "asOf", businessZone);
        LocalDate start = QueryParams.date(from, "from");
        if (start == null) {
            start = date.minusDays(DEFAULT_DAYS - 1L);
        } else if (start.isAfter(date)) {
            throw ProblemException.invalidField("from", "must not be after asOf " + date);
        }
        return reports.statement(tenant.id(), buyerId, start, date).map(StatementView::of);
    }
}
