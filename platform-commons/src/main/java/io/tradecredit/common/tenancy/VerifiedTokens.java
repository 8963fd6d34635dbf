package io.tradecredit.common.tenancy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer access tokens verified once, not on every call. An integration sends the same token for
 * its whole life (minutes), and checking its signature and parsing its JSON three times per request
 * was a fifth of the credit check's CPU. This provider runs before Quarkus OIDC's (higher priority)
 * and hands it every token it has not verified yet; what OIDC accepts is kept, keyed by the exact
 * token text, until the token's {@code exp}, and answered from memory until then. A token OIDC
 * refuses is never kept, so a refused or altered token is refused every time.
 *
 * <p>What it does not change: the checks OIDC makes on a token are the same (it makes them the
 * first time), roles and claims come from the verified token, and augmentors still run on every
 * request. Token life is wall-clock time, as the verifier reads it, not the business {@code Clock}:
 * a demo clock set in the past must not keep an expired token alive. The cache holds at most
 * {@code tradecredit.security.verified-tokens.max-size} tokens; when full, new tokens are verified
 * on every call until expired ones are dropped.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {
    /** Per-request attributes OIDC puts on an identity; replaced with the current request's. */
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String BLOCKING_API = AuthenticationRequestContext.class.getName();
    private static final long PURGE_EVERY_MILLIS = 1_000;

    private record Verified(SecurityIdentity identity, long expiresAtSecond) {
    }

    @Inject
    OidcIdentityProvider oidc;

    @ConfigProperty(name = "tradecredit.security.verified-tokens.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "tradecredit.security.verified-tokens.max-size", defaultValue = "2000")
    int maxSize;

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong verifications = new AtomicLong();
    private volatile long lastPurgeMillis;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Just before OIDC's provider, which it delegates to: the manager asks providers highest first. */
    @Override
    public int priority() {
        return oidc.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        // only bearer access tokens: ID tokens of a code flow carry session state of their own
        if (!enabled || !(request.getToken() instanceof AccessTokenCredential)) {
            return oidc.authenticate(request, context);
        }
        String token = request.getToken().getToken();
        long nowMillis = System.currentTimeMillis();
        Verified known = verified.get(token);
        if (known != null) {
            if (nowMillis / 1000 < known.expiresAtSecond()) {
                hits.incrementAndGet();
                return Uni.createFrom().item(forThisRequest(known.identity(), request));
            }
            verified.remove(token, known);
        }
        verifications.incrementAndGet();
        return oidc.authenticate(request, context).invoke(identity -> remember(token, identity, nowMillis));
    }

    /** Calls answered from memory since start. */
    public long hits() {
        return hits.get();
    }

    /** Calls whose token OIDC verified since start. */
    public long verifications() {
        return verifications.get();
    }

    private void remember(String token, SecurityIdentity identity, long nowMillis) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        if (verified.size() >= maxSize) {
            purgeExpired(nowMillis);
            if (verified.size() >= maxSize) {
                return;
            }
        }
        verified.put(token, new Verified(identity, jwt.getExpirationTime()));
    }

    private void purgeExpired(long nowMillis) {
        if (nowMillis - lastPurgeMillis < PURGE_EVERY_MILLIS) {
            return;
        }
        lastPurgeMillis = nowMillis;
        long nowSecond = nowMillis / 1000;
        verified.values().removeIf(v -> nowSecond >= v.expiresAtSecond());
    }

    /** The verified identity with this request's routing context in place of the first one's. */
    private static SecurityIdentity forThisRequest(SecurityIdentity identity, TokenAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null) {
            return identity;
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(ROUTING_CONTEXT, routing);
        Object blockingApi = routing.get(BLOCKING_API);
        if (blockingApi != null) {
            builder.addAttribute(BLOCKING_API, blockingApi);
        }
        return builder.build();
    }
}
