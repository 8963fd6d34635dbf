package io.tradecredit.common.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.RawHttp;
import io.tradecredit.testing.Tokens;

/** What the HTTP layer refuses before any resource runs is answered with problem+json too. */
@QuarkusTest
class HttpLayerProblemsTest {
    static final String VIEWER = Tokens.tenant("acme").roles("viewer").mint();

    @Test
    void hugeHeadersAnswer431Problem() {
        given().header("X-Padding", "x".repeat(100_000)).get("/api/v1/me")
                .then().statusCode(431).contentType("application/problem+json")
                .body("status", equalTo(431), "title", equalTo("Request Header Fields Too Large"),
                        "detail", containsString("at most 20480"));
    }

    @Test
    void aHugeQueryStringAnswers414Problem() {
        given().auth().oauth2(VIEWER).get("/api/v1/me?q=" + "y".repeat(10_000))
                .then().statusCode(414).contentType("application/problem+json")
                .body("status", equalTo(414), "title", equalTo("URI Too Long"), "detail", containsString("4096"));
    }

    @Test
    void aBodyLargerThanTheLimitAnswers413Problem() {
        given().auth().oauth2(Tokens.tenant("acme").roles("tenant-admin").mint()).contentType(ContentType.JSON)
                .body("{\"note\":\"" + "z".repeat(11 * 1024 * 1024) + "\"}").post("/api/v1/stored-input")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void aMalformedPercentEscapeAnswers400ProblemNamingWhere() {
        String inQuery = RawHttp.get("/api/v1/me?q=%zz", VIEWER);
        assertTrue(inQuery.startsWith("HTTP/1.1 400"), inQuery);
        assertTrue(inQuery.toLowerCase().contains("content-type: application/problem+json"), inQuery);
        assertTrue(inQuery.contains("\"detail\":\"The request URI is malformed (Malformed escape pair at index 13)"),
                inQuery);

        String inPath = RawHttp.get("/api/v1/invoices/%g1", VIEWER);
        assertTrue(inPath.startsWith("HTTP/1.1 400"), inPath);
        assertTrue(inPath.contains("\"status\":400") && inPath.contains("at index 17"), inPath);
    }

    @Test
    void theApiDescriptionWithoutATokenAnswers401Problem() {
        for (String path : new String[] {"/q/openapi", "/q/openapi.json", "/q/swagger-ui"}) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("status", equalTo(401), "title", equalTo("Unauthorized"),
                            "detail", containsString("bearer token is required"));
        }
        given().auth().oauth2("not-a-token").get("/q/openapi").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("invalid or expired"));
    }

    @Test
    void aPathForbiddenByAnHttpPermissionAnswers403Problem() {
        given().auth().oauth2(VIEWER).get("/q/ops-probe").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403), "title", equalTo("Forbidden"));
    }

    @Test
    void requestsWithinTheLimitsAreServedAsBefore() {
        given().auth().oauth2(VIEWER).header("X-Padding", "x".repeat(10_000)).get("/api/v1/me")
                .then().statusCode(200).body("tenantId", equalTo("acme"));
        // a request line within the limit reaches the operation (which refuses the parameter it does not take)
        given().auth().oauth2(VIEWER).get("/api/v1/me?q=" + "y".repeat(1_000))
                .then().statusCode(400).body("errors.field", contains("q"));
    }
}
