package io.tradecredit.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints access tokens signed with the test OIDC server's key ({@code privateKey.jwk}, published by
 * {@code OidcWiremockTestResource}), shaped like Keycloak's: roles in {@code realm_access.roles},
 * {@code tenant_id} and {@code agency_code} claims.
 *
 * <pre>{@code given().auth().oauth2(Tokens.tenant("acme").roles("finance").mint())}</pre>
 */
public final class Tokens {
    public static final String ISSUER = "https://server.example.com";
    /** The audience the platform's tokens carry (Keycloak's audience mapper; quarkus.oidc.token.audience). */
    public static final String AUDIENCE = "tradecredit-api";

    private final String tenant;
    private String subject = "tester";
    private List<String> roles = List.of();
    private String agencyCode;
    private long expiresInSeconds = 300;
    private String audience = AUDIENCE;

    private Tokens(String tenant) {
        this.tenant = tenant;
    }

    /** A token for a user of {@code tenant}. */
    public static Tokens tenant(String tenant) {
        return new Tokens(tenant);
    }

    /** A token without tenant, e.g. a platform operator's. */
    public static Tokens noTenant() {
        return new Tokens(null);
    }

    public Tokens roles(String... realmRoles) {
        this.roles = List.of(realmRoles);
        return this;
    }

    public Tokens subject(String user) {
        this.subject = user;
        return this;
    }

    public Tokens agency(String code) {
        this.agencyCode = code;
        return this;
    }

    /** A token issued for another client (e.g. {@code admin-cli}): the platform must refuse it. */
    public Tokens audience(String otherAudience) {
        this.audience = otherAudience;
        return this;
    }

    public Tokens expiresIn(long seconds) {
        this.expiresInSeconds = seconds;
        return this;
    }

    public String mint() {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(subject).preferredUserName(subject)
                .audience(audience).claim("typ", "Bearer");
        Map<String, Object> realmAccess = new LinkedHashMap<>();
        realmAccess.put("roles", roles);
        claims.claim("realm_access", realmAccess);
        if (tenant != null) {
            claims.claim("tenant_id", tenant);
        }
        if (agencyCode != null) {
            claims.claim("agency_code", agencyCode);
        }
        return claims.expiresIn(expiresInSeconds).jws().keyId("1").sign("privateKey.jwk");
    }
}
