package io.tradecredit.notification.app;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.persistence.SettingsRepository;

/** A tenant's sender identity, channel order and send window. */
@ApplicationScoped
public class TenantSettings {
    @Inject
    SettingsRepository settings;

    @Inject
    BusinessCalendars calendars;

    @Inject
    Clock clock;

    /** The tenant's settings, or the defaults while it has set none. */
    public Uni<NotificationSettings> of(String tenantId) {
        return CurrentTransaction.run(() -> settings.find(tenantId))
                .map(found -> found.orElse(NotificationSettings.DEFAULT));
    }

    /**
     * Keeps the tenant's settings; a changed send window re-times its queued messages to people in the same
     * transaction, as a changed calendar does ({@link BusinessCalendars}): widened, earlier; narrowed, later.
     */
    public Uni<NotificationSettings> set(String tenantId, NotificationSettings next, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return CurrentTransaction.run(() -> settings.find(tenantId)
                .map(was -> was.orElse(NotificationSettings.DEFAULT).sendWindow().sameHoursAndDaysAs(next.sendWindow()))
                .chain(same -> settings.save(tenantId, next, now, by)
                        .chain(() -> same ? Uni.createFrom().voidItem()
                                : calendars.retime(tenantId, now.toInstant(), "send window"))))
                .replaceWith(next);
    }
}
