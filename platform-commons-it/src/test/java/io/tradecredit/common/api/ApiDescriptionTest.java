package io.tradecredit.common.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClasses;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import io.tradecredit.testing.ApiDescriptionContract;
import io.tradecredit.testing.ServiceArchitecture;
import io.tradecredit.testing.Tokens;

/**
 * The chassis' API description filter on the widget application: what a method declares
 * ({@code @ResponseStatus}, {@code @Refuses}) and what it takes decide what is described; the
 * whole contract the services pass runs here too.
 */
@QuarkusTest
class ApiDescriptionTest implements ApiDescriptionContract {

    /** The chassis' own resources in this package ({@code /me}): platform-commons' classes, this module has none. */
    @Override
    public JavaClasses resourceClasses() {
        return ServiceArchitecture.classesOf(MeResource.class);
    }

    @Override
    public List<DocumentedCall> callsAnsweringMoney() {
        return List.of(new DocumentedCall("POST", "/api/v1/stored-input", () -> given()
                .auth().oauth2(Tokens.tenant("acme").roles("tenant-admin").mint()).contentType(ContentType.JSON)
                .body(Map.of("amount", Map.of("amount", "12.50", "currency", "EUR"))).post("/api/v1/stored-input")));
    }

    @Test
    void aCreatingPostIsDescribedWithItsDeclared201AndItsBody() {
        JsonNode responses = ApiDescriptionContract.apiDescription().path("paths").path("/api/v1/widgets")
                .path("post").path("responses");
        assertFalse(responses.has("200"), "no 200: " + responses);
        assertEquals("#/components/schemas/WidgetView",
                responses.path("201").path("content").path("application/json").path("schema").path("$ref").asText());
        given().auth().oauth2(Tokens.tenant("acme").roles("tenant-admin").mint()).contentType(ContentType.JSON)
                .body(Map.of("name", "bolt", "quantity", 1)).post("/api/v1/widgets").then().statusCode(201);
    }

    @Test
    void aDeclaredRefusalIsDescribedAsAProblem() {
        JsonNode conflict = ApiDescriptionContract.apiDescription().path("paths").path("/api/v1/widgets")
                .path("post").path("responses").path("409");
        assertTrue(conflict.path("description").asText().startsWith("failAfterEvent"), conflict.toString());
        assertEquals("#/components/schemas/Problem", conflict.path("content").path("application/problem+json")
                .path("schema").path("$ref").asText());
    }

    @Test
    void theProblemsDescribedFollowWhatTheOperationTakes() {
        JsonNode paths = ApiDescriptionContract.apiDescription().path("paths");
        JsonNode get = paths.path("/api/v1/widgets/{id}").path("get").path("responses");
        JsonNode post = paths.path("/api/v1/widgets").path("post").path("responses");
        JsonNode me = paths.path("/api/v1/me").path("get").path("responses");
        assertTrue(get.has("404") && get.has("400") && get.has("401") && get.has("403"), get.toString());
        assertFalse(get.has("415") || get.has("422"), "a GET takes no body and no key: " + get);
        assertTrue(post.has("415") && post.has("422") && post.has("400"), post.toString());
        assertFalse(post.has("404"), "no id in the path: " + post);
        assertTrue(me.has("400"), "takes nothing, so any query parameter is refused: " + me);
        assertFalse(me.has("404"), "no id in the path: " + me);
    }
}
