package io.tradecredit.notification.api;

import java.io.InputStream;
import java.util.Locale;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A mail client's one-click unsubscribe (RFC 8058) POSTs the form {@code List-Unsubscribe=One-Click}
 * ({@code application/x-www-form-urlencoded} or {@code multipart/form-data}) to the link, and so may the
 * page's button: the token is in the URL, the body says nothing more. On {@code POST /unsubscribe} alone such a
 * form body is dropped before the chassis's rule that request bodies are JSON ({@code JsonBodiesOnly}, 415)
 * reads the media type; everywhere else that rule stands.
 */
public class OneClickUnsubscribe {
    static final String PATH = "/unsubscribe";

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER - 100)
    public void dropFormBody(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod()) || !PATH.equals(path(request)) || !isForm(request.getMediaType())) {
            return;
        }
        request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        request.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        request.getHeaders().remove("Transfer-Encoding");
        request.setEntityStream(InputStream.nullInputStream());
    }

    private static String path(ContainerRequestContext request) {
        String p = request.getUriInfo().getPath();
        return p.startsWith("/") ? p : "/" + p;
    }

    static boolean isForm(MediaType type) {
        if (type == null) {
            return false;
        }
        String t = type.getType().toLowerCase(Locale.ROOT) + "/" + type.getSubtype().toLowerCase(Locale.ROOT);
        return MediaType.APPLICATION_FORM_URLENCODED.equals(t) || MediaType.MULTIPART_FORM_DATA.equals(t);
    }
}
