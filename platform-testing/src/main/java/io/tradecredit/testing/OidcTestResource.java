package io.tradecredit.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The Quarkus OIDC test server (WireMock serving discovery and the signing keys) wired as the
 * services' token issuer. Tokens come from {@link Tokens}.
 */
public class OidcTestResource extends OidcWiremockTestResource {
    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("quarkus.oidc.auth-server-url", config.get("keycloak.url") + "/realms/quarkus");
        config.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
        return config;
    }
}
