package io.tradecredit.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * What an integrator generating a client from {@code /q/openapi} relies on, checked in every
 * service (its chassis test runs it through {@link ServiceChassisContract}): the document is valid
 * OpenAPI 3; every operation documents its success status, the problem answers that apply and its
 * bearer token; {@code Money} is described as it is on the wire; real answers (problems, and the
 * money-bearing calls a service names in {@link #callsAnsweringMoney()}) match what is described;
 * and each resource method is described as it is declared ({@link ApiDescriptionOfResources}).
 */
public interface ApiDescriptionContract {
    ObjectMapper JSON = new ObjectMapper();

    /** A call (one of a service's calls, at least one of them answering money), and the operation that describes it. */
    record DocumentedCall(String method, String documentedPath, Supplier<Response> call) {
    }

    /** The service's calls answering money; each answer is validated against the description. */
    default List<DocumentedCall> callsAnsweringMoney() {
        return List.of();
    }

    static JsonNode apiDescription() {
        String text = given().auth().oauth2(Tokens.tenant("acme").roles("viewer").mint())
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("the API description is not JSON", e);
        }
    }

    /** Also leaves the served document in {@code target/openapi.json}, for a look or a stored copy. */
    @Test
    default void apiDescriptionIsValidOpenApi3() throws java.io.IOException {
        JsonNode document = apiDescription();
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
        assertTrue(document.path("openapi").asText().startsWith("3."), "openapi version");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.toString(), null, options);
        assertNotNull(parsed.getOpenAPI(), "parsed");
        assertEquals(List.of(), parsed.getMessages() == null ? List.of() : parsed.getMessages(),
                "OpenAPI validation messages");
    }

    @Test
    default void everyOperationDocumentsItsSuccessItsProblemsAndItsToken() {
        JsonNode document = apiDescription();
        JsonNode schemes = document.path("components").path("securitySchemes");
        List<String> wrong = new ArrayList<>();
        forEachOperation(document, (key, operation) -> wrong.addAll(ApiDescriptionChecks.operation(key, operation, schemes)));
        assertEquals(List.of(), wrong);
    }

    @Test
    default void resourceMethodsAreDescribedAsDeclared() {
        assertEquals(List.of(), ApiDescriptionOfResources.mismatches(apiDescription(), getClass().getPackageName(),
                resourceClasses()));
    }

    /**
     * The classes whose resources the description must declare as they are: the module's own main classes; a module
     * that tests another's (platform-commons-it, the chassis') names them with {@link ServiceArchitecture#classesOf}.
     */
    default JavaClasses resourceClasses() {
        return ServiceArchitecture.mainClasses();
    }

    @Test
    default void moneyIsDescribedAsItIsOnTheWire() {
        JsonNode document = apiDescription();
        assertTrue(document.path("components").path("schemas").has("Money"), "a Money schema");
        String money = "#/components/schemas/Money";
        assertEquals(List.of(), ApiDescriptionChecks.validate(document, ref(money),
                "{\"amount\":\"1234.50\",\"currency\":\"CNY\"}"));
        assertEquals(List.of(), ApiDescriptionChecks.validate(document, ref(money), "{\"amount\":\"-7\",\"currency\":\"JPY\"}"));
        for (String notMoney : List.of("{\"amount\":1234.5,\"currency\":\"CNY\"}", "{\"amount\":\"1234.50\"}",
                "{\"currency\":\"CNY\"}", "{\"amount\":\"12,34\",\"currency\":\"CNY\"}",
                "{\"amount\":\"1.00\",\"currency\":\"cny\"}",
                "{\"amount\":\"1.00\",\"currency\":{\"currencyCode\":\"CNY\",\"symbol\":\"CN¥\"}}")) {
            assertFalse(ApiDescriptionChecks.validate(document, ref(money), notMoney).isEmpty(),
                    "the Money schema accepts " + notMoney);
        }
    }

    /**
     * Jackson writes an absent member as {@code null}: every member a schema does not require must accept it, or
     * a client validating answers against the description refuses them. Not the chassis' problem (and its field
     * errors), which is written without its absent members.
     */
    @Test
    default void everyOptionalMemberAcceptsNull() {
        JsonNode document = apiDescription();
        List<String> refusing = new ArrayList<>();
        document.path("components").path("schemas").fields().forEachRemaining(schema -> {
            if (List.of("Problem", "FieldError").contains(schema.getKey())) {
                return;
            }
            List<String> required = new ArrayList<>();
            schema.getValue().path("required").forEach(r -> required.add(r.asText()));
            schema.getValue().path("properties").fields().forEachRemaining(member -> {
                if (!required.contains(member.getKey())
                        && !ApiDescriptionChecks.validate(document, member.getValue(), "null").isEmpty()) {
                    refusing.add(schema.getKey() + "." + member.getKey() + " " + member.getValue());
                }
            });
        });
        assertEquals(List.of(), refusing, "optional members whose schema refuses null");
    }

    @Test
    default void problemAnswersMatchTheDescribedProblem() {
        JsonNode document = apiDescription();
        JsonNode problem = ref("#/components/schemas/Problem");
        String viewer = Tokens.tenant("acme").roles("viewer").mint();
        Map<String, Response> answers = Map.of(
                "400", given().auth().oauth2(viewer).urlEncodingEnabled(false).get("/api/v1/me?name=a%00b"),
                "401", given().get("/api/v1/me"),
                "404", given().auth().oauth2(viewer).get("/api/v1/does-not-exist"),
                "415", given().auth().oauth2(viewer).contentType("text/plain").body("x").post("/api/v1/me"));
        answers.forEach((status, answer) -> {
            assertEquals(status, Integer.toString(answer.statusCode()));
            assertEquals("application/problem+json", answer.contentType());
            assertEquals(List.of(), ApiDescriptionChecks.validate(document, problem, answer.asString()),
                    status + ": " + answer.asString());
        });
        assertFalse(answers.get("400").jsonPath().getList("errors").isEmpty(), "a 400 names its fields");
    }

    /** Every body described as required is: sent empty or {@code null}, it answers 400 naming it. */
    @Test
    default void aRequiredBodySentEmptyAnswers400() {
        JsonNode document = apiDescription();
        // every role of the realm, the partner agency's included (its doors take bodies too)
        String everyRole = Tokens.tenant("acme").agency("swiftcollect")
                .roles("tenant-admin", "credit-manager", "collector", "finance", "viewer", "platform-ops", "agency").mint();
        List<String> wrong = new ArrayList<>();
        forEachOperation(document, (key, operation) -> {
            if (!operation.path("requestBody").path("required").asBoolean(false)) {
                return;
            }
            String method = key.substring(0, key.indexOf(' '));
            String path = key.substring(key.indexOf(' ') + 1).replaceAll("\\{[^}]+}", java.util.UUID.randomUUID().toString());
            for (String body : List.of("", "null")) {
                Response answer = given().auth().oauth2(everyRole).contentType("application/json").body(body)
                        .request(method, path);
                if (answer.statusCode() != 400 || !"application/problem+json".equals(answer.contentType())
                        || answer.jsonPath().getList("errors") == null || answer.jsonPath().getList("errors").isEmpty()) {
                    wrong.add(key + " with body '" + body + "' answered " + answer.statusCode() + " " + answer.asString());
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    default void answersWithMoneyMatchTheirDescription() {
        JsonNode document = apiDescription();
        boolean carriesMoney = callsAnsweringMoney().isEmpty();
        for (DocumentedCall call : callsAnsweringMoney()) {
            JsonNode operation = document.path("paths").path(call.documentedPath()).path(call.method().toLowerCase());
            assertFalse(operation.isMissingNode(), call.method() + " " + call.documentedPath() + " is described");
            Response answer = call.call().get();
            String status = Integer.toString(answer.statusCode());
            JsonNode described = operation.path("responses").path(status);
            assertFalse(described.isMissingNode(), call.method() + " " + call.documentedPath() + " answered " + status
                    + ", which is not described: " + answer.asString());
            JsonNode schema = described.path("content").path("application/json").path("schema");
            assertFalse(schema.isMissingNode(), "a schema for " + status);
            carriesMoney |= answer.asString().contains("\"amount\"");
            assertEquals(List.of(), ApiDescriptionChecks.validate(document, schema, answer.asString()),
                    call.method() + " " + call.documentedPath() + " " + status + ": " + answer.asString());
        }
        assertTrue(carriesMoney, "one of the answers carries money");
    }

    private static JsonNode ref(String pointer) {
        return JSON.createObjectNode().put("$ref", pointer);
    }

    private static void forEachOperation(JsonNode document, java.util.function.BiConsumer<String, JsonNode> visit) {
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                if (ApiDescriptionChecks.HTTP_METHODS.contains(op.getKey())) {
                    visit.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                }
            });
        }
    }
}
