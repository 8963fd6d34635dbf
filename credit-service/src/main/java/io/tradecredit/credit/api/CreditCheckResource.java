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

    public record Insurance(boolean insured, @Schema(example = "stop-deliveries since 2026-12-03") String reason,
            java.time.LocalDate stopDeliveriesFrom) {
    }

    public record CheckView(UUID id, UUID buyerId, String outcome, List<String> reasons, Money orderAmount,
            Money exposure, Money exposureAfter, Money limit, Integer grade, Terms paymentTerms,
            OffsetDateTime checkedAt,
            @Schema(description = "credit insurance of a new delivery, present when credit-service knows it is not"
                    + " insured: the tenant notified the insurer of the buyer's overdue account, stop-deliveries"
                    + " runs since that day") Insurance insurance) {

        static CheckView of(CreditChecks.Result r) {
            var d = r.decision();
            return new CheckView(r.id(), r.buyerId(), d.outcome().name(), d.reasons(), r.order(), r.exposure(),
                    d.exposureAfter(), d.limit(), r.grade(), new Terms(r.terms().days(), r.terms().prepayment(),
                            r.terms().firstOrder()), r.checkedAt(), r.insurance() == null ? null
                                    : new Insurance(r.insurance().insured(), r.insurance().reason(),
                                            r.insurance().stopDeliveriesFrom()));
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
