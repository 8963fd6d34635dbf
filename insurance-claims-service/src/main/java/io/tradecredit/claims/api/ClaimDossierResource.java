package io.tradecredit.claims.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.api.DossierJson.DocumentRequest;
import io.tradecredit.claims.api.DossierJson.DocumentView;
import io.tradecredit.claims.api.DossierJson.View;
import io.tradecredit.claims.app.ClaimDossiers;
import io.tradecredit.common.api.Idempotency;
import io.tradecredit.common.api.Refuses;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;

/**
 * A claim's dossier for the insurer: its invoices, the buyer's dunning record and agency reports up to the
 * claim's day, and the references of the documents the tenant adds. Another tenant's claim is 404.
 */
@Path("/api/v1/insurance/claims/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class ClaimDossierResource {
    @Inject
    TenantContext tenant;

    @Inject
    ClaimDossiers dossiers;

    @Inject
    Idempotency idempotency;

    @GET
    @Path("/dossier")
    @Refuses(status = 404, when = "claim.not-found: no claim of the tenant has this id")
    public Uni<View> dossier(@PathParam("id") UUID id) {
        return dossiers.of(tenant.id(), id).map(View::of);
    }

    @POST
    @Path("/documents")
    @ResponseStatus(201)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER, Roles.FINANCE})
    @Refuses(status = 404, when = "claim.not-found: no claim of the tenant has this id")
    public Uni<RestResponse<DocumentView>> addDocument(@PathParam("id") UUID id, @NotNull DocumentRequest r,
            @RestHeader(Idempotency.HEADER) @Parameter(description = "a retry with the same key and body answers the"
                    + " reference added first instead of adding another; the same key with another body is 422",
                    schema = @Schema(maxLength = 200)) String idempotencyKey) {
        return idempotency.once(tenant.id(), "claim-document:" + id, idempotencyKey, r, DocumentView.class,
                () -> dossiers.addDocument(tenant.id(), id, r.name(), r.uri(), r.sha256(), r.kind(), tenant.subject())
                        .map(d -> RestResponse.ResponseBuilder.<DocumentView>created(
                                URI.create("/api/v1/insurance/claims/" + id + "/dossier")).entity(DocumentView.of(d)).build()));
    }
}
