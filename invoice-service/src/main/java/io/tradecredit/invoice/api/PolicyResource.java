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

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.invoice.app.Policies;
import io.tradecredit.invoice.domain.InvoicingPolicy;
import io.tradecredit.invoice.domain.InvoicingPolicy.BeyondAgreedTerms;
import io.tradecredit.invoice.domain.InvoicingPolicy.UnknownBuyers;

/** The tenant's invoicing policy: issue deadline, late-charge terms, DSO period, issue-date tolerance, unknown buyers. */
@Path("/api/v1/policies/invoicing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class PolicyResource {
    @Inject
    TenantContext tenant;

    @Inject
    Policies policies;

    /** The whole policy; the settings added later may be left out and then take their defaults. */
    public record Request(@NotNull @Min(0) @Max(8760) Integer issueDeadlineHours,
            @NotNull @Valid LateChargeTermsJson.Request lateCharges, @NotNull @Min(1) @Max(366) Integer dsoPeriodDays,
            @Schema(description = "days after today an issue date may lie; default 1")
            @Min(0) @Max(366) Integer issueDateToleranceDays,
            @Schema(description = "invoices to buyers credit-service has not registered: ACCEPT (default) or REFUSE")
            UnknownBuyers unknownBuyers,
            @Schema(description = "fewest days between two statements of an overdue invoice's grown late charges on"
                    + " invoice-events; default 7")
            @Min(1) @Max(366) Integer lateChargeStatementDays,
            @Schema(description = "whether issuing an invoice asks the buyer to confirm its receipt (an email through"
                    + " notification-service); default true")
            Boolean askForReceipt,
            @Schema(description = "an invoice due later than the terms credit-service agreed with the buyer (a new"
                    + " buyer's first invoice: its first-order term): FLAG (default; beyondAgreedTerms on the invoice)"
                    + " or REFUSE (422 naming dueDate)")
            BeyondAgreedTerms beyondAgreedTerms) {

        InvoicingPolicy toPolicy() {
            return new InvoicingPolicy(issueDeadlineHours, lateCharges.toPolicy(), dsoPeriodDays,
                    issueDateToleranceDays == null ? InvoicingPolicy.DEFAULT.issueDateToleranceDays()
                            : issueDateToleranceDays,
                    unknownBuyers == null ? InvoicingPolicy.DEFAULT.unknownBuyers() : unknownBuyers,
                    lateChargeStatementDays == null ? InvoicingPolicy.DEFAULT.lateChargeStatementDays()
                            : lateChargeStatementDays,
                    askForReceipt == null ? InvoicingPolicy.DEFAULT.askForReceipt() : askForReceipt,
                    beyondAgreedTerms == null ? InvoicingPolicy.DEFAULT.beyondAgreedTerms() : beyondAgreedTerms);
        }
    }

    public record View(int issueDeadlineHours, LateChargeTermsJson.View lateCharges, int dsoPeriodDays,
            int issueDateToleranceDays, UnknownBuyers unknownBuyers, int lateChargeStatementDays,
            boolean askForReceipt, BeyondAgreedTerms beyondAgreedTerms) {
        static View of(InvoicingPolicy p) {
            return new View(p.issueDeadlineHours(), LateChargeTermsJson.View.of(p.lateCharges()), p.dsoPeriodDays(),
                    p.issueDateToleranceDays(), p.unknownBuyers(), p.lateChargeStatementDays(), p.askForReceipt(),
                    p.beyondAgreedTerms());
        }
    }

    @GET
    public Uni<View> get() {
        return policies.tenantPolicy(tenant.id()).map(View::of);
    }

    @PUT
    @RolesAllowed(Roles.TENANT_ADMIN)
    @APIResponse(responseCode = "200", description = "The policy as saved")
    @APIResponse(responseCode = "400", description = "Every missing or out-of-range field named; nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<View> put(@Valid @NotNull Request request) {
        return policies.saveTenantPolicy(tenant.id(), request.toPolicy(), tenant.subject()).map(View::of);
    }
}
