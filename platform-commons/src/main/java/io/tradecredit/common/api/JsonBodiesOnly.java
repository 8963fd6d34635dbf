package io.tradecredit.common.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.tradecredit.common.errors.Problem;

/**
 * One rule for request bodies everywhere: they are JSON. A body of another media type (say
 * {@code text/plain} on a cancellation, which would otherwise be read and stored verbatim on
 * some operations and refused on others) answers 415 before any resource runs.
 */
public class JsonBodiesOnly {
    @ServerRequestFilter(preMatching = true)
    public Response refuseOtherMediaTypes(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || isJson(type) || !hasBody(request)) {
            return null; // an empty POST (an operator's job run) may carry any declared type
        }
        return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "Request bodies are JSON: send Content-Type "
                + "application/json, not " + type.getType() + "/" + type.getSubtype() + ".")
                .withInstance(request.getUriInfo().getPath()).toResponse();
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        return "chunked".equalsIgnoreCase(request.getHeaderString("Transfer-Encoding"))
                || (length != null && !length.strip().equals("0"));
    }

    static boolean isJson(MediaType type) {
        return "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json"));
    }
}
