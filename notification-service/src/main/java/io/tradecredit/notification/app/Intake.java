package io.tradecredit.notification.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Contact;
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
 * Takes a message request in: resolves the contact and channel ({@link ContactChoice}), the
 * language and the template, renders it, and records the message once per request id, QUEUED
 * until its send window opens, or FAILED with the reason. Runs in the transaction of the inbox, so
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
    Clock clock;

    @Inject
    Letters letters;

    /** Records the request's message (a no-op for a request id already recorded). In the current transaction. */
    public Uni<Void> request(String tenantId, MessageRequest r) {
        Instant now = clock.instant();
        return settings.find(tenantId).map(s -> s.orElse(NotificationSettings.DEFAULT)).chain(s -> contactsOf(tenantId, r)
                .chain(all -> webhookOf(tenantId, r).chain(webhook -> {
                    ContactChoice.Choice choice = r.recipient() == MessageRequest.RecipientKind.BUYER
                            ? ContactChoice.choose(all, r.channel(), s.channelOrder(), r.legallyRequired())
                            : TenantRecipient.choose(s.sender(), r.channel(), webhook);
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
                })));
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

    private Uni<List<Contact>> contactsOf(String tenantId, MessageRequest r) {
        return r.recipient() == MessageRequest.RecipientKind.BUYER ? contacts.ofBuyer(tenantId, r.buyerId())
                : Uni.createFrom().item(List.of());
    }

    private Uni<Void> render(String tenantId, MessageRequest r, ContactChoice.Choice choice, Language language,
            NotificationSettings s, TemplateText t, Instant now) {
        SenderIdentity id = s.sender();
        String letterhead = id == null ? "" : id.letterhead();
        Map<String, Object> ctx = context.of(r.data(), choice.contact(), id, now);
        RenderedMessage rendered;
        try {
            rendered = templates.render(t, ctx, letterhead);
        } catch (Templates.RenderingFailed e) {
            return record(Message.failed(tenantId, r, choice, language, e.getMessage(), now), now);
        }
        if (choice.channel() == ChannelType.LETTER) {
            // a letter's HTML is its printed page: letterhead, text, signature and seal (docs: "Letters")
            return letters.page(tenantId, r.templateKey(), language, letterhead, rendered.text())
                    .map(page -> new RenderedMessage(rendered.subject(), rendered.text(), page))
                    .onItemOrFailure().transformToUni((letter, failure) -> failure instanceof Templates.RenderingFailed
                            ? record(Message.failed(tenantId, r, choice, language, failure.getMessage(), now), now)
                            : failure != null ? Uni.createFrom().failure(failure)
                            : record(Message.queued(tenantId, r, choice, language, context.senderOf(id), letter,
                                    s.sendWindow(), now), now));
        }
        if (choice.channel() == ChannelType.EMAIL && r.attachLetter()) {
            return attachedLetter(tenantId, r, language, letterhead, ctx).onItemOrFailure().transformToUni((page, failure) ->
                    failure instanceof Templates.RenderingFailed
                            ? record(Message.failed(tenantId, r, choice, language, failure.getMessage(), now), now)
                            : failure != null ? Uni.createFrom().failure(failure)
                            : record(Message.queued(tenantId, r, choice, language, context.senderOf(id), rendered,
                                    s.sendWindow(), now), now).call(() -> letters.attach(r.requestId(), page)));
        }
        return record(Message.queued(tenantId, r, choice, language, context.senderOf(id), rendered, s.sendWindow(),
                now), now);
    }

    /** The page of the letter an email carries: the LETTER template of the same key and language, rendered alike. */
    private Uni<String> attachedLetter(String tenantId, MessageRequest r, Language language, String letterhead,
            Map<String, Object> ctx) {
        return templates.find(tenantId, r.templateKey(), ChannelType.LETTER, language).chain(t -> {
            if (t.isEmpty()) {
                throw new Templates.RenderingFailed("the email carries the letter " + r.templateKey()
                        + " and there is no template " + r.templateKey() + " for LETTER in " + language.tag());
            }
            return letters.page(tenantId, r.templateKey(), language, letterhead,
                    templates.render(t.get(), ctx, letterhead).text());
        });
    }

    private Uni<Void> record(Message m, Instant now) {
        return messages.insertOnce(m).chain(inserted -> inserted
                ? statusEvents.changed(List.of(m), now)
                : Uni.createFrom().voidItem());
    }
}
