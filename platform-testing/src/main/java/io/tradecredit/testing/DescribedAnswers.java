package io.tradecredit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.authentication.OAuth2Scheme;
import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * A REST Assured filter that holds every successful JSON answer to the service's own description: the
 * operation {@code /q/openapi} gives for the request's method and path, and the schema it describes for the
 * answer's status. An answer unlike its description fails the call that got it, naming what differs (the
 * description is an integrator's contract; issue 15's scenarios make most of the calls an ERP, a credit
 * manager or a collector makes, so they check it on the answers users get).
 */
public final class DescribedAnswers implements Filter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> DESCRIPTIONS = new ConcurrentHashMap<>();

    public static final DescribedAnswers INSTANCE = new DescribedAnswers();

    private DescribedAnswers() {
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response answer = context.next(request, responseSpec);
        String type = answer.getContentType();
        if (answer.statusCode() / 100 != 2 || type == null || !type.startsWith("application/json")
                || request.getDerivedPath().startsWith("/q/")) {
            return answer;
        }
        JsonNode description = DESCRIPTIONS.computeIfAbsent(request.getBaseUri(), base -> describe(base, bearer(request)));
        List<String> wrong = wrong(description, request.getMethod(), request.getDerivedPath(), answer.statusCode(),
                answer.asString());
        if (!wrong.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + request.getDerivedPath() + " answered "
                    + answer.statusCode() + " unlike its description: " + wrong + "\n" + answer.asString());
        }
        return answer;
    }

    /** What differs between an answer and the operation's description of it (empty when they agree). */
    static List<String> wrong(JsonNode description, String method, String path, int status, String body) {
        String template = operationOf(description, method, path);
        if (template == null) {
            return List.of("no operation " + method + " " + path + " is described");
        }
        JsonNode described = description.path("paths").path(template).path(method.toLowerCase())
                .path("responses").path(Integer.toString(status));
        if (described.isMissingNode()) {
            return List.of("status " + status + " is not described for " + method + " " + template);
        }
        JsonNode schema = described.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return List.of("no application/json answer is described for " + method + " " + template);
        }
        return ApiDescriptionChecks.validate(description, schema, body);
    }

    /**
     * The described path that {@code path} is an instance of; a path without parameters wins over one with. A
     * trailing slash is the server's leniency, not another operation: {@code /claims/} is {@code /claims}.
     */
    static String operationOf(JsonNode description, String method, String requested) {
        String path = requested.length() > 1 && requested.endsWith("/")
                ? requested.substring(0, requested.length() - 1) : requested;
        List<String> templates = new ArrayList<>();
        description.path("paths").fieldNames().forEachRemaining(templates::add);
        templates.sort((a, b) -> Long.compare(a.chars().filter(c -> c == '{').count(), b.chars().filter(c -> c == '{').count()));
        for (String template : templates) {
            String regex = "^" + Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "$";
            if (path.matches(regex) && description.path("paths").path(template).has(method.toLowerCase())) {
                return template;
            }
        }
        return null;
    }

    /** The call's own token: {@code auth().oauth2(token)} puts it on the request after the filters have run. */
    private static String bearer(FilterableRequestSpecification request) {
        String header = request.getHeaders().getValue("Authorization");
        if (header == null && request.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme preemptive) {
            header = "Bearer " + preemptive.getAccessToken();
        } else if (header == null && request.getAuthenticationScheme() instanceof OAuth2Scheme oauth2) {
            header = "Bearer " + oauth2.getAccessToken();
        }
        if (header == null) {
            throw new AssertionError("DescribedAnswers needs a call with a bearer token to read the description");
        }
        return header;
    }

    private static JsonNode describe(String baseUri, String authorization) {
        String text = RestAssured.given().baseUri(baseUri).header("Authorization", authorization)
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("the API description of " + baseUri + " is not JSON", e);
        }
    }
}
