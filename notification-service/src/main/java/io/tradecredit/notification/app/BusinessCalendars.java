package io.tradecredit.notification.app;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.domain.BusinessDays;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.domain.SendWindow;
import io.tradecredit.notification.persistence.MessageRepository;
import io.tradecredit.notification.persistence.SettingsRepository;

/**
 * The tenant's business days as collections-service shares its calendar (the one a tenant keeps,
 * {@code PUT /api/v1/dunning/calendar}): messages wait over its holidays and go out on its make-up working
 * days, those requested from then on and those queued already: a calendar kept re-times the tenant's queued
 * messages to people in the same transaction ({@code Message.dueOnCalendarOf}), earlier to a new make-up
 * working day, later over a new holiday. A calendar set before the one kept changes nothing.
 */
@ApplicationScoped
public class BusinessCalendars {
    private static final Logger LOG = Logger.getLogger(BusinessCalendars.class);

    @Inject
    SettingsRepository settings;

    @Inject
    MessageRepository messages;

    @Inject
    Deliveries deliveries;

    @Inject
    Clock clock;

    /** In the consumer's transaction. */
    public Uni<Void> set(String tenantId, BusinessDays days, OffsetDateTime setAt) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return settings.saveBusinessDays(tenantId, days, setAt, now)
                .chain(kept -> kept ? retime(tenantId, now.toInstant(), "calendar") : Uni.createFrom().voidItem());
    }

    /**
     * In the caller's transaction, after the tenant's calendar or send window ({@link TenantSettings#set}) changed:
     * each of its queued messages to people due at the window's first opening, as the tenant's settings and calendar
     * now are, from when it may go at the earliest ({@code Message.dueOnCalendarOf}).
     */
    Uni<Void> retime(String tenantId, Instant now, String changed) {
        return settings.find(tenantId).map(s -> s.orElse(NotificationSettings.DEFAULT).sendWindow())
                .chain(window -> messages.waitingOf(tenantId, now).map(waiting -> moves(waiting, window, now)))
                .chain(moves -> messages.retimed(moves).invoke(n -> {
                    if (n > 0) {
                        LOG.infof("tenant %s: its %s changed, %d queued messages re-timed", tenantId, changed, n);
                    }
                })).replaceWithVoid();
    }

    private List<MessageRepository.Retimed> moves(List<MessageRepository.Waiting> waiting, SendWindow window, Instant now) {
        return waiting.stream().map(w -> {
            var m = w.message();
            Instant earliest = deliveries.schedule(m.channel()).notBefore(w.channelAttempts(), w.queuedAt());
            return new MessageRepository.Retimed(m.requestId(), m.nextAttemptAt(),
                    m.dueOnCalendarOf(window, w.contactZone(), earliest, now));
        }).filter(r -> !r.due().equals(r.was())).toList();
    }
}
