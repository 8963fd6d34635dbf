package io.tradecredit.devstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The running platform's public REST APIs as its users call them: a bearer token from the platform's
 * Keycloak per user (password grant of the demo client {@code tradecredit-cli}, or the ERP's client
 * credentials), fetched again before it expires (access tokens live 30 minutes).
 */
public final class PlatformApi {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The services of {@code ./platform up} and their ports. */
    static final Map<String, Integer> PORTS = Map.of("invoice-service", 8081, "credit-service", 8082,
            "collections-service", 8083, "insurance-claims-service", 8084, "notification-service", 8085);
    /** The ERP's machine integration: client credentials, roles finance and credit-manager. */
    public static final String ERP = "acme-integration";

    private final String host;
    private final String tokenUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAfter) {
    }

    /** What a call answered: its status and its body read as JSON (null when empty or not JSON). */
    public record Answer(int status, JsonNode body, String text) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    public PlatformApi(String host, int keycloakPort) {
        this.host = host;
        this.tokenUrl = "http://" + host + ":" + keycloakPort + "/realms/tradecredit/protocol/openid-connect/token";
    }

    public String url(String service) {
        Integer port = PORTS.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no service " + service);
        }
        return "http://" + host + ":" + port;
    }

    public String tokenUrl() {
        return tokenUrl;
    }

    public Answer get(String user, String service, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(url(service) + path)).GET());
    }

    public Answer post(String user, String service, String path, Object body) {
        return send(user, HttpRequest.newBuilder(URI.create(url(service) + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Answer put(String user, String service, String path, Object body) {
        return send(user, HttpRequest.newBuilder(URI.create(url(service) + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** A call without a token, with the headers given (the insurer's signed callback). */
    public Answer postUnsigned(String service, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(service) + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return exchange(request.build());
    }

    /** Like {@link #post} but fails, naming the call and its answer, unless the answer is 2xx. */
    public JsonNode expectPost(String user, String service, String path, Object body) {
        return expect(post(user, service, path, body), "POST " + service + path);
    }

    public JsonNode expectPut(String user, String service, String path, Object body) {
        return expect(put(user, service, path, body), "PUT " + service + path);
    }

    public JsonNode expectGet(String user, String service, String path) {
        return expect(get(user, service, path), "GET " + service + path);
    }

    static JsonNode expect(Answer answer, String call) {
        if (!answer.ok()) {
            throw new IllegalStateException(call + " answered " + answer.status() + ": " + answer.text());
        }
        return answer.body();
    }

    public static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Answer send(String user, HttpRequest.Builder request) {
        return exchange(request.header("Authorization", "Bearer " + token(user)).timeout(Duration.ofMinutes(5)).build());
    }

    private Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            if (!response.body().isBlank()) {
                try {
                    body = JSON.readTree(response.body());
                } catch (IOException notJson) {
                    // a plain-text answer stays in text
                }
            }
            return new Answer(response.statusCode(), body, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A user's token ({@value #ERP} is the ERP's client); demo users' passwords are their names. */
    public String token(String user) {
        Token token = tokens.get(user);
        if (token == null || Instant.now().isAfter(token.renewAfter())) {
            String form = ERP.equals(user)
                    ? "grant_type=client_credentials&client_id=" + ERP + "&client_secret=" + ERP + "-secret"
                    : "grant_type=password&client_id=tradecredit-cli&username=" + enc(user) + "&password=" + enc(user);
            Answer answer = exchange(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            JsonNode body = expect(answer, "token for " + user + " from " + tokenUrl);
            token = new Token(body.get("access_token").asText(),
                    Instant.now().plusSeconds(Math.max(30, body.get("expires_in").asLong() - 120)));
            tokens.put(user, token);
        }
        return token.value();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
