package io.tradecredit.invoice.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Idempotency;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.errors.ProblemException;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.invoice.app.PaymentPlans;
import io.tradecredit.invoice.domain.InstalmentSchedule;

@Path("/api/v1/payment-plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class PaymentPlanResource {
    @Inject
    TenantContext tenant;

    @Inject
    Idempotency idempotency;

    @Inject
    PaymentPlans plans;

    /** E.g. 6 interest-free monthly instalments of the buyer's overdue invoices. */
    public record AgreePlan(@NotNull UUID buyerId, @NotEmpty @Size(max = 500) List<@NotNull UUID> invoiceIds,
            @NotNull @Min(1) @Max(120) Integer instalments, @NotNull InstalmentSchedule.Frequency frequency,
            @NotNull LocalDate firstDueDate,
            @DecimalMin("0") @DecimalMax("1") BigDecimal annualInterestRate) {
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.FINANCE, Roles.COLLECTOR})
    @ResponseStatus(201)
    @Refuses(status = 404, when = "An invoice of the plan does not exist for the tenant")
    @Refuses(status = 409, when = "An invoice is already under a plan, is not open, or has nothing collectible (disputed in full); the errors name each")
    public Uni<RestResponse<PaymentPlanView>> agree(@Valid @NotNull AgreePlan request,
            @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(tenant.id(), "agree-payment-plan", idempotencyKey, request, PaymentPlanView.class,
                () -> agreeOnce(request));
    }

    private Uni<RestResponse<PaymentPlanView>> agreeOnce(AgreePlan request) {
        var agreement = new PaymentPlans.Agreement(request.buyerId(), request.invoiceIds(), request.instalments(),
                request.frequency(), request.firstDueDate(),
                request.annualInterestRate() == null ? BigDecimal.ZERO : request.annualInterestRate());
        return plans.agree(tenant.id(), tenant.subject(), agreement)
                .map(p -> RestResponse.ResponseBuilder.<PaymentPlanView>created(
                        URI.create("/api/v1/payment-plans/" + p.plan().id)).entity(PaymentPlanView.of(p)).build());
    }

    @GET
    @Path("/{id}")
    public Uni<PaymentPlanView> get(@RestPath UUID id) {
        return plans.get(tenant.id(), id).map(PaymentPlanView::of);
    }

    /** The plans agreed with a buyer, newest first. */
    @GET
    @Refuses(status = 404, when = "buyer.not-found: buyerId names a buyer known only under other tenants (a buyer nobody"
            + " knows yet reads as empty)")
    public Uni<List<PaymentPlanView.Summary>> ofBuyer(@RestQuery UUID buyerId) {
        if (buyerId == null) {
            throw ProblemException.invalidField("buyerId", "is required");
        }
        return plans.ofBuyer(tenant.id(), buyerId).map(list -> list.stream().map(PaymentPlanView.Summary::of).toList());
    }
}
