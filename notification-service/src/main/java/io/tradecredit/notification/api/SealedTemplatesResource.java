package io.tradecredit.notification.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.notification.app.Letters;
import io.tradecredit.notification.domain.SealedTemplates;

/** Which of the tenant's letters carry its company seal (公章), by template key. */
@Path("/api/v1/sealed-templates")
@RolesAllowed(Roles.READERS)
public class SealedTemplatesResource {
    @Inject
    TenantContext tenant;

    @Inject
    Letters letters;

    public record Choice(@Schema(description = "the template keys whose letters carry the seal; an empty list seals none",
            required = true) List<String> templateKeys) {
    }

    public record View(@Schema(description = "the template keys whose letters carry the seal, in alphabetical order")
            List<String> templateKeys,
            @Schema(description = "TENANT: the tenant's own choice; PLATFORM: the platform's default list") String source) {
        static View of(SealedTemplates s) {
            return new View(s.templateKeys().stream().sorted().toList(), s.tenantsOwn() ? "TENANT" : "PLATFORM");
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The templates whose letters carry the seal: the tenant's choice,"
            + " else the platform's default (the finance department's demand)")
    public Uni<View> get() {
        return letters.sealedTemplates(tenant.id()).map(View::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    @APIResponse(responseCode = "200", description = "The tenant's choice, for letters made from now on (a letter already"
            + " fixed at intake keeps its page)")
    @APIResponse(responseCode = "400", description = "templateKeys missing, or a key that is not one or is listed twice,"
            + " named by its index (templateKeys[1]); nothing changes", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only tenant-admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<View> put(@NotNull Choice body) {
        return letters.chooseSealed(tenant.id(), body.templateKeys(), tenant.subject()).map(View::of);
    }
}
