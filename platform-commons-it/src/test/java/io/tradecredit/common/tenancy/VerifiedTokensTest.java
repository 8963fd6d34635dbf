package io.tradecredit.common.tenancy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Tokens;

/**
 * Tokens verified once are answered from memory, and only while they are valid: an expired or an
 * altered token is refused although a genuine one was accepted before, and each token keeps its own
 * tenant and roles.
 */
@QuarkusTest
class VerifiedTokensTest {
    @Inject
    VerifiedTokens tokens;

    @Test
    void aTokenIsVerifiedOnceThenAnsweredFromMemory() {
        String token = Tokens.tenant("acme").subject("once-" + System.nanoTime()).roles("finance").mint();
        long verifications = tokens.verifications();
        long hits = tokens.hits();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                    .body("tenantId", equalTo("acme"), "roles", hasItems("finance"));
        }
        assertEquals(1, tokens.verifications() - verifications, "verified by OIDC");
        assertEquals(2, tokens.hits() - hits, "answered from memory");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws InterruptedException {
        String token = Tokens.tenant("acme").subject("short-lived").roles("finance").expiresIn(2).mint();
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        long expiry = Long.parseLong(claim(token, "exp"));
        while (System.currentTimeMillis() / 1000 <= expiry) {
            Thread.sleep(200);
        }
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void anAlteredTokenIsRefusedEveryTime() {
        String genuine = Tokens.tenant("acme").subject("genuine").roles("finance").mint();
        given().auth().oauth2(genuine).get("/api/v1/me").then().statusCode(200).body("tenantId", equalTo("acme"));
        // the same signature over a payload that claims another tenant
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"acme\"", "\"globex\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        long verifications = tokens.verifications();
        given().auth().oauth2(forged).get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(forged).get("/api/v1/me").then().statusCode(401);
        assertEquals(2, tokens.verifications() - verifications, "a refused token is never remembered");
        given().auth().oauth2(genuine).get("/api/v1/me").then().statusCode(200).body("tenantId", equalTo("acme"));
    }

    @Test
    void eachRememberedTokenKeepsItsOwnTenantAndRoles() {
        String acmeViewer = Tokens.tenant("acme").subject("viewer").roles("viewer").mint();
        String globexAdmin = Tokens.tenant("globex").subject("admin").roles("tenant-admin").mint();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(acmeViewer).get("/api/v1/me").then().statusCode(200)
                    .body("tenantId", equalTo("acme"), "subject", equalTo("viewer"));
            given().auth().oauth2(globexAdmin).get("/api/v1/me").then().statusCode(200)
                    .body("tenantId", equalTo("globex"), "subject", equalTo("admin"));
            // the remembered roles still decide: a viewer may not create
            given().auth().oauth2(acmeViewer).contentType(ContentType.JSON).body("{\"name\":\"bolt\",\"quantity\":1}")
                    .post("/api/v1/widgets").then().statusCode(403);
        }
    }

    private static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"" + name + "\":\\s*\"?([^,\"}]+).*", "$1");
    }
}
