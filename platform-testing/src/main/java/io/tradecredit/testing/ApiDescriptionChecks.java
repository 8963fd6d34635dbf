package io.tradecredit.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The checks of {@link ApiDescriptionContract} on one operation, and JSON validation against the description. */
final class ApiDescriptionChecks {
    static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private ApiDescriptionChecks() {
    }

    /** What is wrong with one operation's description ({@code key} is e.g. {@code POST /api/v1/invoices}). */
    static List<String> operation(String key, JsonNode operation, JsonNode securitySchemes) {
        List<String> wrong = new ArrayList<>();
        JsonNode responses = operation.path("responses");
        boolean success = false;
        for (var codes = responses.fieldNames(); codes.hasNext();) {
            String code = codes.next();
            success |= code.startsWith("2");
            // an answer with a body says what it is (an explicit @APIResponse without content hid it from clients)
            if (code.startsWith("2") && !code.equals("204") && responses.path(code).path("content").isEmpty()) {
                wrong.add(key + " " + code + " does not describe its body");
            }
            if (code.startsWith("4") || code.startsWith("5")) {
                String schema = responses.path(code).path("content").path("application/problem+json")
                        .path("schema").path("$ref").asText();
                if (!schema.equals("#/components/schemas/Problem")) {
                    wrong.add(key + " " + code + " is not described as application/problem+json Problem");
                }
            }
        }
        if (!success) {
            wrong.add(key + " describes no success status");
        }
        boolean body = operation.has("requestBody");
        boolean pathId = false;
        boolean idempotencyKey = false;
        for (JsonNode parameter : operation.path("parameters")) {
            pathId |= "path".equals(parameter.path("in").asText());
            idempotencyKey |= "header".equals(parameter.path("in").asText())
                    && "Idempotency-Key".equals(parameter.path("name").asText());
        }
        expect(wrong, key, responses, "401", true);
        expect(wrong, key, responses, "403", true);
        expect(wrong, key, responses, "400", true); // a query parameter it does not take, a malformed URI
        expect(wrong, key, responses, "404", pathId);
        expect(wrong, key, responses, "415", body);
        expect(wrong, key, responses, "422", idempotencyKey);
        boolean token = false;
        for (JsonNode requirement : operation.path("security")) {
            for (var names = requirement.fieldNames(); names.hasNext();) {
                JsonNode scheme = securitySchemes.path(names.next());
                // a bearer token, or a signature header for a system that calls without one (a signed callback)
                token |= "bearer".equalsIgnoreCase(scheme.path("scheme").asText())
                        || "openIdConnect".equals(scheme.path("type").asText())
                        || "apiKey".equals(scheme.path("type").asText()) && "header".equals(scheme.path("in").asText());
            }
        }
        if (!token) {
            wrong.add(key + " does not say it needs a bearer token (or a signature header)");
        }
        return wrong;
    }

    private static void expect(List<String> wrong, String key, JsonNode responses, String code, boolean applies) {
        if (applies && !responses.has(code)) {
            wrong.add(key + " does not describe its " + code);
        }
    }

    /**
     * The messages of validating {@code json} against {@code schema} (e.g. {@code {"$ref":
     * "#/components/schemas/Money"}}), with the description's component schemas as definitions.
     */
    static List<String> validate(JsonNode document, JsonNode schema, String json) {
        try {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("$defs", document.path("components").path("schemas"));
            root.setAll((ObjectNode) schema.deepCopy());
            JsonNode rooted = JSON.readTree(root.toString().replace("#/components/schemas/", "#/$defs/"));
            Set<ValidationMessage> messages = SCHEMAS.getSchema(rooted).validate(JSON.readTree(json));
            return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
