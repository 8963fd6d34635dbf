package io.tradecredit.notification.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.MessageRequest;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.domain.WebhookEndpoint;
import io.tradecredit.notification.persistence.ContactRepository;
import io.tradecredit.notification.persistence.MessageRepository;
import io.tradecredit.notification.persistence.SettingsRepository;
import io.tradecredit.notification.persistence.WebhookEndpointRepository;

/**
 * Takes a message request in: resolves the contact and channel, the language and the template,
 * renders it ({@link Routes}: for a buyer a channel that cannot be used falls back to the next of
 * the tenant's order; the tenant's webhook endpoint when registered, else the channel asked for), and records the message once per
 * request id, QUEUED until its send window opens, or FAILED with the reason; WITHDRAWN at once when
 * its requester withdrew it before it arrived ({@link Withdrawals}). Runs in the transaction of the inbox, so
 * the record, its status event and the request's event id commit together.
 */
@ApplicationScoped
public class Intake {
    @Inject
    ContactRepository contacts;

    @Inject
    SettingsRepository settings;

    @Inject
    MessageRepository messages;

    @Inject
    StatusEvents statusEvents;

    @Inject
    WebhookEndpointRepository webhooks;

    @Inject
    Routes routes;

    @Inject
    Clock clock;

    @Inject
    Letters letters;

    @Inject
    Withdrawals withdrawals;

    /** Records the request's message (a no-op for a request id already recorded). In the current transaction. */
    public Uni<Void> request(String tenantId, MessageRequest r) {
        Instant now = clock.instant();
        // withdrawn before it arrived (out of order): it ends WITHDRAWN at once, never resolved or rendered
        return withdrawals.awaiting(tenantId, r.requestId()).chain(w -> w.isPresent()
                ? record(Message.withdrawn(tenantId, r, w.get(), now), now)
                : resolve(tenantId, r, now));
    }

    private Uni<Void> resolve(String tenantId, MessageRequest r, Instant now) {
        return settings.find(tenantId).map(s -> s.orElse(NotificationSettings.DEFAULT)).chain(s -> {
            if (r.recipient() == MessageRequest.RecipientKind.BUYER) {
                // a channel that cannot be used falls back to the next of the tenant's order (Routes)
                return contacts.ofBuyer(tenantId, r.buyerId()).chain(all -> routes.toBuyer(tenantId, r, s, all, Set.of(), now))
                        .chain(route -> record(route.found() ? route.queued()
                                : Message.failed(tenantId, r, route.lastFound(), route.language(), route.failure(), now), now)
                                .call(() -> route.found() ? route.keepAttachedLetter(letters) : Uni.createFrom().voidItem()));
            }
            // the tenant's webhook endpoint when registered, else the channel asked for (Routes.toTenant)
            return webhookOf(tenantId, r).chain(webhook -> routes.toTenant(tenantId, r, s, webhook, Set.of(), now))
                    .chain(route -> record(route.found() ? route.queued()
                            : Message.failed(tenantId, r, route.lastFound(), route.language(), route.failure(), now), now));
        });
    }

    private Uni<Optional<WebhookEndpoint>> webhookOf(String tenantId, MessageRequest r) {
        return r.recipient() == MessageRequest.RecipientKind.TENANT
                ? webhooks.find(tenantId).map(found -> found.map(WebhookEndpointRepository.Stored::endpoint))
                : Uni.createFrom().item(Optional.empty());
    }

    private Uni<Void> record(Message m, Instant now) {
        return messages.insertOnce(m).chain(inserted -> inserted
                ? statusEvents.changed(List.of(m), now)
                : Uni.createFrom().voidItem());
    }
}
