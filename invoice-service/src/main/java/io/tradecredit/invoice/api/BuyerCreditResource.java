package io.tradecredit.invoice.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import io.tradecredit.common.api.Page;
import io.tradecredit.common.api.QueryParams;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.invoice.app.BuyerCredits;
import io.tradecredit.invoice.domain.CreditMovement;

/** A buyer's credit from overpayments: its statement, and applying it to invoices. */
@Path("/api/v1/buyers/{buyerId}/credit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class BuyerCreditResource {
    @Inject
    TenantContext tenant;

    @Inject
    Idempotency idempotency;

    @Inject
    BuyerCredits credits;

    /** Apply credit in {@code currency}: to the invoices named, or without {@code allocations} oldest first. */
    public record ApplyCredit(String currency, List<PaymentRequest.AllocationRequest> allocations) {
    }

    public record MovementView(UUID id, CreditMovement.Kind kind, Money amount, Money balanceAfter, UUID referenceId,
            LocalDate occurredOn, OffsetDateTime createdAt, String createdBy) {
        static MovementView of(CreditMovement m) {
            return new MovementView(m.id(), m.kind(), m.amount(), m.balanceAfter(), m.referenceId(), m.occurredOn(),
                    m.createdAt(), m.createdBy());
        }
    }

    public record StatementView(UUID buyerId, List<Money> balances, Page<MovementView> movements) {
    }

    public record ApplicationView(UUID id, UUID buyerId, Money amount, LocalDate appliedOn,
            List<PaymentView.AllocationView> allocations, Money buyerCreditBalance) {
    }

    /** Balances per currency; movements newest first, paginated. */
    @GET
    public Uni<StatementView> statement(@RestPath UUID buyerId, @RestQuery @Min(0) Integer page,
            @RestQuery @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        return credits.statement(tenant.id(), buyerId, p, s).map(st -> new StatementView(st.buyerId(), st.balances(),
                new Page<>(st.movements().items().stream().map(MovementView::of).toList(), p, s,
                        st.movements().total())));
    }

    @POST
    @Path("/applications")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.FINANCE})
    @ResponseStatus(201)
    @Refuses(status = 409, when = "The buyer has no credit in that currency, not enough of it, or no open invoices to apply it to")
    public Uni<RestResponse<ApplicationView>> apply(@RestPath UUID buyerId, @NotNull ApplyCredit request,
            @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(tenant.id(), "apply-buyer-credit", idempotencyKey, List.of(buyerId, request), ApplicationView.class,
                () -> applyOnce(buyerId, request));
    }

    private Uni<RestResponse<ApplicationView>> applyOnce(UUID buyerId, ApplyCredit request) {
        return credits.apply(tenant.id(), buyerId, request.currency(), PaymentRequest.requests(request.allocations()),
                tenant.subject())
                .map(a -> RestResponse.status(RestResponse.Status.CREATED, new ApplicationView(a.id(), a.buyerId(),
                        a.amount(), a.appliedOn(), a.allocations().stream().map(PaymentView.AllocationView::of).toList(),
                        a.balanceAfter())));
    }
}
