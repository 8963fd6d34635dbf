package io.tradecredit.notification.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.notification.app.Unsubscribes;
import io.tradecredit.notification.domain.UnsubscribeToken;

/**
 * The unsubscribe link of an email (docs/notification-service.md, "Unsubscribe"): no login, the
 * signed token is the authority. GET for the person who clicks it, POST for a mail client's
 * one-click unsubscribe (RFC 8058); both record the opt-out, and a repeat changes nothing more.
 */
@Path("/unsubscribe")
@PermitAll
@SecurityRequirements
public class UnsubscribeResource {
    @Inject
    Unsubscribes unsubscribes;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Opt the contact the link names out of its channel")
    @APIResponse(responseCode = "200", description = "Opted out (also when already)")
    @APIResponse(responseCode = "400", description = "Not an unsubscribe token (field token)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "A token this service did not sign, or of a contact that no longer exists; nothing changes", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<String> follow(@QueryParam("token") String token) {
        return unsubscribes.optOut(token).map(UnsubscribeResource::done);
    }

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "One-click unsubscribe (List-Unsubscribe-Post), the same as following the link")
    @APIResponse(responseCode = "200", description = "Opted out (also when already)")
    @APIResponse(responseCode = "400", description = "Not an unsubscribe token (field token)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "A token this service did not sign; nothing changes", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<String> oneClick(@QueryParam("token") String token) {
        return follow(token);
    }

    private static String done(UnsubscribeToken t) {
        String channel = t.channel().name().toLowerCase(java.util.Locale.ROOT);
        return "You are unsubscribed: no more " + channel + " messages of this kind will reach you.\n"
                + "您已退订：今后不会再通过" + ("email".equals(channel) ? "电子邮件" : channel) + "向您发送此类消息。\n";
    }
}
