package io.tradecredit.notification.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.domain.Contact;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.MessageStatus;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.persistence.ContactRepository;
import io.tradecredit.notification.persistence.MessageRepository;
import io.tradecredit.notification.persistence.SettingsRepository;

/**
 * The messages queued for a contact the tenant removes, not handed over yet: each goes by the
 * routing rules ({@link Routes}) to the buyer's contacts that remain, as if the removed one had never
 * been entered (the next usable contact on the same channel, else the next channel of the order),
 * QUEUED again with the reason; with nobody left it ends FAILED "contact removed" and why. A message
 * whose letter was already made (an earlier hand-over failed and waits for its retry) ends FAILED:
 * its PDF names the removed contact and is never made twice. What was handed over stays as recorded.
 */
@ApplicationScoped
public class RemovedContacts {
    private static final Logger LOG = Logger.getLogger(RemovedContacts.class);
    static final String REASON = "contact removed";

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

    /** In the removal's transaction, after the contact's row is gone. */
    public Uni<Void> reroute(String tenantId, Contact removed, Instant now) {
        return messages.queuedTo(tenantId, removed.id()).chain(queued -> queued.isEmpty() ? Uni.createFrom().voidItem()
                : settings.find(tenantId).map(s -> s.orElse(NotificationSettings.DEFAULT))
                        .chain(s -> contacts.ofBuyer(tenantId, removed.buyerId())
                                .chain(remaining -> Multi.createFrom().iterable(queued).onItem()
                                        .transformToUniAndConcatenate(q -> reroute(tenantId, q, s, remaining, now))
                                        .collect().asList()))
                        .chain(changed -> statusEvents.changed(changed.stream().flatMap(Optional::stream).toList(), now)));
    }

    private Uni<Optional<Message>> reroute(String tenantId, MessageRepository.QueuedTo q, NotificationSettings s,
            List<Contact> remaining, Instant now) {
        Message m = q.message();
        if (q.letterMade()) {
            return failed(m, REASON + "; its letter was made for the removed contact already", now);
        }
        return routes.toBuyer(tenantId, m.request(), s, remaining, q.tried(), now).chain(route -> {
            if (!route.found()) {
                return failed(m, REASON + "; then " + route.failure(), now);
            }
            Message next = route.queued();
            String why = REASON + "; re-routed to contact " + next.contactId() + " on " + next.channel();
            LOG.infof("message %s: %s", m.requestId(), why);
            return messages.rerouted(m.requestId(), next, q.tried(), why, now).call(() -> route.keepAttachedLetter(letters));
        });
    }

    private Uni<Optional<Message>> failed(Message m, String reason, Instant now) {
        LOG.infof("message %s: %s", m.requestId(), reason);
        return messages.failedFrom(MessageStatus.QUEUED, m.requestId(), reason, now);
    }
}
