package io.tradecredit.notification.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.ContactChoice;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.MessageRequest;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.domain.RenderedMessage;
import io.tradecredit.notification.domain.SenderIdentity;
import io.tradecredit.notification.domain.TemplateText;
import io.tradecredit.notification.domain.TenantRecipient;
import io.tradecredit.notification.domain.WebhookEndpoint;
import io.tradecredit.notification.persistence.ContactRepository;
import io.tradecredit.notification.persistence.MessageRepository;
import io.tradecredit.notification.persistence.SettingsRepository;
import io.tradecredit.notification.persistence.WebhookEndpointRepository;

/**
 * Takes a message request in: resolves the contact and channel, the language and the template,
 * renders it ({@link Routes} for a buyer: a channel that cannot be used falls back to the next of
 * the tenant's order; {@link TenantRecipient} for the tenant), and records the message once per
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
    Templates templates;

    @Inject
    StatusEvents statusEvents;

    @Inject
    TemplateContext context;

    @Inject
    WebhookEndpointRepository webhooks;

    @Inject
    ObjectMapper json;

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
            return webhookOf(tenantId, r).chain(webhook -> {
                ContactChoice.Choice choice = TenantRecipient.choose(s.sender(), r.channel(), webhook);
                Language language = r.languageFor(choice.contact());
                if (!choice.found()) {
                    return record(Message.failed(tenantId, r, null, language, choice.failure(), now), now);
                }
                if (choice.channel() == ChannelType.WEBHOOK) {
                    // the tenant's systems read data, not prose: the body is the request itself, no template
                    return record(Message.queued(tenantId, r, choice, language, context.senderOf(s.sender()),
                            new RenderedMessage("", webhookBody(tenantId, r), ""), s.sendWindow(), now), now);
                }
                return templates.find(tenantId, r.templateKey(), choice.channel(), language)
                        .chain(t -> t.isEmpty()
                                ? record(Message.failed(tenantId, r, choice, language, "no template "
                                        + r.templateKey() + " for " + choice.channel() + " in " + language.tag(), now), now)
                                : render(tenantId, r, choice, language, s, t.get(), now));
            });
        });
    }

    private Uni<Optional<WebhookEndpoint>> webhookOf(String tenantId, MessageRequest r) {
        return r.recipient() == MessageRequest.RecipientKind.TENANT
                ? webhooks.find(tenantId).map(found -> found.map(WebhookEndpointRepository.Stored::endpoint))
                : Uni.createFrom().item(Optional.empty());
    }

    /** What a webhook posts: the request's id, purpose, template key, buyer and data, as JSON. */
    private String webhookBody(String tenantId, MessageRequest r) {
        ObjectNode body = json.createObjectNode();
        body.put("id", r.requestId().toString());
        body.put("tenantId", tenantId);
        body.put("purpose", r.purpose());
        body.put("templateKey", r.templateKey());
        body.put("buyerId", r.buyerId() == null ? null : r.buyerId().toString());
        body.set("data", r.data());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request's data is JSON already", e);
        }
    }

    private Uni<Void> render(String tenantId, MessageRequest r, ContactChoice.Choice choice, Language language,
            NotificationSettings s, TemplateText t, Instant now) {
        SenderIdentity id = s.sender();
        RenderedMessage rendered;
        try {
            rendered = templates.render(tenantId, t, context.of(r.data(), choice.contact(), id, now), id == null ? "" : id.letterhead());
        } catch (Templates.RenderingFailed e) {
            return record(Message.failed(tenantId, r, choice, language, e.getMessage(), now), now);
        }
        return record(Message.queued(tenantId, r, choice, language, context.senderOf(id), rendered, s.sendWindow(),
                now), now);
    }

    private Uni<Void> record(Message m, Instant now) {
        return messages.insertOnce(m).chain(inserted -> inserted
                ? statusEvents.changed(List.of(m), now)
                : Uni.createFrom().voidItem());
    }
}
