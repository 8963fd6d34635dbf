package io.tradecredit.credit.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.credit.app.Buyers;
import io.tradecredit.credit.domain.BuyerSearch;

@Path("/api/v1/buyers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class BuyerResource {
    static final String PROBLEM = "application/problem+json";

    @Inject
    TenantContext tenant;

    @Inject
    Idempotency idempotency;

    @Inject
    Buyers buyers;

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @ResponseStatus(201)
    @Refuses(status = 409, when = "buyer.registration-taken: a buyer with this registration number exists")
    public Uni<RestResponse<BuyerView>> register(@NotNull BuyerRequest request,
            @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(tenant.id(), "register-buyer", idempotencyKey, request, BuyerView.class,
                () -> registerOnce(request));
    }

    private Uni<RestResponse<BuyerView>> registerOnce(BuyerRequest request) {
        return buyers.register(tenant.id(), request.toDetails())
                .map(b -> RestResponse.ResponseBuilder.<BuyerView>created(URI.create("/api/v1/buyers/" + b.id))
                        .entity(BuyerView.of(b)).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @Refuses(status = 409, when = "buyer.registration-taken: a buyer with this registration number exists")
    @Refuses(status = 403, when = "buyer.terms-by-credit-manager: a tenant admin changed paymentTermDays; a credit"
            + " manager agrees the terms (announced as payment-term-changed)")
    public Uni<BuyerView> update(@RestPath UUID id, @NotNull BuyerRequest request) {
        return buyers.update(tenant.id(), id, request.toDetails(), tenant.subject(),
                tenant.roles().contains(Roles.CREDIT_MANAGER)).map(BuyerView::of);
    }

    @GET
    @Path("/{id}")
    public Uni<BuyerView> get(@RestPath UUID id) {
        return buyers.get(tenant.id(), id).map(BuyerView::of);
    }

    @GET
    public Uni<Page<BuyerView>> search(@RestQuery String name, @RestQuery String registrationNumber,
            @RestQuery String country, @RestQuery @Min(1) @Max(10) Integer gradeFrom, @RestQuery Boolean blocked,
            @RestQuery @Min(0) Integer page, @RestQuery @Min(1) @Max(Page.MAX_SIZE) Integer size) {
        int p = QueryParams.page(page);
        int s = QueryParams.size(size);
        var criteria = new BuyerSearch(name, registrationNumber, country, gradeFrom, blocked);
        return buyers.search(tenant.id(), criteria, p, s).map(found -> new Page<>(
                found.items().stream().map(BuyerView::of).toList(), p, s, found.total()));
    }

    @POST
    @Path("/{id}/financial-statements")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @ResponseStatus(201)
    @Refuses(status = 422, when = "statement.inconsistent: the figures cannot all be true")
    public Uni<RestResponse<StatementView>> addStatement(@RestPath UUID id, @Valid @NotNull StatementRequest request,
            @Parameter(in = ParameterIn.HEADER, name = Idempotency.HEADER, description = "Retrying with the same key"
                    + " and body answers the first version again instead of adding another; the same key with"
                    + " another body is 422", schema = @Schema(maxLength = 200))
            @RestHeader(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(tenant.id(), "add-statement", idempotencyKey, new StatementOf(id, request),
                StatementView.class, () -> buyers.addStatement(tenant.id(), id, request.toStatement(), tenant.subject())
                        .map(s -> RestResponse.ResponseBuilder.<StatementView>created(URI.create("/api/v1/buyers/"
                                + id + "/financial-statements/" + s.fiscalYear + "/versions/" + s.version))
                                .entity(StatementView.of(s)).build()));
    }

    /** What a retried statement must repeat: the same figures for the same buyer. */
    record StatementOf(UUID buyerId, StatementRequest statement) {
    }

    @GET
    @Path("/{id}/financial-statements")
    @APIResponse(responseCode = "200", description = "Every version of every fiscal year: the latest year first,"
            + " within a year the latest version first")
    @APIResponse(responseCode = "404", description = "The tenant has no such buyer", content = @Content(mediaType = PROBLEM))
    public Uni<List<StatementView>> statements(@RestPath UUID id) {
        return buyers.statements(tenant.id(), id).map(list -> list.stream().map(StatementView::of).toList());
    }

    @GET
    @Path("/{id}/financial-statements/{fiscalYear}/versions/{version}")
    @APIResponse(responseCode = "200", description = "One version of one fiscal year's statement")
    @APIResponse(responseCode = "404", description = "The tenant has no such buyer, or it no such statement",
            content = @Content(mediaType = PROBLEM))
    public Uni<StatementView> statement(@RestPath UUID id, @RestPath int fiscalYear, @RestPath int version) {
        return buyers.statement(tenant.id(), id, fiscalYear, version).map(StatementView::of);
    }
}
