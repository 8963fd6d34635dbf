package io.tradecredit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An outside HTTP party as a test stands it up (a tenant's webhook receiver, an SMS provider, a
 * print service): a JDK HTTP server on a free port of 127.0.0.1, or HTTPS ({@link #https}) with a
 * {@link TestCertificate}, recording every POST per path and answering the statuses a test scripts
 * (200 when none are left).
 */
public final class HttpStandIn implements AutoCloseable {
    /** One POST as received. */
    public record Received(String signature, String messageId, String contentType, String authorization, String body) {
    }

    private final HttpServer server;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newCachedThreadPool();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile java.time.Duration answerAfter = java.time.Duration.ZERO;
    private final String scheme;

    /** A plain HTTP stand-in. */
    public HttpStandIn() {
        this(null);
    }

    /** An HTTPS stand-in presenting {@code certificate} (trusted by a client only if it trusts that certificate). */
    public static HttpStandIn https(TestCertificate certificate) {
        return new HttpStandIn(certificate);
    }

    private HttpStandIn(TestCertificate certificate) {
        try {
            InetSocketAddress local = new InetSocketAddress("127.0.0.1", 0);
            if (certificate == null) {
                server = HttpServer.create(local, 0);
            } else {
                HttpsServer tls = HttpsServer.create(local, 0);
                tls.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
                server = tls;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scheme = certificate == null ? "http" : "https";
        server.createContext("/", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                handle(exchange);
            } finally {
                inFlight.decrementAndGet();
            }
        });
        // requests are handled at once, as a real receiver does (the JDK server's default is one at a time)
        server.setExecutor(handlers);
        server.start();
    }

    private void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var h = exchange.getRequestHeaders();
        received.computeIfAbsent(path, p -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(new Received(h.getFirst("Tradecredit-Signature"), h.getFirst("Tradecredit-Message-Id"), h.getFirst("Content-Type"), h.getFirst("Authorization"), body));
        Integer status;
        synchronized (answers) {
            Deque<Integer> scripted = answers.get(path);
            status = scripted == null || scripted.isEmpty() ? 200 : scripted.poll();
        }
        try {
            Thread.sleep(answerAfter.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Every answer from now on comes {@code delay} after the request (a slow receiver). */
    public void answerAfter(java.time.Duration delay) {
        answerAfter = delay;
    }

    /** The most requests this receiver has been handling at once. */
    public int mostAtOnce() {
        return mostInFlight.get();
    }

    /** The URL of {@code path} on this receiver. */
    public String url(String path) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next POSTs to {@code path} are answered with these statuses, in order. */
    public void answer(String path, Integer... statuses) {
        synchronized (answers) {
            answers.put(path, new ArrayDeque<>(List.of(statuses)));
        }
    }

    public List<Received> at(String path) {
        List<Received> at = received.getOrDefault(path, List.of());
        synchronized (at) {
            return List.copyOf(at);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
