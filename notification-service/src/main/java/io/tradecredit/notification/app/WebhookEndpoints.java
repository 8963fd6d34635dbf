package io.tradecredit.notification.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.domain.WebhookEndpoint;
import io.tradecredit.notification.persistence.MessageRepository;
import io.tradecredit.notification.persistence.WebhookEndpointRepository;

/** Setting, reading and removing a tenant's webhook endpoint. */
@ApplicationScoped
public class WebhookEndpoints {
    @Inject
    WebhookEndpointRepository endpoints;

    @Inject
    MessageRepository messages;

    @Inject
    Clock clock;

    /** Plain HTTP endpoints only for local stand-ins (tests, {@code ./platform}); HTTPS in production. */
    @ConfigProperty(name = "tradecredit.notification.webhook.allow-plain-http", defaultValue = "false")
    boolean allowPlainHttp;

    /** The endpoint as shown: its URL, its secret masked, when it was set. */
    public record Shown(String url, String secretMasked, Instant updatedAt) {
        static Shown of(WebhookEndpointRepository.Stored s) {
            return new Shown(s.endpoint().url(), s.endpoint().maskedSecret(), s.updatedAt());
        }
    }

    public Uni<Optional<Shown>> of(String tenantId) {
        return CurrentTransaction.run(() -> endpoints.find(tenantId)).map(found -> found.map(Shown::of));
    }

    /**
     * Validates (every wrong field named, nothing changed) and stores the endpoint; the tenant's webhooks not handed over
     * yet (due, or waiting for a retry) go to it from now on, in the same transaction: a tenant that corrects its URL
     * because the webhooks fail there gets them at the new one, and the old one gets nothing more.
     */
    public Uni<Shown> set(String tenantId, String url, String secret, String by) {
        WebhookEndpoint e = WebhookEndpoint.of(url, secret, allowPlainHttp);
        var at = clock.instant();
        return CurrentTransaction.run(() -> endpoints.save(tenantId, e, at, by)
                .call(() -> messages.webhooksReaddressed(tenantId, e.url())))
                .replaceWith(Shown.of(new WebhookEndpointRepository.Stored(e, at)));
    }

    /** Refuses {@code url} and {@code secret} as {@link #set} would, every wrong field named; nothing is stored. */
    public void check(String url, String secret) {
        WebhookEndpoint.of(url, secret, allowPlainHttp);
    }

    public Uni<Boolean> remove(String tenantId) {
        return CurrentTransaction.run(() -> endpoints.delete(tenantId));
    }
}
