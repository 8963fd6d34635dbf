package io.tradecredit.common.errors;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The 401 of the HTTP security layer is a problem+json answer too. REST endpoints refuse in the
 * REST layer ({@link ProblemMappers}), but paths guarded by an HTTP permission ({@code /q/openapi},
 * {@code /q/swagger-ui}) are refused before any resource, by the highest-priority mechanism's
 * challenge, which would be a bare 401. This mechanism authenticates nobody (OIDC's, next in
 * line, does); it only answers the challenge, with {@code WWW-Authenticate: Bearer} and a body.
 */
@ApplicationScoped
public class ProblemChallenge implements HttpAuthenticationMechanism {
    static final int PRIORITY = DEFAULT_PRIORITY + 1000;
    private static final ChallengeData BEARER = new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");

    @Inject
    ObjectMapper json;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        return Uni.createFrom().nullItem(); // OIDC's mechanism reads the token
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(BEARER);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (!response.ended()) {
            String detail = context.request().getHeader(HttpHeaderNames.AUTHORIZATION) == null
                    ? "A valid bearer token is required." : "The bearer token is invalid or expired.";
            Problem problem = Problem.of(jakarta.ws.rs.core.Response.Status.UNAUTHORIZED, detail)
                    .withInstance(context.normalizedPath());
            response.setStatusCode(401).putHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer")
                    .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE).end(write(problem));
        }
        return Uni.createFrom().item(true);
    }

    String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
