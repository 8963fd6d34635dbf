package io.tradecredit.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local SMS provider (docs/running-locally.md, "SMS sink"): a JDK HTTP server that accepts the
 * provider call notification-service's SmsChannel makes, keeps every SMS in memory and reports
 * delivery back as a provider would. Nothing leaves the machine. {@code ./platform up} runs it as
 * a process ({@link #main}); the tests start it in their JVM ({@link #start}).
 *
 * <ul>
 * <li>{@code POST /v1/sms}: HTTP Basic with the configured user and password (else 401), a JSON
 * or form body with {@code to}, {@code from}, {@code text}, {@code reference} (400 without
 * {@code to} or {@code text}); answered 200 {@code {"id":"sms-1"}}.</li>
 * <li>{@code GET /messages[?to=]}: every SMS received (to that number, digits compared), oldest first.</li>
 * <li>{@code POST /messages/{reference}/report?status=DELIVERED|FAILED[&reason=]}: sends the
 * delivery report of that SMS to the configured report URL and answers the status it got.</li>
 * <li>{@code GET /health}: 200 once it listens.</li>
 * </ul>
 * A delivery report is {@code POST <report-url>} with JSON {@code {"reference","status","reason",
 * "providerMessageId"}} and {@code Tradecredit-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * t + "." + body>} under the shared report secret. With auto-report on, every accepted SMS is
 * reported DELIVERED a second later.
 */
public final class SmsSink implements AutoCloseable {
    public static final String SEND_PATH = "/v1/sms";

    /** One SMS as received. */
    public record Sms(String id, String reference, String to, String from, String text, Instant receivedAt) {
    }

    /** Where the sink listens, whom it accepts, and where it reports delivery (null: nowhere). */
    public record Settings(String host, int port, String username, String password, String reportUrl,
            String reportSecret, boolean autoReport) {
    }

    private final Settings settings;
    private volatile String reportUrl;
    private final HttpServer server;
    private final List<Sms> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final java.util.concurrent.ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sms-sink-reporter");
        t.setDaemon(true);
        return t;
    });

    private SmsSink(Settings settings) throws IOException {
        this.settings = settings;
        this.reportUrl = settings.reportUrl();
        server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        server.createContext(SEND_PATH, this::send);
        server.createContext("/messages", this::messagesOrReport);
        server.createContext("/health", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sms-sink");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public static SmsSink start(Settings settings) {
        try {
            return new SmsSink(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("the SMS sink cannot listen on " + settings.host() + ":" + settings.port(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL notification-service posts SMS to. */
    public String sendUrl() {
        return "http://" + settings.host() + ":" + port() + SEND_PATH;
    }

    /** Every SMS received to {@code to} (null: all), digits compared, oldest first. */
    public List<Sms> messages(String to) {
        return received.stream().filter(s -> to == null || digits(s.to()).equals(digits(to))).toList();
    }

    /** Reports delivery to {@code url} from now on (a test learns its service's port after the sink started). */
    public void reportTo(String url) {
        this.reportUrl = url;
    }

    /** Sends the delivery report of the SMS with {@code reference}; the HTTP status the service answered. */
    public int report(String reference, String status, String reason) {
        String to = reportUrl;
        if (to == null || to.isBlank()) {
            throw new IllegalStateException("the SMS sink has no report URL");
        }
        String providerId = received.stream().filter(s -> reference.equals(s.reference())).map(Sms::id).findFirst().orElse(null);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("reference", reference);
        body.put("status", status);
        body.put("reason", reason);
        body.put("providerMessageId", providerId);
        String json = Json.write(body);
        long t = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(to)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Tradecredit-Signature", "t=" + t + ",v1=" + hmac(settings.reportSecret(), t + "." + json))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void send(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "{\"error\":\"POST only\"}");
            return;
        }
        if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"sms-sink\"");
            answer(exchange, 401, "{\"error\":\"wrong or missing credentials\"}");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Map<String, String> fields = type.contains("json") ? Json.readFlat(body) : form(body);
        if (fields == null || blank(fields.get("to")) || blank(fields.get("text"))) {
            answer(exchange, 400, "{\"error\":\"to and text are required\"}");
            return;
        }
        Sms sms = new Sms("sms-" + ids.incrementAndGet(), fields.get("reference"), fields.get("to"), fields.get("from"),
                fields.get("text"), Instant.now());
        received.add(sms);
        System.out.println("SMS " + sms.id() + " to " + sms.to() + " (reference " + sms.reference() + "): " + sms.text());
        answer(exchange, 200, Json.write(Map.of("id", sms.id())));
        if (settings.autoReport() && sms.reference() != null) {
            reporter.schedule(() -> {
                try {
                    System.out.println("report DELIVERED of " + sms.reference() + ": HTTP " + report(sms.reference(), "DELIVERED", null));
                } catch (RuntimeException e) {
                    System.out.println("report of " + sms.reference() + " failed: " + e);
                }
            }, 1, TimeUnit.SECONDS);
        }
    }

    private void messagesOrReport(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if ("GET".equals(exchange.getRequestMethod()) && (path.equals("/messages") || path.equals("/messages/"))) {
            List<String> out = new ArrayList<>();
            for (Sms s : messages(query.get("to"))) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("id", s.id());
                m.put("reference", s.reference());
                m.put("to", s.to());
                m.put("from", s.from());
                m.put("text", s.text());
                m.put("receivedAt", s.receivedAt().toString());
                out.add(Json.write(m));
            }
            answer(exchange, 200, "[" + String.join(",", out) + "]");
            return;
        }
        String[] parts = path.split("/");
        if ("POST".equals(exchange.getRequestMethod()) && parts.length == 4 && "report".equals(parts[3])) {
            String status = query.getOrDefault("status", "DELIVERED");
            try {
                int answered = report(parts[2], status, query.get("reason"));
                answer(exchange, 200, "{\"reportAnswered\":" + answered + "}");
            } catch (RuntimeException e) {
                answer(exchange, 502, Json.write(Map.of("error", String.valueOf(e.getMessage()))));
            }
            return;
        }
        answer(exchange, 404, "{\"error\":\"not found\"}");
    }

    private boolean authorised(String header) {
        if (settings.username() == null || settings.username().isEmpty()) {
            return true;
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((settings.username() + ":"
                + (settings.password() == null ? "" : settings.password())).getBytes(StandardCharsets.UTF_8));
        return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                String.valueOf(header).getBytes(StandardCharsets.UTF_8));
    }

    /** Hex HMAC-SHA256 of {@code text} under {@code secret}, as the outside parties the harness plays sign (e2e-tests too). */
    public static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("[^0-9]", "");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        reporter.shutdownNow();
    }

    /**
     * {@code --host 127.0.0.1 --port 8026 [--username U --password P] [--report-url URL --report-secret S]
     * [--auto-report]}: runs until killed (or, with {@code --exit-on-stdin-eof}, until its stdin closes).
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            boolean flag = args[i].equals("--auto-report") || args[i].equals("--exit-on-stdin-eof");
            a.put(args[i], flag ? "true" : args[++i]);
        }
        SmsSink sink = start(new Settings(a.getOrDefault("--host", "127.0.0.1"), Integer.parseInt(a.getOrDefault("--port", "8026")),
                a.get("--username"), a.get("--password"), a.get("--report-url"), a.get("--report-secret"),
                a.containsKey("--auto-report")));
        System.out.println("SMS sink listening: send " + sink.sendUrl() + ", messages http://" + a.getOrDefault("--host", "127.0.0.1")
                + ":" + sink.port() + "/messages" + (sink.settings.autoReport() ? ", reporting delivery to "
                + sink.reportUrl : ""));
        if (a.containsKey("--exit-on-stdin-eof")) {
            while (System.in.read() >= 0) {
                // runs until the parent closes the pipe
            }
            sink.close();
            return;
        }
        Thread.currentThread().join();
    }

    /** Just enough JSON for flat objects of strings and numbers, without a library (devstack stays dependency-light). */
    static final class Json {
        private Json() {
        }

        static String write(Map<String, String> fields) {
            StringBuilder out = new StringBuilder("{");
            fields.forEach((k, v) -> {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(quote(k)).append(':').append(v == null ? "null" : quote(v));
            });
            return out.append('}').toString();
        }

        static String quote(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return out.append('"').toString();
        }

        /** A flat JSON object's string, number, boolean and null values as strings; null when it is not one. */
        static Map<String, String> readFlat(String json) {
            Map<String, String> out = new LinkedHashMap<>();
            int[] at = {skip(json, 0)};
            if (at[0] >= json.length() || json.charAt(at[0]) != '{') {
                return null;
            }
            at[0] = skip(json, at[0] + 1);
            while (at[0] < json.length() && json.charAt(at[0]) != '}') {
                String key = string(json, at);
                at[0] = skip(json, at[0]);
                if (key == null || at[0] >= json.length() || json.charAt(at[0]) != ':') {
                    return null;
                }
                at[0] = skip(json, at[0] + 1);
                String value;
                if (at[0] < json.length() && json.charAt(at[0]) == '"') {
                    value = string(json, at);
                } else {
                    int start = at[0];
                    while (at[0] < json.length() && ",} \n\r\t".indexOf(json.charAt(at[0])) < 0) {
                        at[0]++;
                    }
                    value = json.substring(start, at[0]);
                    value = "null".equals(value) ? null : value;
                }
                out.put(key, value);
                at[0] = skip(json, at[0]);
                if (at[0] < json.length() && json.charAt(at[0]) == ',') {
                    at[0] = skip(json, at[0] + 1);
                }
            }
            return out;
        }

        private static String string(String json, int[] at) {
            if (at[0] >= json.length() || json.charAt(at[0]) != '"') {
                return null;
            }
            StringBuilder out = new StringBuilder();
            int i = at[0] + 1;
            while (i < json.length() && json.charAt(i) != '"') {
                char c = json.charAt(i++);
                if (c == '\\' && i < json.length()) {
                    char e = json.charAt(i++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(json.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            at[0] = i + 1;
            return out.toString();
        }

        private static int skip(String json, int i) {
            while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
                i++;
            }
            return i;
        }
    }
}
