package io.tradecredit.notification.api;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.api.CheckableBody;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.notification.app.WebhookEndpoints;

/** The tenant's webhook endpoint: where messages to its systems are POSTed, and the secret signing them. */
@Path("/api/v1/webhook-endpoint")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READERS)
public class WebhookEndpointResource {
    @Inject
    TenantContext tenant;

    @Inject
    WebhookEndpoints endpoints;

    public record Body(@Schema(description = "https URL receiving the POSTs") String url,
            @Schema(description = "write-only: signs the bodies (HMAC-SHA256), at least 24 characters") String secret)
            implements CheckableBody {
        /**
         * The rules' findings on the body as read, asked for when a value could not be read (it is null then: a
         * {@code "url": 5}), so that one answer names every wrong field, the secret too.
         */
        @Override
        public List<Violation> violations() {
            // a body is read outside any bean: the endpoints' rules (plain HTTP allowed or not) are looked up
            WebhookEndpoints rules = Arc.container().instance(WebhookEndpoints.class).get();
            return CheckableBody.violationsOf(() -> rules.check(url, secret));
        }
    }

    public record View(String url, @Schema(description = "the secret's last four characters: it is never returned")
    String secretMasked, Instant updatedAt) {
        static View of(WebhookEndpoints.Shown s) {
            return new View(s.url(), s.secretMasked(), s.updatedAt());
        }
    }

    @GET
    @APIResponse(responseCode = "200", description = "The endpoint, its secret masked")
    @APIResponse(responseCode = "404", description = "The tenant has set none", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<View> get() {
        return endpoints.of(tenant.id()).map(found -> View.of(found.orElseThrow(WebhookEndpointResource::none)));
    }

    @PUT
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "200", description = "The endpoint as now in force, its secret masked")
    @APIResponse(responseCode = "400", description = "url and secret, each wrong one named; nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only tenant-admin and credit-manager", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<View> put(@NotNull Body body) {
        return endpoints.set(tenant.id(), body.url(), body.secret(), tenant.subject()).map(View::of);
    }

    @DELETE
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.CREDIT_MANAGER})
    @APIResponse(responseCode = "204", description = "Removed: webhooks not yet sent fail, saying so")
    @APIResponse(responseCode = "404", description = "The tenant has set none", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only tenant-admin and credit-manager", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> delete() {
        return endpoints.remove(tenant.id()).map(removed -> {
            if (!removed) {
                throw none();
            }
            return Response.noContent().build();
        });
    }

    private static DomainError none() {
        return DomainError.notFound("no-webhook-endpoint", "The tenant has set no webhook endpoint");
    }
}
