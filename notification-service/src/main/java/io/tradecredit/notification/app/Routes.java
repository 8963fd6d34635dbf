package io.tradecredit.notification.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Contact;
import io.tradecredit.notification.domain.ContactChoice;
import io.tradecredit.notification.domain.Fallback;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.MessageRequest;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.domain.RenderedMessage;
import io.tradecredit.notification.domain.SenderIdentity;
import io.tradecredit.notification.domain.TemplateText;

/**
 * The channel, contact, language and rendering of a message to a buyer, at intake and again after
 * a channel failed it for good: the requested channel (else the tenant's order) first, then, each
 * time a channel cannot be used (nobody reachable there, no template, the template cannot be
 * rendered with the data), the next one of the order ({@link Fallback}). The reason of a message
 * that finds no channel names every step, in order.
 */
@ApplicationScoped
public class Routes {
    @Inject
    Templates templates;

    @Inject
    TemplateContext context;

    @Inject
    Unsubscribes unsubscribes;

    /** A message queued on a channel, or the reason it goes nowhere (with the last channel found, if any). */
    public record Route(Message queued, String failure, ContactChoice.Choice lastFound, Language language) {
        public boolean found() {
            return queued != null;
        }
    }

    /** The route of {@code r} to one of {@code contacts}, the channels {@code tried} already failed. */
    public Uni<Route> toBuyer(String tenantId, MessageRequest r, NotificationSettings s, List<Contact> contacts,
            Set<ChannelType> tried, Instant now) {
        Set<ChannelType> failed = EnumSet.noneOf(ChannelType.class);
        failed.addAll(tried);
        return next(tenantId, r, s, contacts, failed, new ArrayList<>(), null, now);
    }

    private Uni<Route> next(String tenantId, MessageRequest r, NotificationSettings s, List<Contact> contacts,
            Set<ChannelType> tried, List<String> why, ContactChoice.Choice lastFound, Instant now) {
        boolean first = tried.isEmpty();
        ContactChoice.Choice choice = first ? ContactChoice.choose(contacts, r.channel(), s.channelOrder(), r.legallyRequired())
                : Fallback.next(contacts, s.channelOrder(), tried, r.legallyRequired());
        if (!choice.found()) {
            why.add(choice.failure());
            if (first && r.channel().isPresent() && !contacts.isEmpty()) {
                tried.add(r.channel().get());
                return next(tenantId, r, s, contacts, tried, why, lastFound, now);
            }
            Language language = r.languageFor(lastFound == null ? null : lastFound.contact());
            return Uni.createFrom().item(new Route(null, String.join("; then ", why), lastFound, language));
        }
        Language language = r.languageFor(choice.contact());
        return templates.find(tenantId, r.templateKey(), choice.channel(), language).chain(t -> {
            String failure = t.isEmpty() ? "no template " + r.templateKey() + " for " + choice.channel() + " in " + language.tag()
                    : null;
            RenderedMessage rendered = null;
            if (failure == null) {
                try {
                    rendered = render(r, choice, s, t.get(), now);
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
                return Uni.createFrom().item(new Route(Message.queued(tenantId, r, choice, language,
                        context.senderOf(s.sender()), rendered, s.sendWindow(), now), null, choice, language));
            }
            why.add(failure);
            tried.add(choice.channel());
            return next(tenantId, r, s, contacts, tried, why, choice, now);
        });
    }

    private RenderedMessage render(MessageRequest r, ContactChoice.Choice choice, NotificationSettings s, TemplateText t,
            Instant now) {
        SenderIdentity id = s.sender();
        return templates.render(t, context.of(r.data(), choice.contact(), id, now), id == null ? "" : id.letterhead());
    }
}
