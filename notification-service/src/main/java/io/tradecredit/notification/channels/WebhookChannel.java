package io.tradecredit.notification.channels;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.app.Channel;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.WebhookResponse;
import io.tradecredit.notification.domain.WebhookSignature;
import io.tradecredit.notification.persistence.WebhookEndpointRepository;

/**
 * A webhook: the message's JSON body POSTed to the address recorded at intake (the tenant's
 * endpoint then), signed with the tenant's current secret ({@link WebhookSignature}) at the
 * clock's second, with the request id in {@code Tradecredit-Message-Id}. 2xx is sent; a 4xx other
 * than 408 and 429 is {@link Channel.Refused refused}; anything else is tried again.
 */
@ApplicationScoped
public class WebhookChannel implements Channel {
    @Inject
    WebhookEndpointRepository endpoints;

    @Inject
    Clock clock;

    @ConfigProperty(name = "tradecredit.notification.webhook.timeout", defaultValue = "PT10S")
    Duration timeout;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public Uni<Void> send(Outgoing m) {
        return CurrentTransaction.run(() -> endpoints.find(m.tenantId())).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(new Channel.Refused("the tenant has removed its webhook endpoint"));
            }
            String body = m.content().text();
            HttpRequest request = HttpRequest.newBuilder(URI.create(m.to())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.MESSAGE_ID_HEADER, m.requestId().toString())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(found.get().endpoint().secret(),
                            clock.instant(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            // the JDK client completes on its own threads: back to the caller's Vert.x context, where
            // the outcome is recorded in a transaction
            io.vertx.core.Context caller = io.vertx.core.Vertx.currentContext();
            return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                    .onItemOrFailure().transformToUni((response, failure) -> failure != null
                            ? Uni.createFrom().<Void>failure(failure) : outcome(response.statusCode()))
                    .emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }

    private static Uni<Void> outcome(int status) {
        return switch (WebhookResponse.of(status)) {
            case ACCEPTED -> Uni.createFrom().voidItem();
            case REFUSED -> Uni.createFrom().failure(new Channel.Refused("the receiver answered HTTP " + status));
            case TRY_AGAIN -> Uni.createFrom().failure(new IllegalStateException("the receiver answered HTTP " + status));
        };
    }
}
