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
 * signed token is the authority. GET, what opening the link does, and what mail gateways and link
 * scanners do to every link of an email before anyone reads it, only asks: a page whose button posts
 * back to the link. POST, that button or a mail client's one-click unsubscribe (RFC 8058, whose form
 * body {@link OneClickUnsubscribe} lets through), records the opt-out; a repeat changes nothing more.
 */
@Path("/unsubscribe")
@PermitAll
@SecurityRequirements
public class UnsubscribeResource {
    @Inject
    Unsubscribes unsubscribes;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page that asks whether to opt the contact the link names out of its channel; changes nothing")
    @APIResponse(responseCode = "200", description = "A page whose button POSTs to the same link; nothing is recorded")
    @APIResponse(responseCode = "400", description = "Not an unsubscribe token (field token)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "A token this service did not sign; nothing changes", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String ask(@QueryParam("token") String token) {
        return page(unsubscribes.read(token));
    }

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Opt the contact the link names out of its channel: the page's button, or a mail client's one-click"
            + " unsubscribe (List-Unsubscribe-Post; its form body is accepted)")
    @APIResponse(responseCode = "200", description = "Opted out (also when already)")
    @APIResponse(responseCode = "400", description = "Not an unsubscribe token (field token)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "A token this service did not sign, or of a contact that no longer exists; nothing changes", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<String> unsubscribe(@QueryParam("token") String token) {
        return unsubscribes.optOut(token).map(UnsubscribeResource::done);
    }

    /** Asks in both languages (the token does not say which the contact reads); the form posts to the page's own URL. */
    static String page(UnsubscribeToken t) {
        boolean email = t.channel() == io.tradecredit.notification.domain.ChannelType.EMAIL;
        String en = email ? "emails" : t.channel().name().toLowerCase(java.util.Locale.ROOT) + " messages";
        String zh = email ? "电子邮件" : t.channel().name().toLowerCase(java.util.Locale.ROOT);
        return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>退订 / Unsubscribe</title></head>
                <body>
                <p>是否不再通过%s接收此类消息？</p>
                <p>Stop receiving these %s?</p>
                <form method="post"><button type="submit">退订 / Unsubscribe</button></form>
                </body></html>
                """.formatted(zh, en);
    }

    private static String done(UnsubscribeToken t) {
        String channel = t.channel().name().toLowerCase(java.util.Locale.ROOT);
        return "You are unsubscribed: no more " + channel + " messages of this kind will reach you.\n"
                + "您已退订：今后不会再通过" + ("email".equals(channel) ? "电子邮件" : channel) + "向您发送此类消息。\n";
    }
}
