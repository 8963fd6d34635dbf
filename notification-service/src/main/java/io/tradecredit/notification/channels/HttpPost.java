package io.tradecredit.notification.channels;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.app.Channel;
import io.tradecredit.notification.domain.HttpAnswer;

/**
 * One POST to an outside HTTP party (a tenant's webhook receiver, an SMS provider) for the channels
 * that speak HTTP, with what its answer means ({@link HttpAnswer}): 2xx completes; a refusal fails
 * with {@link Channel.Refused}; a receiver whose TLS certificate is not trusted ({@link WebhookTrust})
 * fails for good with {@link TlsRefused}; a failure after the request may have reached the party
 * (a timeout, a broken connection) with {@link Channel.Unclear}; anything else fails to be tried again.
 */
@ApplicationScoped
public class HttpPost {
    @Inject
    WebhookTrust trust;

    private HttpClient http;

    @PostConstruct
    void connect() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(trust.context()).build();
    }

    public Uni<Void> send(URI to, Map<String, String> headers, String body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(to).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        // the JDK client completes on its own threads: back to the caller's Vert.x context, where
        // the outcome is recorded in a transaction
        io.vertx.core.Context caller = io.vertx.core.Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()))
                .onItemOrFailure().transformToUni((response, failure) -> failure != null
                        ? Uni.createFrom().<Void>failure(plain(unclear(refusedCertificate(failure)), to))
                        : outcome(response.statusCode()))
                .emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    /** A refused certificate (or TLS handshake) as {@link TlsRefused} with the JDK's reason; any other failure as it is. */
    static Throwable refusedCertificate(Throwable failure) {
        boolean handshake = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException) {
                Throwable root = t;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                return new TlsRefused("the receiver's TLS certificate is not trusted: " + root.getMessage());
            }
            handshake |= t instanceof SSLHandshakeException;
        }
        return handshake ? new TlsRefused("the TLS handshake with the receiver failed: " + failure.getMessage()) : failure;
    }

    /**
     * A failure after the request may have reached the other side as {@link Channel.Unclear}: a
     * timeout waiting for the answer, a connection broken while sending or reading. One before (no
     * connection made: refused, the connect timeout, an unknown host; an untrusted certificate) as it is.
     */
    static Throwable unclear(Throwable failure) {
        Throwable f = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (f instanceof TlsRefused || f instanceof java.net.http.HttpConnectTimeoutException
                || f instanceof java.net.ConnectException || f instanceof java.nio.channels.UnresolvedAddressException
                || f instanceof java.net.UnknownHostException || !(f instanceof java.io.IOException)) {
            return f;
        }
        return new Channel.Unclear((f instanceof java.net.http.HttpTimeoutException ? "no answer within the timeout: "
                : "the connection broke after the request went out: ") + f.getMessage(), f);
    }

    /** A failure that is neither a refusal nor unclear, in plain words naming the party ({@code domain.HandOverFailure}). */
    static Throwable plain(Throwable failure, URI to) {
        return failure instanceof Channel.Refused || failure instanceof Channel.Unclear ? failure
                : new Channel.Trouble(io.tradecredit.notification.domain.HandOverFailure.words(failure, to.getHost()
                        + ":" + (to.getPort() >= 0 ? to.getPort() : "https".equalsIgnoreCase(to.getScheme()) ? 443 : 80)), failure);
    }

    private static Uni<Void> outcome(int status) {
        return switch (HttpAnswer.of(status)) {
            case ACCEPTED -> Uni.createFrom().voidItem();
            case REFUSED -> Uni.createFrom().failure(new Channel.Refused("the receiver answered HTTP " + status));
            case TRY_AGAIN -> Uni.createFrom().failure(new Channel.Trouble("the receiver answered HTTP " + status, null));
        };
    }
}
