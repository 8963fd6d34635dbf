package io.tradecredit.notification.app;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.MessageRequest;
import io.tradecredit.notification.domain.MessageStatus;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.persistence.ContactRepository;
import io.tradecredit.notification.persistence.MessageRepository;
import io.tradecredit.notification.persistence.SettingsRepository;

/**
 * A message whose channel failed it for good (refused, retries spent) goes on by the next channel
 * of the tenant's order ({@link Routes}, {@code domain.Fallback}): the same message id, a new
 * delivery attempt on the new channel, its contact, language and content there, QUEUED with a
 * status event whose reason says what failed and where it goes now, and a FALLBACK row in its
 * attempt log. A message to the tenant whose webhook failed goes on by the channel asked for
 * (email, {@code domain.TenantRecipient}). When no channel is left it fails with the reasons of every step.
 */
@ApplicationScoped
public class Fallbacks {
    private static final Logger LOG = Logger.getLogger(Fallbacks.class);

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

    @Inject
    DeliveryMetrics metrics;

    /** After {@code m}'s channel failed for good with {@code reason}: queued on the next channel, or FAILED. */
    public Uni<MessageStatus> after(Message m, Set<ChannelType> triedBefore, String reason, String detail, Instant now) {
        return after(m, MessageStatus.SENDING, triedBefore, reason, detail, now);
    }

    /**
     * {@link #after} for a message in {@code from}: SENDING after a failed hand-over, SENT or UNKNOWN
     * when the provider's delivery report says it failed for good ({@link DeliveryReports}).
     */
    public Uni<MessageStatus> after(Message m, MessageStatus from, Set<ChannelType> triedBefore, String reason, String detail,
            Instant now) {
        boolean toTenant = m.request().recipient() == MessageRequest.RecipientKind.TENANT;
        if (toTenant && m.channel() != ChannelType.WEBHOOK) {
            return fail(m, from, reason, detail, now);
        }
        Set<ChannelType> tried = EnumSet.of(m.channel());
        tried.addAll(triedBefore);
        return CurrentTransaction.run(() -> settings.find(m.tenantId()).map(s -> s.orElse(NotificationSettings.DEFAULT))
                .chain(s -> toTenant ? routes.toTenant(m.tenantId(), m.request(), s, Optional.empty(), tried, now)
                        : contacts.ofBuyer(m.tenantId(), m.request().buyerId())
                                .chain(all -> routes.toBuyer(m.tenantId(), m.request(), s, all, tried, now)))
                .chain(route -> {
                    if (!route.found()) {
                        return failNow(m, from, reason + "; then " + route.failure(), detail, now);
                    }
                    Message next = route.queued();
                    Set<ChannelType> nowTried = EnumSet.copyOf(tried);
                    String why = reason + "; falling back to " + next.channel();
                    LOG.infof("message %s: %s", m.requestId(), why);
                    metrics.fellBack(m.channel(), next.channel());
                    return messages.fallBack(from, m.requestId(), next, nowTried, why, now)
                            .call(() -> route.keepAttachedLetter(letters))
                            .call(() -> messages.attempt(m.requestId(), m.attempts(), now, "FALLBACK",
                                    detail + "; next: " + next.channel()))
                            .call(moved -> statusEvents.changed(moved.stream().toList(), now))
                            .replaceWith(MessageStatus.QUEUED);
                }));
    }

    private Uni<MessageStatus> fail(Message m, MessageStatus from, String reason, String detail, Instant now) {
        return CurrentTransaction.run(() -> failNow(m, from, reason, detail, now));
    }

    private Uni<MessageStatus> failNow(Message m, MessageStatus from, String reason, String detail, Instant now) {
        return messages.failedFrom(from, m.requestId(), reason, now)
                .call(() -> messages.attempt(m.requestId(), m.attempts(), now, "FAILED", detail))
                .call(moved -> statusEvents.changed(moved.stream().toList(), now))
                .replaceWith(MessageStatus.FAILED);
    }
}
