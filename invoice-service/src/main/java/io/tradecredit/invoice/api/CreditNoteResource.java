package io.tradecredit.invoice.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import io.tradecredit.invoice.app.CreditNotes;
import io.tradecredit.invoice.domain.CreditNote;

/** Credit notes on an invoice: issued by finance, listed for everyone who reads invoices. */
@Path("/api/v1/invoices/{id}/credit-notes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class CreditNoteResource {
    @Inject
    TenantContext tenant;

    @Inject
    Idempotency idempotency;

    @Inject
    CreditNotes creditNotes;

    public record Issue(@NotNull Money amount, @NotBlank @Size(max = 2000) String reason) {
    }

    public record View(UUID id, String number, UUID invoiceId, UUID buyerId, UUID disputeId, Money amount,
            String reason, LocalDate issuedOn, OffsetDateTime createdAt, String createdBy) {
        static View of(CreditNote n) {
            return new View(n.id(), n.number(), n.invoiceId(), n.buyerId(), n.disputeId(), n.amount(), n.reason(),
                    n.issuedOn(), n.createdAt(), n.createdBy());
        }
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.FINANCE})
    @ResponseStatus(201)
    @Refuses(status = 409, when = "The credit note exceeds what the invoice has open")
    public Uni<RestResponse<View>> issue(@RestPath UUID id, @Valid @NotNull Issue request,
            @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(tenant.id(), "issue-credit-note", idempotencyKey, List.of(id, request), View.class,
                () -> issueOnce(id, request));
    }

    private Uni<RestResponse<View>> issueOnce(UUID id, Issue request) {
        return creditNotes.issue(tenant.id(), id, request.amount(), request.reason(), tenant.subject())
                .map(n -> RestResponse.ResponseBuilder.<View>created(
                        URI.create("/api/v1/invoices/" + id + "/credit-notes")).entity(View.of(n)).build());
    }

    @GET
    public Uni<List<View>> list(@RestPath UUID id) {
        return creditNotes.ofInvoice(tenant.id(), id).map(all -> all.stream().map(View::of).toList());
    }
}
