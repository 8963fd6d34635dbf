package io.tradecredit.common.api;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.tradecredit.common.errors.Problem;

/**
 * Makes the API description say what the operations answer, the same way in every service:
 * <ul>
 * <li>a request body as required exactly when the method's body parameter is {@code @NotNull} (then an
 * empty or {@code null} body answers 400 naming it); the scanner calls every body required;</li>
 * <li>the success status a method declares with {@code @ResponseStatus} (201 for a creating POST,
 * 204 for a delete) in place of the 200 the scanner assumes for a {@code RestResponse};</li>
 * <li>the problems the chassis answers on every operation, as {@code application/problem+json}
 * with the {@code Problem} schema: 400 (a body or parameter, each wrong field named; a query parameter
 * the operation does not take, {@link TypedQueryParams}; a malformed URI), 401, 403,
 * 404 (an id in the path: absent or another tenant's), 415 (a body that is not JSON), 422 (an
 * {@code Idempotency-Key} reused with another request); and any other 4xx or 5xx an operation
 * documents itself, or declares with {@link Refuses} (a rule's 409 or 422), gets the same body;</li>
 * <li>the bearer token requirement on every operation;</li>
 * <li>that a member of a response or request type the schema does not list as required may be
 * {@code null}: Jackson writes an absent value as {@code null}, and a client generated from the
 * description must accept it.</li>
 * </ul>
 * {@code Money}'s schema is set where the chassis settings are ({@code mp.openapi.schema.*}).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class OperationsInApiDescription implements OASFilter {
    static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final String SECURITY_SCHEME = "SecurityScheme";

    private static final Map<String, String> STANDARD = Map.of(
            "400", "The request is invalid: errors names every wrong field; nothing was changed",
            "401", "A valid bearer token (OIDC, audience tradecredit-api) is required",
            "403", "The token's roles or tenant do not allow this operation",
            "404", "No such resource for the caller's tenant (another tenant's answers the same)",
            "415", "The body is not application/json",
            "422", "The Idempotency-Key was used before with a different request");
    private static final List<String> OWN_SCHEMAS = List.of("Money", "Problem", "FieldError");
    /** What the scanner writes when it knows nothing more: replaced by what the chassis answers. */
    private static final List<String> GENERIC = List.of("Bad Request", "Not Authorized", "Not Allowed", "Not Found");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().forEach((name, schema) -> {
                if (!OWN_SCHEMAS.contains(name)) {
                    optionalMembersMayBeNull(schema);
                }
            });
        }
        openAPI.getComponents().addSchema("FieldError", fieldErrorSchema());
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Method> methods = ResourceMethods.byOperation();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach(
                (httpMethod, operation) -> describe(operation, methods.get(ResourceMethods.key(httpMethod, path)))));
    }

    private static void describe(Operation operation, Method method) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        ResponseStatus declared = method == null ? null : method.getAnnotation(ResponseStatus.class);
        if (declared != null) {
            successIs(responses, declared.value());
        }
        if (method != null && operation.getRequestBody() != null) {
            operation.getRequestBody().setRequired(ResourceMethods.bodyIsRequired(method));
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        problem(responses, "400");
        problem(responses, "401");
        problem(responses, "403");
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            problem(responses, "404");
        }
        if (body) {
            problem(responses, "415");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && Idempotency.HEADER.equals(p.getName()))) {
            problem(responses, "422");
        }
        for (Refuses refusal : method == null ? new Refuses[0] : method.getAnnotationsByType(Refuses.class)) {
            String code = Integer.toString(refusal.status());
            APIResponse known = responses.getAPIResponse(code);
            if (known == null) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().description(refusal.when()));
            } else {
                known.setDescription(known.getDescription() + "; or " + refusal.when());
            }
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            }
        });
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME));
        }
    }

    private static void optionalMembersMayBeNull(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, member) -> {
            if (!required.contains(name)) {
                mayBeNull(member);
            }
        });
    }

    private static void mayBeNull(Schema member) {
        if (member.getRef() != null) {
            Schema referenced = OASFactory.createSchema().ref(member.getRef());
            member.setRef(null);
            member.setAnyOf(List.of(referenced, OASFactory.createSchema().addType(SchemaType.NULL)));
            // a described reference (@Schema(description) on a record or enum member) comes with a type beside it,
            // "object" or "string": left there, it refused the null the anyOf allows (a case file, a deadline's
            // metBy, a policy's deductible amount answered null failed their own description)
            member.setType(null);
        } else if (member.getType() != null && !member.getType().isEmpty() && !member.getType().contains(SchemaType.NULL)) {
            member.addType(SchemaType.NULL);
            if (member.getEnumeration() != null && member.getEnumeration().stream().noneMatch(v -> v == null)) {
                member.addEnumeration(null);
            }
        }
    }

    /** The scanner documents a {@code RestResponse} as 200; the method says what it really answers. */
    private static void successIs(APIResponses responses, int status) {
        String code = Integer.toString(status);
        APIResponse assumed = responses.getAPIResponse("200");
        if (status == 200 || responses.hasAPIResponse(code)) {
            return;
        }
        APIResponse real = assumed == null ? OASFactory.createAPIResponse() : assumed;
        real.setDescription(switch (status) {
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            default -> real.getDescription();
        });
        if (status == 204) {
            real.setContent(null);
        }
        responses.removeAPIResponse("200");
        Map<String, APIResponse> ordered = new LinkedHashMap<>();
        ordered.put(code, real);
        ordered.putAll(responses.getAPIResponses());
        responses.setAPIResponses(ordered);
    }

    private static void problem(APIResponses responses, String code) {
        APIResponse existing = responses.getAPIResponse(code);
        if (existing == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(STANDARD.get(code)));
        } else if (existing.getDescription() == null || GENERIC.contains(existing.getDescription())) {
            existing.setDescription(STANDARD.get(code));
        }
    }

    /** {@link Problem} as it is written ({@code @JsonInclude(NON_EMPTY)}: absent members are left out). */
    static Schema problemSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details. errors lists every wrong field of a refused request;"
                        + " code is the stable code of the rule that refused it.")
                .required(List.of("type", "title", "status"))
                .addProperty("type", string().format("uri").description("about:blank unless a type is given"))
                .addProperty("title", string().description("The HTTP status' reason phrase"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", string().description("What went wrong, for a person"))
                .addProperty("instance", string().description("The path of the request"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .addProperty("code", string().description("e.g. dispute.already-resolved"));
    }

    static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT).required(List.of("field", "message"))
                .addProperty("field", string().description("JSON path of the field, query parameter or header,"
                        + " e.g. lines[0].quantity"))
                .addProperty("message", string())
                .additionalPropertiesBoolean(Boolean.FALSE);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }
}
