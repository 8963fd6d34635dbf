package io.tradecredit.notification.api;

import java.time.Instant;
import java.util.Base64;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.tenancy.Roles;
import io.tradecredit.common.tenancy.TenantContext;
import io.tradecredit.notification.app.LetterImages;
import io.tradecredit.notification.domain.LetterImage;

/** The tenant's letter images: the letterhead logo and the company seal (公章), PNG. */
@Path("/api/v1/letter-images/{kind}")
@RolesAllowed(Roles.READERS)
public class LetterImageResource {
    static final String PNG = "image/png";

    @Inject
    TenantContext tenant;

    @Inject
    LetterImages images;

    public record Upload(@Schema(description = "the PNG file, base64-encoded (request bodies are JSON)", required = true)
    String png) {
        byte[] bytes() {
            if (png == null || png.isBlank()) {
                throw DomainError.invalidField("letter-image.invalid", "png", "must be given: a PNG file, base64-encoded");
            }
            try {
                return Base64.getMimeDecoder().decode(png.strip());
            } catch (IllegalArgumentException e) {
                throw DomainError.invalidField("letter-image.invalid", "png", "must be base64: " + e.getMessage());
            }
        }
    }

    public record View(@Schema(description = "LOGO or SEAL") LetterImage.Kind kind, int width, int height, int bytes,
            @Schema(description = "SHA-256 (hex) of the PNG as stored") String sha256, Instant uploadedAt) {
        static View of(LetterImages.Shown s) {
            return new View(s.kind(), s.width(), s.height(), s.bytes(), s.sha256(), s.uploadedAt());
        }
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    @APIResponse(responseCode = "200", description = "The image as now in force (it replaces the last one)")
    @APIResponse(responseCode = "400", description = "Not a usable PNG, too large, or of unusable dimensions: each fault"
            + " named under the field png; nothing changes", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only tenant-admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such kind of image (logo, seal)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<View> put(@Parameter(description = "logo or seal") @PathParam("kind") String kind,
            @NotNull Upload body) {
        LetterImage.Kind k = kind(kind);
        return images.upload(tenant.id(), k, body.bytes(), tenant.subject()).map(View::of);
    }

    @GET
    @Produces(PNG)
    @APIResponse(responseCode = "200", description = "The image as uploaded", content = @Content(mediaType = PNG))
    @APIResponse(responseCode = "404", description = "The tenant has uploaded none, or no such kind",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> get(@Parameter(description = "logo or seal") @PathParam("kind") String kind) {
        LetterImage.Kind k = kind(kind);
        return images.of(tenant.id(), k).map(found -> {
            var stored = found.orElseThrow(() -> none(k));
            return Response.ok(stored.bytes(), PNG).header("ETag", "\"" + stored.sha256() + "\"").build();
        });
    }

    @DELETE
    @RolesAllowed(Roles.TENANT_ADMIN)
    @APIResponse(responseCode = "204", description = "Removed: letters not yet made print without it (a sealed letter"
            + " fails saying so)")
    @APIResponse(responseCode = "403", description = "Only tenant-admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "The tenant has uploaded none", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> delete(@Parameter(description = "logo or seal") @PathParam("kind") String kind) {
        LetterImage.Kind k = kind(kind);
        return images.remove(tenant.id(), k).map(removed -> {
            if (!removed) {
                throw none(k);
            }
            return Response.noContent().build();
        });
    }

    private static LetterImage.Kind kind(String tag) {
        return LetterImage.Kind.ofTag(tag).orElseThrow(
                () -> DomainError.notFound("letter-image.unknown-kind", "No letter image " + tag + ": logo or seal"));
    }

    private static DomainError none(LetterImage.Kind k) {
        return DomainError.notFound("letter-image.none", "The tenant has uploaded no " + k.tag());
    }
}
