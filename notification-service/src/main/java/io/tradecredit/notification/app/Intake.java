package io.tradecredit.notification.app;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.domain.Contact;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.MessageRequest;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.domain.WebhookEndpoint;
import io.tradecredit.notification.domain.Withdrawal;
import io.tradecredit.notification.persistence.ContactRepository;
import io.tradecredit.notification.persistence.MessageRepository;
import io.tradecredit.notification.persistence.SettingsRepository;
import io.tradecredit.notification.persistence.WebhookEndpointRepository;
import io.tradecredit.notification.persistence.WithdrawalRepository;

/**
 * Takes message requests in: resolves the contact and channel, the language and the template,
 * renders it ({@link Routes}: for a buyer a channel that cannot be used falls back to the next of
 * the tenant's order; the tenant's webhook endpoint when registered, else the channel asked for), and records the message once per
 * request id, QUEUED until its send window opens, or FAILED with the reason; WITHDRAWN at once when
 * its requester withdrew it before it arrived ({@link Withdrawals}). Runs in the transaction of the inbox, so
 * the records, their status events and the requests' event ids commit together.
 *
 * <p>A poll's requests are taken in together (issue 13: the round trips per request were most of
 * an email's cost): one query per kind of lookup for all of them (withdrawals, settings, contacts,
 * webhook endpoints, templates), {@link Routes} deciding each request on what was read, the
 * messages inserted with one statement and the new ones' status events written with another.
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
    Templates templates;

    @Inject
    Clock clock;

    @Inject
    Letters letters;

    @Inject
    Withdrawals withdrawals;

    /** A tenant's message request. */
    public record Requested(String tenantId, MessageRequest request) {
        String key() {
            return WithdrawalRepository.key(tenantId, request.requestId());
        }
    }

    /** What the requests of a poll are routed on, read with a query per kind. */
    private record Lookups(Map<String, NotificationSettings> settings, Map<String, List<Contact>> contacts,
            Map<String, WebhookEndpoint> webhooks, Templates.Lookup templates) {
    }

    /** A request's message, and the route that made it (null for one withdrawn before it arrived). */
    private record Routed(Message message, Routes.Route route) {
    }

    /** Records the request's message (a no-op for a request id already recorded). In the current transaction. */
    public Uni<Void> request(String tenantId, MessageRequest r) {
        return requestAll(List.of(new Requested(tenantId, r)));
    }

    /**
     * Records the messages of {@code requests}, in order; a request id already recorded, or earlier in
     * {@code requests}, is a no-op. In the current transaction.
     */
    public Uni<Void> requestAll(List<Requested> requests) {
        Instant now = clock.instant();
        Map<UUID, Requested> once = new LinkedHashMap<>();
        requests.forEach(q -> once.putIfAbsent(q.request().requestId(), q));
        List<Requested> all = List.copyOf(once.values());
        // withdrawn before it arrived (out of order): it ends WITHDRAWN at once, never resolved or rendered
        return withdrawals.awaitingAll(all.stream().map(Requested::tenantId).toArray(String[]::new),
                all.stream().map(q -> q.request().requestId()).toArray(UUID[]::new)).chain(withdrawn -> {
                    List<Requested> toRoute = all.stream().filter(q -> !withdrawn.containsKey(q.key())).toList();
                    return lookups(toRoute).chain(l -> Multi.createFrom().iterable(all).onItem().transformToUniAndConcatenate(q -> {
                        Withdrawal w = withdrawn.get(q.key());
                        return w != null ? Uni.createFrom().item(new Routed(Message.withdrawn(q.tenantId(), q.request(), w, now), null))
                                : route(q, l, now);
                    }).collect().asList());
                }).chain(routed -> record(routed, now));
    }

    private Uni<Lookups> lookups(List<Requested> toRoute) {
        String[] tenants = toRoute.stream().map(Requested::tenantId).distinct().toArray(String[]::new);
        List<Requested> toBuyers = toRoute.stream().filter(q -> q.request().recipient() == MessageRequest.RecipientKind.BUYER).toList();
        String[] toTenants = toRoute.stream().filter(q -> q.request().recipient() == MessageRequest.RecipientKind.TENANT)
                .map(Requested::tenantId).distinct().toArray(String[]::new);
        if (toRoute.isEmpty()) {
            return Uni.createFrom().item(new Lookups(Map.of(), Map.of(), Map.of(), templates::find));
        }
        return settings.findAll(tenants).chain(s -> (toBuyers.isEmpty() ? Uni.createFrom().item(Map.<String, List<Contact>>of())
                : contacts.ofBuyers(toBuyers.stream().map(Requested::tenantId).toArray(String[]::new),
                        toBuyers.stream().map(q -> q.request().buyerId()).toArray(UUID[]::new)))
                .chain(c -> (toTenants.length == 0 ? Uni.createFrom().item(Map.<String, WebhookEndpoint>of()) : webhooks.findAll(toTenants))
                        .chain(w -> templates.readAll(toRoute.stream().map(q -> new Templates.TenantKey(q.tenantId(),
                                q.request().templateKey())).toList()).map(t -> new Lookups(s, c, w, t)))));
    }

    private Uni<Routed> route(Requested q, Lookups l, Instant now) {
        String tenantId = q.tenantId();
        MessageRequest r = q.request();
        NotificationSettings s = l.settings().getOrDefault(tenantId, NotificationSettings.DEFAULT);
        // a channel that cannot be used falls back to the next of the tenant's order (Routes); to the tenant:
        // its webhook endpoint when registered, else the channel asked for (Routes.toTenant)
        Uni<Routes.Route> route = r.recipient() == MessageRequest.RecipientKind.BUYER
                ? routes.toBuyer(tenantId, r, s, l.contacts().getOrDefault(ContactRepository.key(tenantId, r.buyerId()), List.of()),
                        Set.of(), now, l.templates())
                : routes.toTenant(tenantId, r, s, Optional.ofNullable(l.webhooks().get(tenantId)), Set.of(), now, l.templates());
        return route.map(found -> new Routed(found.found() ? found.queued()
                : Message.failed(tenantId, r, found.lastFound(), found.language(), found.failure(), now), found));
    }

    /** The messages inserted with one statement; the new ones' status events with another, and their attached letters. */
    private Uni<Void> record(List<Routed> routed, Instant now) {
        return messages.insertAllOnce(routed.stream().map(Routed::message).toList()).chain(inserted -> {
            List<Routed> fresh = routed.stream().filter(x -> inserted.contains(x.message().requestId())).toList();
            return statusEvents.changed(fresh.stream().map(Routed::message).toList(), now)
                    .chain(() -> Multi.createFrom().iterable(fresh.stream().filter(x -> x.route() != null && x.route().found()).toList())
                            .onItem().transformToUniAndConcatenate(x -> x.route().keepAttachedLetter(letters).replaceWith(Boolean.TRUE))
                            .collect().last().replaceWithVoid());
        });
    }
}
