package io.tradecredit.notification.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Contact;
import io.tradecredit.notification.domain.ContactChoice;
import io.tradecredit.notification.domain.Fallback;
import io.tradecredit.notification.domain.InvoiceTotals;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.MessageRequest;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.domain.RenderedMessage;
import io.tradecredit.notification.domain.SenderIdentity;
import io.tradecredit.notification.domain.SmsLength;
import io.tradecredit.notification.domain.TemplateText;
import io.tradecredit.notification.domain.TenantRecipient;
import io.tradecredit.notification.domain.WebhookEndpoint;

/**
 * The channel, contact, language and rendering of a message to a buyer, at intake and again after
 * a channel failed it for good: the requested channel (else the tenant's order) first, then, each
 * time a channel cannot be used (nobody reachable there, no template, the template cannot be
 * rendered with the data), the next one of the order ({@link Fallback}). The reason of a message
 * that finds no channel names every step, in order. A message to the tenant goes by
 * {@link TenantRecipient}: its webhook endpoint when registered, else (and after the webhook failed
 * it for good) the channel asked for.
 */
@ApplicationScoped
public class Routes {
    @Inject
    Templates templates;

    @Inject
    TemplateContext context;

    @Inject
    Unsubscribes unsubscribes;

    @Inject
    Letters letters;

    @Inject
    ObjectMapper json;

    /**
     * A message queued on a channel, or the reason it goes nowhere (with the last channel found, if
     * any); {@code attachedLetter}: the page of the letter an email carries (null for none).
     */
    public record Route(Message queued, String failure, ContactChoice.Choice lastFound, Language language,
            String attachedLetter) {
        public Route(Message queued, String failure, ContactChoice.Choice lastFound, Language language) {
            this(queued, failure, lastFound, language, null);
        }

        public boolean found() {
            return queued != null;
        }

        /** Keeps the page of the letter the queued email carries, if it carries one. In the current transaction. */
        public Uni<Void> keepAttachedLetter(Letters letters) {
            return attachedLetter == null ? Uni.createFrom().voidItem() : letters.attach(queued.requestId(), attachedLetter);
        }
    }

    /**
     * The route of {@code r} to the tenant itself: to {@code webhook} when registered, else (and once
     * {@code tried} holds the WEBHOOK that failed it for good) the channel asked for ({@link TenantRecipient}).
     */
    public Uni<Route> toTenant(String tenantId, MessageRequest r, NotificationSettings s, Optional<WebhookEndpoint> webhook,
            Set<ChannelType> tried, Instant now) {
        return toTenant(tenantId, r, s, webhook, tried, now, templates::find);
    }

    /** {@link #toTenant}, its templates found by {@code lookup} (a poll's, read at once). */
    public Uni<Route> toTenant(String tenantId, MessageRequest r, NotificationSettings s, Optional<WebhookEndpoint> webhook,
            Set<ChannelType> tried, Instant now, Templates.Lookup lookup) {
        ContactChoice.Choice choice = tried.contains(ChannelType.WEBHOOK) ? TenantRecipient.afterWebhook(s.sender(), r.channel())
                : TenantRecipient.choose(s.sender(), r.channel(), webhook);
        Language wanted = r.languageFor(null, s.language());
        if (!choice.found()) {
            return Uni.createFrom().item(new Route(null, choice.failure(), null, wanted));
        }
        if (choice.channel() == ChannelType.WEBHOOK) {
            // the tenant's systems read data, not prose: the body is the request itself, no template
            return Uni.createFrom().item(new Route(Message.queued(tenantId, r, choice, wanted, context.senderOf(s.sender()),
                    new RenderedMessage("", webhookBody(tenantId, r), ""), s.sendWindow(), now), null, choice, wanted));
        }
        return find(lookup, tenantId, r.templateKey(), choice.channel(), Language.lookUpOrder(wanted)).map(t -> {
            if (t.isEmpty()) {
                return new Route(null, "no template " + r.templateKey() + " for " + choice.channel() + " in " + wanted.tag(),
                        choice, wanted);
            }
            Language language = t.get().language();
            try {
                return new Route(Message.queued(tenantId, r, choice, language, context.senderOf(s.sender()),
                        render(tenantId, r, choice, s, t.get(), now), s.sendWindow(), now), null, choice, language);
            } catch (Templates.RenderingFailed e) {
                return new Route(null, e.getMessage(), choice, language);
            }
        });
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

    /** The route of {@code r} to one of {@code contacts}, the channels {@code tried} already failed. */
    public Uni<Route> toBuyer(String tenantId, MessageRequest r, NotificationSettings s, List<Contact> contacts,
            Set<ChannelType> tried, Instant now) {
        return toBuyer(tenantId, r, s, contacts, tried, now, templates::find);
    }

    /** {@link #toBuyer}, its templates found by {@code lookup} (a poll's, read at once). */
    public Uni<Route> toBuyer(String tenantId, MessageRequest r, NotificationSettings s, List<Contact> contacts,
            Set<ChannelType> tried, Instant now, Templates.Lookup lookup) {
        Set<ChannelType> failed = EnumSet.noneOf(ChannelType.class);
        failed.addAll(tried);
        return next(tenantId, r, s, contacts, failed, new ArrayList<>(), null, now, lookup);
    }

    private Uni<Route> next(String tenantId, MessageRequest r, NotificationSettings s, List<Contact> contacts,
            Set<ChannelType> tried, List<String> why, ContactChoice.Choice lastFound, Instant now, Templates.Lookup lookup) {
        boolean first = tried.isEmpty();
        ContactChoice.Choice choice = first
                ? ContactChoice.choose(contacts, r.channel(), s.channelOrder(), r.legallyRequired(), r.purpose())
                : Fallback.next(contacts, s.channelOrder(), tried, r.legallyRequired(), r.purpose());
        if (!choice.found()) {
            why.add(choice.failure());
            if (first && r.channel().isPresent() && !contacts.isEmpty()) {
                tried.add(r.channel().get());
                return next(tenantId, r, s, contacts, tried, why, lastFound, now, lookup);
            }
            Language language = r.languageFor(lastFound == null ? null : lastFound.contact(), s.language());
            return Uni.createFrom().item(new Route(null, String.join("; then ", why), lastFound, language));
        }
        Language wanted = r.languageFor(choice.contact(), s.language());
        // the contact's language, else the other: a template in some language rather than none
        return find(lookup, tenantId, r.templateKey(), choice.channel(), Language.lookUpOrder(wanted)).chain(t -> {
            Language language = t.map(TemplateText::language).orElse(wanted);
            String failure = t.isEmpty() ? "no template " + r.templateKey() + " for " + choice.channel() + " in " + wanted.tag()
                    : null;
            RenderedMessage rendered = null;
            if (failure == null) {
                try {
                    rendered = render(tenantId, r, choice, s, t.get(), now);
                } catch (Templates.RenderingFailed e) {
                    failure = e.getMessage();
                }
            }
            if (failure == null) {
                if (choice.channel() == ChannelType.EMAIL) {
                    // every email to a buyer's contact can be unsubscribed from, by a link in it (and its header)
                    rendered = rendered.withUnsubscribeLink(unsubscribes.link(tenantId, choice.contact().id(), ChannelType.EMAIL),
                            language);
                }
                RenderedMessage content = rendered;
                // a letter's HTML is its printed page; an email may carry the letter (docs: "Letters"); a letter
                // that cannot be made (no seal, no letter template) makes the channel unusable like a template
                TemplateText template = t.get();
                return letterOf(tenantId, r, choice, s, language, template, now, lookup).onItemOrFailure().transformToUni((l, e) -> {
                    if (e != null && !(e instanceof Templates.RenderingFailed)) {
                        return Uni.createFrom().failure(e);
                    }
                    if (e == null) {
                        RenderedMessage withPage = choice.channel() == ChannelType.LETTER
                                ? new RenderedMessage(content.subject(), content.text(), l) : content;
                        return Uni.createFrom().item(new Route(Message.queued(tenantId, r, choice, language,
                                context.senderOf(s.sender()), withPage, s.sendWindow(), now), null, choice, language,
                                choice.channel() == ChannelType.EMAIL ? l : null));
                    }
                    why.add(e.getMessage());
                    tried.add(choice.channel());
                    return next(tenantId, r, s, contacts, tried, why, choice, now, lookup);
                });
            }
            why.add(failure);
            tried.add(choice.channel());
            return next(tenantId, r, s, contacts, tried, why, choice, now, lookup);
        });
    }

    /** The template of (key, channel) in the first of {@code languages} that has one ({@link Language#lookUpOrder}). */
    private static Uni<Optional<TemplateText>> find(Templates.Lookup lookup, String tenantId, String key, ChannelType channel,
            List<Language> languages) {
        return lookup.find(tenantId, key, channel, languages.get(0)).chain(t -> t.isPresent() || languages.size() == 1
                ? Uni.createFrom().item(t) : find(lookup, tenantId, key, channel, languages.subList(1, languages.size())));
    }

    /**
     * The letter page of the route: a LETTER's own page, the attached letter of an email whose
     * request says {@code attachLetter} (the LETTER template of the same key and language), else null.
     */
    private Uni<String> letterOf(String tenantId, MessageRequest r, ContactChoice.Choice choice, NotificationSettings s,
            Language language, TemplateText template, Instant now, Templates.Lookup lookup) {
        String letterhead = s.sender() == null ? "" : s.sender().letterhead();
        if (choice.channel() == ChannelType.LETTER) {
            // the page with its date and deadline marked: the letter is dated the day it is made (LetterDate)
            return letters.page(tenantId, r.templateKey(), language, letterhead, renderLetter(tenantId, r, choice, s, template, now));
        }
        if (choice.channel() != ChannelType.EMAIL || !r.attachLetter()) {
            return Uni.createFrom().nullItem();
        }
        return lookup.find(tenantId, r.templateKey(), ChannelType.LETTER, language).chain(t -> {
            if (t.isEmpty()) {
                throw new Templates.RenderingFailed("the email carries the letter " + r.templateKey()
                        + " and there is no template " + r.templateKey() + " for LETTER in " + language.tag());
            }
            return letters.page(tenantId, r.templateKey(), language, letterhead, renderLetter(tenantId, r, choice, s, t.get(), now));
        });
    }

    /** The text of a letter's page: its date and payment deadline marked, made on the day the PDF is ({@link Letters}). */
    private String renderLetter(String tenantId, MessageRequest r, ContactChoice.Choice choice, NotificationSettings s,
            TemplateText t, Instant now) {
        SenderIdentity id = s.sender();
        return templates.render(tenantId, t, context.dated(r.data(), choice.contact(), id, now, t.language()),
                id == null ? "" : id.letterhead()).text();
    }

    private RenderedMessage render(String tenantId, MessageRequest r, ContactChoice.Choice choice, NotificationSettings s, TemplateText t,
            Instant now) {
        SenderIdentity id = s.sender();
        // dated the day it goes out, not the day of intake: an email queued for the send window over a weekend says
        // Monday and gives the time to pay from Monday (LetterDate, resolved by Deliveries at the hand-over)
        Map<String, Object> ctx = context.dated(r.data(), choice.contact(), id, now, t.language());
        String letterhead = id == null ? "" : id.letterhead();
        RenderedMessage full = templates.render(tenantId, t, ctx, letterhead);
        return choice.channel() == ChannelType.SMS ? withinParts(tenantId, t, ctx, letterhead, full, s.sms(), now) : full;
    }

    /** The template's text name that an SMS uses to say what it leaves out of its list. */
    static final String NOT_LISTED = "invoicesNotListed";

    /**
     * An SMS within the tenant's parts ({@link SmsLength}): as rendered when it fits; else, when its template prints
     * {@code invoicesNotListed} (count, and total per currency), listing as many of its invoices as fit and saying how
     * many more; else none: the channel is unusable, saying why, so it is never cut mid-word at the provider or billed
     * beyond the limit. Judged on the text as it would go out now (its marks made today).
     */
    private RenderedMessage withinParts(String tenantId, TemplateText t, Map<String, Object> ctx, String letterhead,
            RenderedMessage full, SmsLength limit, Instant now) {
        String text = goingOut(full, now);
        if (limit.fits(text)) {
            return full;
        }
        // only a template that says how many it leaves out may leave any out: never a silently shorter list
        if (ctx.get("invoices") instanceof List<?> invoices && invoices.size() > 1 && t.body().contains(NOT_LISTED)) {
            java.util.function.IntFunction<RenderedMessage> listing = n -> templates.render(tenantId, t,
                    listing(ctx, invoices, n), letterhead);
            OptionalInt listed = limit.mostListed(invoices.size() - 1, n -> goingOut(listing.apply(n), now));
            if (listed.isPresent()) {
                return listing.apply(listed.getAsInt());
            }
        }
        throw new Templates.RenderingFailed(limit.tooLong(text) + (t.body().contains(NOT_LISTED) ? ""
                : "; its template " + t.key() + " does not print " + NOT_LISTED + ", so no invoice is left out"));
    }

    /** The context with the first {@code n} invoices listed and the rest as {@code invoicesNotListed}: count, total. */
    private static Map<String, Object> listing(Map<String, Object> ctx, List<?> invoices, int n) {
        Map<String, Object> shorter = new java.util.HashMap<>(ctx);
        List<?> rest = invoices.subList(n, invoices.size());
        shorter.put("invoices", invoices.subList(0, n));
        shorter.put(NOT_LISTED, Map.of("count", rest.size(), "total", InvoiceTotals.asked(rest)));
        return shorter;
    }

    /** The SMS's text as it would be handed over now (its date and counts made today), as the channel sends it. */
    private static String goingOut(RenderedMessage m, Instant now) {
        return m.madeOn(now, day -> true).text().strip();
    }
}
