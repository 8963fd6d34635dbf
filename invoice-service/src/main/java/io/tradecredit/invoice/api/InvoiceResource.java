package io.tradecredit.invoice.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.errors.ProblemException;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.invoice.app.Invoices;
import io.tradecredit.invoice.domain.InvoiceDraft;
import io.tradecredit.invoice.domain.InvoiceSearch;
import io.tradecredit.invoice.domain.InvoiceStatus;

@Path("/api/v1/invoices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class InvoiceResource {
    @Inject
    TenantContext tenant;

    @Inject
    Idempotency idempotency;

    @Inject
    Invoices invoices;

    @Inject
    BusinessTimeZone businessZone;

    public record Batch(@NotNull @Size(max = Invoices.MAX_BATCH) List<InvoiceRequest> invoices) {
    }

    public record BatchResult(int index, int status, UUID invoiceId, String invoiceNumber, Problem problem) {
    }

    public record BatchResponse(int created, int refused, List<BatchResult> results) {
    }

    public record Cancel(@NotBlank @Size(max = 500) String reason) {
    }

    public record ConfirmReceipt(@NotBlank @Size(max = 200) String confirmedBy, OffsetDateTime confirmedAt) {
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.FINANCE})
    @ResponseStatus(201)
    @Refuses(status = 409, when = "invoice.number-taken: the tenant already has an invoice with this number")
    public Uni<RestResponse<InvoiceView>> issue(@NotNull InvoiceRequest request,
            @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(tenant.id(), "issue-invoice", idempotencyKey, request, InvoiceView.class,
                () -> issueOnce(request));
    }

    private Uni<RestResponse<InvoiceView>> issueOnce(InvoiceRequest request) {
        return invoices.issue(tenant.id(), request.toDraft())
                .map(i -> RestResponse.ResponseBuilder.<InvoiceView>created(URI.create("/api/v1/invoices/" + i.id))
                        .entity(InvoiceView.of(i, businessZone.today())).build());
    }

    /** Up to 1,000 invoices; answers 200 with a result per item (201, 400 or 409 each). */
    @POST
    @Path("/batch")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.FINANCE})
    @ResponseStatus(200)
    @Refuses(status = 409, when = "invoice.number-taken: a concurrent batch took one of the numbers; nothing was issued")
    public Uni<RestResponse<BatchResponse>> issueBatch(@Valid @NotNull Batch batch,
            @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(tenant.id(), "issue-invoice-batch", idempotencyKey, batch, BatchResponse.class,
                () -> issueBatchOnce(batch).map(RestResponse::ok));
    }

    private Uni<BatchResponse> issueBatchOnce(Batch batch) {
        List<InvoiceDraft> drafts = batch.invoices().stream().map(r -> r == null ? null : r.toDraft()).toList();
        return invoices.issueBatch(tenant.id(), drafts).map(items -> {
            List<BatchResult> results = items.stream().map(item -> {
                if (item.invoice() != null) {
                    return new BatchResult(item.index(), 201, item.invoice().id, item.invoice().invoiceNumber, null);
                }
                Problem problem = Problem.of(item.refusal());
                return new BatchResult(item.index(), problem.status(), null,
                        drafts.get(item.index()) == null ? null : drafts.get(item.index()).invoiceNumber(), problem);
            }).toList();
            int created = (int) results.stream().filter(r -> r.status() == 201).count();
            return new BatchResponse(created, results.size() - created, results);
        });
    }

    @GET
    @Path("/{id}")
    public Uni<InvoiceView> get(@RestPath UUID id, @RestQuery String asOf) {
        LocalDate date = QueryParams.dateOrToday(asOf, "asOf", businessZone);
        return invoices.get(tenant.id(), id, date).map(found -> InvoiceView.of(found.invoice(), found.standing()));
    }

    @GET
    @APIResponse(responseCode = "200", description = "The tenant's invoices matching every criterion given, paginated")
    @APIResponse(responseCode = "400", description = "A query value that cannot be read, each named",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "buyer.not-found: buyerId names a buyer known only under other"
            + " tenants (a buyer nobody knows yet reads as empty)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Page<InvoiceSummary>> search(@RestQuery UUID buyerId, @RestQuery InvoiceStatus status,
            @RestQuery String dueFrom, @RestQuery String dueTo, @RestQuery @Min(0) Integer dpdMin,
            @RestQuery @Min(0) Integer dpdMax, @RestQuery String asOf,
            @Parameter(description = "the invoice number exactly as issued (leading and trailing blanks ignored)")
            @RestQuery String invoiceNumber,
            @Parameter(description = "true: only invoices whose receipt the buyer confirmed; false: only those not"
                    + " confirmed yet (to follow up the requests to confirm receipt)")
            @RestQuery Boolean receiptConfirmed,
            @RestQuery @Min(0) Integer page, @RestQuery @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        LocalDate date = QueryParams.dateOrToday(asOf, "asOf", businessZone);
        if (dpdMin != null && dpdMax != null && dpdMin > dpdMax) {
            throw ProblemException.invalidField("dpdMin", "must not exceed dpdMax");
        }
        var criteria = new InvoiceSearch(buyerId, status, QueryParams.date(dueFrom, "dueFrom"),
                QueryParams.date(dueTo, "dueTo"), dpdMin, dpdMax, date,
                invoiceNumber == null || invoiceNumber.isBlank() ? null : invoiceNumber.strip(), receiptConfirmed);
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        return invoices.search(tenant.id(), criteria, p, s).map(found -> new Page<>(
                found.items().stream().map(i -> InvoiceSummary.of(i.invoice(), i.standing())).toList(), p, s,
                found.total()));
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.FINANCE})
    @Refuses(status = 409, when = "The invoice has payments, is already cancelled or is not open")
    public Uni<InvoiceView> cancel(@RestPath UUID id, @Valid @NotNull Cancel request) {
        return invoices.cancel(tenant.id(), id, request.reason()).map(i -> InvoiceView.of(i, businessZone.today()));
    }

    @POST
    @Path("/{id}/receipt")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.FINANCE, Roles.COLLECTOR})
    @Refuses(status = 409, when = "Receipt was already confirmed, or the invoice is cancelled")
    public Uni<InvoiceView> confirmReceipt(@RestPath UUID id, @Valid @NotNull ConfirmReceipt request) {
        return invoices.confirmReceipt(tenant.id(), id, request.confirmedBy(), request.confirmedAt())
                .map(i -> InvoiceView.of(i, businessZone.today()));
    }
}
