package io.tradecredit.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operations of a service that read a JSON request body, as its API description
 * ({@code /q/openapi}) declares them: what the contract sends a body to.
 */
public final class JsonBodyOperations {
    /** One operation: method, path with its path parameters filled in, and whether its body is a list. */
    public record Operation(String method, String path, boolean listBody) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private static final List<String> WRITES = List.of("post", "put", "patch");

    private JsonBodyOperations() {
    }

    /** Every POST, PUT and PATCH with an {@code application/json} body of objects, path parameters as fresh ids. */
    public static List<Operation> of(String token) {
        String text = given().auth().oauth2(token).get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        JsonNode api;
        try {
            api = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the API description is not JSON", e);
        }
        List<Operation> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : WRITES) {
                JsonNode schema = jsonSchema(path.getValue().path(method).path("requestBody").path("content"));
                if (schema == null) {
                    continue;
                }
                JsonNode resolved = resolve(api, schema);
                boolean list = "array".equals(resolved.path("type").asText());
                JsonNode items = list ? resolve(api, resolved.path("items")) : resolved;
                if (!"object".equals(items.path("type").asText()) && !items.has("properties")) {
                    continue; // a body of plain values has no fields to misspell
                }
                found.add(new Operation(method, path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString()),
                        list));
            }
        }
        return found;
    }

    /** The schema of a JSON body: {@code application/json}, another {@code +json} type, or any type (JSON by default). */
    private static JsonNode jsonSchema(JsonNode content) {
        for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext();) {
            Map.Entry<String, JsonNode> type = types.next();
            if (type.getKey().contains("json") || type.getKey().equals("*/*")) {
                return type.getValue().path("schema");
            }
        }
        return null;
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 5 && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asText(); // #/components/schemas/Name
            current = api.at(ref.substring(1));
        }
        return current;
    }
}
