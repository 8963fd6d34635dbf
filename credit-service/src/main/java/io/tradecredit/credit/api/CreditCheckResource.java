package io.tradecredit.credit.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.credit.app.CreditChecks;

/** The order-time credit check: APPROVED, REFER or DECLINED with every reason; the decision is recorded. */
@Path("/api/v1/credit-checks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER, Roles.FINANCE})
public class CreditCheckResource {
    @Inject
    TenantContext tenant;

    @Inject
    CreditChecks checks;

    public record CheckRequest(@NotNull UUID buyerId, @NotNull Money orderAmount) {
    }

    public record Terms(int days, boolean prepayment, boolean firstOrder) {
    }

    public record CheckView(UUID id, UUID buyerId, String outcome, List<String> reasons, Money orderAmount,
            Money exposure, Money exposureAfter, Money limit, Integer grade, Terms paymentTerms,
            OffsetDateTime checkedAt) {
    }

    @POST
    @ResponseStatus(201)
    @Refuses(status = 404, when = "The buyer does not exist for the tenant")
    public Uni<RestResponse<CheckView>> check(@Valid @NotNull CheckRequest request) {
        return checks.check(tenant.id(), request.buyerId(), request.orderAmount(), tenant.subject()).map(r -> {
            var d = r.decision();
            var view = new CheckView(r.id(), r.buyerId(), d.outcome().name(), d.reasons(), r.order(), r.exposure(),
                    d.exposureAfter(), d.limit(), r.grade(), new Terms(r.terms().days(), r.terms().prepayment(),
                            r.terms().firstOrder()), r.checkedAt());
            return RestResponse.ResponseBuilder.<CheckView>created(URI.create("/api/v1/credit-checks/" + r.id()))
                    .entity(view).build();
        });
    }
}
