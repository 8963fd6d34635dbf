package io.tradecredit.common.errors;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.tradecredit.common.health.BoundedUriTags;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refusals of the HTTP layer answer {@code application/problem+json} like every other error.
 *
 * <p><b>Too large (431, 414, 413).</b> Vert.x refuses headers over its decoder's limit, or a request
 * line over its, before any handler runs, with an empty body, and no handler can change that
 * answer. So the decoder is given ceilings well above the limits the service keeps
 * ({@link #DECODER_MAX_HEADER_SIZE}, {@link #DECODER_MAX_INITIAL_LINE}), and the service's own
 * limits ({@code quarkus.http.limits.max-header-size}, {@code max-initial-line-length},
 * {@code max-body-size}) are checked here, first of all routes, with a problem+json answer. A
 * request beyond the decoder's ceiling still gets Vert.x's bare answer: the ceiling is what keeps
 * a connection's buffer bounded.
 *
 * <p><b>Malformed URI (400).</b> Quarkus answers a request URI that {@link URI} cannot parse (a
 * {@code %} not followed by two hex digits, a space) with a bare 400 before any route runs, unless
 * the JVM runs with {@value #OWN_URI_VALIDATION}=true, which every way of running the services sets
 * (the root pom's test JVMs, {@code ./platform}, the compose file, the chart). With it, the URI is
 * checked here instead, with the same rule and a problem+json answer.
 *
 * <p>The 401 of a path guarded by an HTTP permission ({@code /q/openapi}) is {@link ProblemChallenge}'s;
 * its 403 is a routing failure that Quarkus REST hands to {@link ProblemMappers#forbidden}.
 */
@Singleton
public class HttpLayerProblems implements HttpServerOptionsCustomizer {
    /** Header bytes the decoder reads before refusing on its own (Quarkus' default limit is 20K). */
    static final int DECODER_MAX_HEADER_SIZE = 128 * 1024;
    /** Request line the decoder reads before refusing on its own (Quarkus' default limit is 4096). */
    static final int DECODER_MAX_INITIAL_LINE = 64 * 1024;
    /** The JVM property that hands the URI check from Quarkus' bare 400 to {@link #refuseBeforeRouting}. */
    public static final String OWN_URI_VALIDATION = "vertx.disableURIValidation";

    @ConfigProperty(name = "quarkus.http.limits.max-header-size", defaultValue = "20K")
    MemorySize maxHeaderSize;

    @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length", defaultValue = "4096")
    int maxInitialLineLength;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper json;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setMaxHeaderSize(Math.max(options.getMaxHeaderSize(), DECODER_MAX_HEADER_SIZE));
        options.setMaxInitialLineLength(Math.max(options.getMaxInitialLineLength(), DECODER_MAX_INITIAL_LINE));
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        customizeHttpServer(options);
    }

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseBeforeRouting);
    }

    void refuseBeforeRouting(RoutingContext context) {
        HttpServerRequest request = context.request();
        int requestLine = request.method().name().length() + request.uri().length() + " HTTP/1.1".length() + 1;
        if (requestLine > maxInitialLineLength) {
            answer(context, Problem.of(414, "URI Too Long", "The request line is " + requestLine
                    + " characters; at most " + maxInitialLineLength + " are accepted. Send fewer or shorter"
                    + " query parameters."));
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 2; // "name: value"
        }
        if (headerBytes > maxHeaderSize.asLongValue()) {
            answer(context, Problem.of(431, "Request Header Fields Too Large", "The request's headers are "
                    + headerBytes + " bytes; at most " + maxHeaderSize.asLongValue() + " are accepted."));
            return;
        }
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && tooLong(length.strip())) {
            // the body is not read: the connection closes after the answer instead of draining it
            context.response().putHeader(HttpHeaderNames.CONNECTION, "close");
            answer(context, Problem.of(413, "Content Too Large", "The request body is " + length.strip()
                    + " bytes; at most " + maxBodySize.asLongValue() + " are accepted.")
                    .withInstance(context.normalizedPath()));
            return;
        }
        String malformed = malformedUri(request.uri());
        if (malformed != null) {
            answer(context, Problem.of(400, "Bad Request", "The request URI is malformed (" + malformed
                    + "). Percent-encode what a URI may not contain: '%' as %25, a space as %20."));
            return;
        }
        context.next();
    }

    /** Why {@link URI} refuses the request's URI, or null if it reads it (Quarkus' own check). */
    static String malformedUri(String uri) {
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            return e.getReason() + " at index " + e.getIndex();
        }
    }

    private boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false; // the HTTP decoder refuses a malformed length itself
        }
    }

    /** Answered without {@code instance}: the path may be what was too long or malformed. */
    private void answer(RoutingContext context, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        BoundedUriTags.markRefused();
        context.response().setStatusCode(problem.status()).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
