package io.tradecredit.credit.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Idempotency;
import io.tradecredit.common.api.QueryParams;
import org.jboss.resteasy.reactive.ResponseStatus;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.credit.app.CreditChecks;
import io.tradecredit.credit.domain.InsuranceCover;

/** The order-time credit check: APPROVED, REFER or DECLINED with every reason; the decision is recorded. */
@Path("/api/v1/credit-checks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class CreditCheckResource {
    static final String PROBLEM = "application/problem+json";

    @Inject
    TenantContext tenant;

    @Inject
    Idempotency idempotency;

    @Inject
    CreditChecks checks;

    public record CheckRequest(@NotNull UUID buyerId, @NotNull Money orderAmount) {
    }

    public record Terms(int days, boolean prepayment, boolean firstOrder) {
    }

    public record Insurance(
            @Schema(description = "whether this order has an insured part") boolean insured,
            @Schema(description = "why (not): stop-deliveries since <date> and what started it (overdue account"
                    + " notified to the insurer, stop-deliveries deadline missed, insolvency claim; a stop kept before"
                    + " causes were: the date alone), no insured limit, the limit taken by older invoices, or insured"
                    + " (for a part) within the limit",
                    example = "stop-deliveries since 2026-11-25: insolvency claim") String reason,
            @Schema(description = "the stop-deliveries day in force, if any") java.time.LocalDate stopDeliveriesFrom,
            @Schema(description = "the buyer's insured limit on the day (0 when none); absent on checks recorded"
                    + " before insured limits were known") Money insuredLimit,
            @Schema(description = "the insured part of the buyer's exposure plus this order: oldest invoices first,"
                    + " each insured up to what the limit in force on its issue day leaves after the older ones (a"
                    + " reduction leaves earlier deliveries insured, so this may exceed insuredLimit); only invoices"
                    + " issued under cover and before stop-deliveries; the order under today's limit")
            Money insuredExposure,
            @Schema(description = "the rest of the exposure plus this order") Money uninsuredExposure,
            @Schema(description = "the insured part of this order (the newest delivery, insured last)")
            Money orderInsured) {
        static Insurance of(InsuranceCover c) {
            return c == null ? null : new Insurance(c.insured(), c.reason(), c.stopDeliveriesFrom(), c.insuredLimit(),
                    c.insuredExposure(), c.uninsuredExposure(), c.orderInsured());
        }
    }

    public record CheckView(UUID id, UUID buyerId, String outcome, List<String> reasons, Money orderAmount,
            Money exposure, Money exposureAfter, Money limit, Integer grade, Terms paymentTerms,
            OffsetDateTime checkedAt,
            @Schema(description = "credit insurance of the buyer and this order, present once credit-service knows"
                    + " an insured-limit decision on the buyer or a stop-deliveries in force (after the tenant"
                    + " notified the insurer of the buyer's overdue account)") Insurance insurance) {

        static CheckView of(CreditChecks.Result r) {
            var d = r.decision();
            return new CheckView(r.id(), r.buyerId(), d.outcome().name(), d.reasons(), r.order(), r.exposure(),
                    d.exposureAfter(), d.limit(), r.grade(), new Terms(r.terms().days(), r.terms().prepayment(),
                            r.terms().firstOrder()), r.checkedAt(), Insurance.of(r.insurance()));
        }
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER, Roles.FINANCE})
    @ResponseStatus(201)
    @Refuses(status = 404, when = "The buyer does not exist for the tenant")
    public Uni<RestResponse<CheckView>> check(@Valid @NotNull CheckRequest request,
            @Parameter(in = ParameterIn.HEADER, name = Idempotency.HEADER, description = "Retrying with the same key"
                    + " and body answers the first decision again (same id and status) and records nothing more;"
                    + " the same key with another body is 422", schema = @Schema(maxLength = 200))
            @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            // the hot path: the decision is group-committed with concurrent checks'
            return checks.check(tenant.id(), request.buyerId(), request.orderAmount(), tenant.subject())
                    .map(CreditCheckResource::created);
        }
        // a retryable check: the decision commits with the stored answer, in the key's transaction
        return idempotency.once(tenant.id(), "credit-check", idempotencyKey, request, CheckView.class,
                () -> checks.checkInCurrentTransaction(tenant.id(), request.buyerId(), request.orderAmount(),
                        tenant.subject()).map(CreditCheckResource::created));
    }

    @GET
    @Path("/{id}")
    public Uni<CheckView> get(@RestPath String id) {
        // read as text: JAX-RS answers an unreadable UUID in the path with 404, as if nothing were there
        return checks.get(tenant.id(), QueryParams.uuid(id, "id")).map(CheckView::of);
    }

    private static RestResponse<CheckView> created(CreditChecks.Result r) {
        return RestResponse.ResponseBuilder.<CheckView>created(URI.create("/api/v1/credit-checks/" + r.id()))
                .entity(CheckView.of(r)).build();
    }
}
