package io.tradecredit.invoice.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.Idempotency;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.invoice.app.Disputes;
import io.tradecredit.invoice.domain.Dispute;

/**
 * Disputes on an invoice and their five steps: registered, assessed, negotiated, resolved (with
 * root cause and credit policy adjustment). Collectors run them; resolving, which may issue a
 * credit note, is for finance.
 */
@Path("/api/v1/invoices/{id}/disputes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.FINANCE, Roles.COLLECTOR})
public class DisputeResource {
    @Inject
    TenantContext tenant;

    @Inject
    Idempotency idempotency;

    @Inject
    Disputes disputes;

    public record Open(@NotNull Dispute.Type type, @NotNull Money disputedAmount,
            @NotBlank @Size(max = 2000) String description,
            @Size(max = 50) List<@NotBlank @Size(max = 500) String> evidence, LocalDate raisedOn) {
    }

    public record Assess(@NotNull Dispute.Party responsibleParty, @NotBlank @Size(max = 4000) String findings) {
    }

    public record Note(@NotNull Dispute.Stage stage, @NotBlank @Size(max = 4000) String text) {
    }

    public record Resolve(@NotNull Dispute.Outcome outcome, Money creditedAmount,
            @NotBlank @Size(max = 2000) String rootCause, @Size(max = 2000) String creditPolicyAdjustment) {
    }

    @POST
    @ResponseStatus(201)
    @Refuses(status = 409, when = "The disputed amount exceeds what is not yet disputed")
    public Uni<RestResponse<DisputeView>> open(@RestPath UUID id, @Valid @NotNull Open request,
            @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(tenant.id(), "open-dispute", idempotencyKey, List.of(id, request), DisputeView.class,
                () -> openOnce(id, request));
    }

    private Uni<RestResponse<DisputeView>> openOnce(UUID id, Open request) {
        var opening = new Disputes.Opening(request.type(), request.disputedAmount(), request.description(),
                request.evidence(), request.raisedOn());
        return disputes.open(tenant.id(), id, opening, tenant.subject())
                .map(h -> RestResponse.ResponseBuilder.<DisputeView>created(
                        URI.create("/api/v1/invoices/" + id + "/disputes/" + h.dispute().id))
                        .entity(DisputeView.of(h)).build());
    }

    @GET
    @RolesAllowed(Roles.READERS)
    public Uni<List<DisputeView>> list(@RestPath UUID id) {
        return disputes.ofInvoice(tenant.id(), id).map(all -> all.stream().map(DisputeView::of).toList());
    }

    @GET
    @Path("/{disputeId}")
    @RolesAllowed(Roles.READERS)
    public Uni<DisputeView> get(@RestPath UUID id, @RestPath UUID disputeId) {
        return disputes.get(tenant.id(), id, disputeId).map(DisputeView::of);
    }

    @POST
    @Path("/{disputeId}/assessment")
    @Refuses(status = 409, when = "The dispute is resolved, or its stage would go back")
    public Uni<DisputeView> assess(@RestPath UUID id, @RestPath UUID disputeId, @Valid @NotNull Assess request) {
        return disputes.assess(tenant.id(), id, disputeId, request.responsibleParty(), request.findings(),
                tenant.subject()).map(DisputeView::of);
    }

    @POST
    @Path("/{disputeId}/notes")
    @Refuses(status = 409, when = "The dispute is resolved, or its stage would go back")
    public Uni<DisputeView> note(@RestPath UUID id, @RestPath UUID disputeId, @Valid @NotNull Note request) {
        return disputes.note(tenant.id(), id, disputeId, request.stage(), request.text(), tenant.subject())
                .map(DisputeView::of);
    }

    @POST
    @Path("/{disputeId}/resolution")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.FINANCE})
    @Refuses(status = 409, when = "The dispute is not assessed yet, or already resolved")
    public Uni<DisputeView> resolve(@RestPath UUID id, @RestPath UUID disputeId, @Valid @NotNull Resolve request) {
        var resolving = new Disputes.Resolving(request.outcome(), request.creditedAmount(), request.rootCause(),
                request.creditPolicyAdjustment());
        return disputes.resolve(tenant.id(), id, disputeId, resolving, tenant.subject()).map(DisputeView::of);
    }
}
