package io.tradecredit.claims.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.app.Exposures;
import io.tradecredit.claims.domain.InsuredExposure;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * A buyer's open invoices under a policy, split into insured and uninsured (oldest first, each under the limit in
 * force on its issue day: domain.InsuredExposure).
 */
@Path("/api/v1/insurance/policies/{id}/buyers/{buyerId}/exposure")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class ExposureResource {
    @Inject
    TenantContext tenant;

    @Inject
    Exposures exposures;

    @Inject
    BusinessTimeZone businessZone;

    public record Line(UUID invoiceId, String invoiceNumber, LocalDate issueDate, LocalDate dueDate, Money openAmount,
            @Schema(description = "what the limit in force on its issue day leaves after the older invoices (a later"
                    + " reduction leaves it insured)") Money insured, Money uninsured,
            @Schema(description = "issued while the buyer had an insured limit and before stop-deliveries") boolean issuedUnderCover,
            @Schema(description = "issued on or after the buyer's stop-deliveries date: uninsured") boolean afterStopDeliveries) {
        static Line of(InsuredExposure.Line l) {
            return new Line(l.invoice().invoiceId(), l.invoice().invoiceNumber(), l.invoice().issueDate(),
                    l.invoice().dueDate(), l.invoice().openAmount(), l.insured(), l.uninsured(), l.issuedUnderCover(),
                    l.afterStopDeliveries());
        }
    }

    public record View(UUID policyId, UUID buyerId, LocalDate asOf,
            @Schema(description = "the insured limit in force on asOf (0 when none)") Money insuredLimit,
            @Schema(description = "the invoices' insured parts together: each invoice is insured under the limit in"
                    + " force on its issue day, so after a reduction this may exceed insuredLimit") Money insured,
            Money uninsured,
            @Schema(description = "the first overdue notification's day under the policy, when on or before asOf:"
                    + " invoices issued from then on are uninsured; absent when none") LocalDate stopDeliveriesFrom,
            @Schema(description = "open invoices, oldest first") List<Line> invoices) {
    }

    @GET
    @Refuses(status = 404, when = "buyer.not-found: the buyer is known only under another tenant; policy.not-found: the id"
            + " names no policy of the tenant")
    public Uni<View> exposure(@PathParam("id") UUID id, @PathParam("buyerId") UUID buyerId,
            @QueryParam("asOf") @Schema(description = "the day, e.g. 2026-03-01; today when absent") String asOf) {
        LocalDate day = QueryParams.dateOrToday(asOf, "asOf", businessZone);
        return exposures.asked(tenant.id(), id, buyerId, day).map(e -> new View(id, buyerId, day, e.limit(), e.insured(),
                e.uninsured(), e.stopDeliveriesFrom(), e.lines().stream().map(Line::of).toList()));
    }
}
