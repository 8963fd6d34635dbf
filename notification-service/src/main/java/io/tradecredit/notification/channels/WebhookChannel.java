package io.tradecredit.notification.channels;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.signatures.TimestampedSignature;
import io.tradecredit.notification.app.Channel;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.persistence.MessageRepository;
import io.tradecredit.notification.persistence.WebhookEndpointRepository;

/**
 * A webhook: the message's JSON body POSTed to the tenant's endpoint as set at the hand-over (the
 * message's address follows it when the tenant replaced the one of intake), signed with the tenant's current secret at the clock's second in
 * {@code Tradecredit-Signature} (the chassis {@link TimestampedSignature}: {@code t=..,v1=..}), with the
 * request id in {@code Tradecredit-Message-Id}, the same on every resend for the receiver to drop a repeat. 2xx is sent; a 4xx other
 * than 408 and 429 is {@link Channel.Refused refused}; anything else is tried again.
 */
@ApplicationScoped
public class WebhookChannel implements Channel {
    public static final String SIGNATURE_HEADER = "Tradecredit-Signature";
    public static final String MESSAGE_ID_HEADER = "Tradecredit-Message-Id";

    @Inject
    WebhookEndpointRepository endpoints;

    @Inject
    MessageRepository messages;

    @Inject
    Clock clock;

    @ConfigProperty(name = "tradecredit.notification.webhook.timeout", defaultValue = "PT10S")
    Duration timeout;

    @Inject
    HttpPost http;

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
            // the endpoint as set now: one claimed before the tenant replaced it (in flight, then queued for its retry) goes
            // to the new one too, and its record says so
            String url = found.get().endpoint().url();
            Uni<Boolean> addressed = url.equals(m.to()) ? Uni.createFrom().item(true)
                    : CurrentTransaction.run(() -> messages.handedOverTo(m.requestId(), url));
            return addressed.chain(() -> http.send(URI.create(url), Map.of("Content-Type", "application/json",
                    MESSAGE_ID_HEADER, m.requestId().toString(),
                    SIGNATURE_HEADER, TimestampedSignature.header(found.get().endpoint().secret(), clock.instant(), body)),
                    body, timeout));
        });
    }
}
