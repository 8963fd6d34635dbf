package io.tradecredit.common.tenancy;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import io.tradecredit.common.errors.ProblemException;

/**
 * Who is calling, in the platform's terms: the tenant (selling enterprise) from the token's
 * {@code tenant_id} claim, the roles, and for partner agencies the {@code agency_code}.
 */
@RequestScoped
public class TenantContext {
    public static final String TENANT_CLAIM = "tenant_id";
    public static final String AGENCY_CLAIM = "agency_code";

    @Inject
    SecurityIdentity identity;

    /** The caller's tenant; a token without one is refused (403), never defaulted. */
    public String id() {
        return tenantOf(identity).orElseThrow(() -> ProblemException.forbidden(
                "The access token carries no tenant_id claim; tenant-scoped endpoints need one."));
    }

    /** The tenant if the token has one; for endpoints that also serve platform operators. */
    public Optional<String> tenantIfAny() {
        return tenantOf(identity);
    }

    public Optional<String> agencyCode() {
        return claim(identity, AGENCY_CLAIM);
    }

    public String subject() {
        return identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public static Optional<String> tenantOf(SecurityIdentity identity) {
        return claim(identity, TENANT_CLAIM);
    }

    private static Optional<String> claim(SecurityIdentity identity, String name) {
        if (identity == null || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        // JsonWebToken.getClaim(name) first tries Claims.valueOf(name), which throws for every custom
        // claim (tenant_id, agency_code): an exception with a full stack trace per lookup, several
        // per request. The verified claim set answers directly.
        Object value = jwt instanceof OidcJwtCallerPrincipal oidc ? oidc.getClaims().getClaimValue(name)
                : jwt.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
