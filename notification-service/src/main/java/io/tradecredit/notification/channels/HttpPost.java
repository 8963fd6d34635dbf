package io.tradecredit.notification.channels;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.app.Channel;
import io.tradecredit.notification.domain.HttpAnswer;

/**
 * One POST to an outside HTTP party (a tenant's webhook receiver, an SMS provider) for the channels
 * that speak HTTP, with what its answer means ({@link HttpAnswer}): 2xx completes; a refusal fails
 * with {@link Channel.Refused}; anything else fails to be tried again.
 */
@ApplicationScoped
public class HttpPost {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Uni<Void> send(URI to, Map<String, String> headers, String body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(to).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        // the JDK client completes on its own threads: back to the caller's Vert.x context, where
        // the outcome is recorded in a transaction
        io.vertx.core.Context caller = io.vertx.core.Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()))
                .onItemOrFailure().transformToUni((response, failure) -> failure != null
                        ? Uni.createFrom().<Void>failure(failure) : outcome(response.statusCode()))
                .emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private static Uni<Void> outcome(int status) {
        return switch (HttpAnswer.of(status)) {
            case ACCEPTED -> Uni.createFrom().voidItem();
            case REFUSED -> Uni.createFrom().failure(new Channel.Refused("the receiver answered HTTP " + status));
            case TRY_AGAIN -> Uni.createFrom().failure(new IllegalStateException("the receiver answered HTTP " + status));
        };
    }
}
