package io.tradecredit.notification.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.domain.Contact;
import io.tradecredit.notification.domain.ContactChoice;
import io.tradecredit.notification.domain.LetterDocument;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.MessageStatus;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.persistence.ContactRepository;
import io.tradecredit.notification.persistence.MessageRepository;
import io.tradecredit.notification.persistence.SettingsRepository;

/**
 * The messages queued for a contact (not handed over yet) that can no longer go where they were
 * addressed: the tenant removed the contact, or changed it so that it has no address on the message's
 * channel, another one, or an opt-out of it ({@link ContactChoice#noLongerReaches}). Each goes by the
 * routing rules ({@link Routes}) to the buyer's contacts as they are now, as if it were requested now
 * (the contact {@link ContactChoice} chooses for its purpose on its channel, else the next channel of
 * the order), QUEUED again under the same id with the reason; with nobody left it ends FAILED with why.
 * A letter whose PDF was made already (an earlier hand-over failed and waits for its retry: never printed)
 * is made anew for where it goes now: the PDF named the contact as it was, so it is dropped, the reason and
 * the log of the attempt that made it say so ({@link LetterDocument#madeAnew}), and the next hand-over's PDF
 * is the proof. What was handed over stays as recorded.
 */
@ApplicationScoped
public class Rerouting {
    private static final Logger LOG = Logger.getLogger(Rerouting.class);
    static final String REMOVED = "contact removed";

    @Inject
    MessageRepository messages;

    @Inject
    ContactRepository contacts;

    @Inject
    SettingsRepository settings;

    @Inject
    Routes routes;

    @Inject
    Letters letters;

    @Inject
    StatusEvents statusEvents;

    /** In the removal's transaction, after the contact's row is gone: every message queued for it. */
    public Uni<Void> removed(String tenantId, Contact removed, Instant now) {
        return reroute(tenantId, removed, m -> Optional.of(REMOVED), now);
    }

    /** In the change's transaction, after the contact's row was updated: the messages queued for it that it no longer reaches. */
    public Uni<Void> changed(String tenantId, Contact changed, Instant now) {
        return reroute(tenantId, changed,
                m -> ContactChoice.noLongerReaches(changed, m.channel(), m.address(), m.request().legallyRequired()), now);
    }

    private Uni<Void> reroute(String tenantId, Contact contact, Function<Message, Optional<String>> why, Instant now) {
        return messages.queuedTo(tenantId, contact.id())
                .map(queued -> queued.stream().filter(q -> why.apply(q.message()).isPresent()).toList())
                .chain(queued -> queued.isEmpty() ? Uni.createFrom().voidItem()
                        : settings.find(tenantId).map(s -> s.orElse(NotificationSettings.DEFAULT))
                                .chain(s -> contacts.ofBuyer(tenantId, contact.buyerId())
                                        .chain(remaining -> Multi.createFrom().iterable(queued).onItem()
                                                .transformToUniAndConcatenate(q -> reroute(tenantId, q,
                                                        why.apply(q.message()).orElseThrow(), s, remaining, now))
                                                .collect().asList()))
                                .chain(changed -> statusEvents.changed(changed.stream().flatMap(Optional::stream).toList(), now)));
    }

    private Uni<Optional<Message>> reroute(String tenantId, MessageRepository.QueuedTo q, String reason,
            NotificationSettings s, List<Contact> contactsNow, Instant now) {
        Message m = q.message();
        return routes.toBuyer(tenantId, m.request(), s, contactsNow, q.tried(), now).chain(route -> {
            if (!route.found()) {
                return failed(m, reason + "; then " + route.failure(), now);
            }
            Message next = route.queued();
            String rerouted = reason + "; re-routed to contact " + next.contactId() + " on " + next.channel()
                    + (q.letterMade() == null ? "" : "; " + LetterDocument.madeAnew(q.letterMade()));
            LOG.infof("message %s: %s", m.requestId(), rerouted);
            // the PDF made for the contact as it was goes with the move (MessageRepository.rerouted)
            return messages.rerouted(m.requestId(), next, q.tried(), rerouted, now).call(() -> route.keepAttachedLetter(letters))
                    .call(() -> q.letterMade() == null ? Uni.createFrom().voidItem()
                            : messages.noteOnLastAttempt(m.requestId(), rerouted));
        });
    }

    private Uni<Optional<Message>> failed(Message m, String reason, Instant now) {
        LOG.infof("message %s: %s", m.requestId(), reason);
        return messages.failedFrom(MessageStatus.QUEUED, m.requestId(), reason, now);
    }
}
