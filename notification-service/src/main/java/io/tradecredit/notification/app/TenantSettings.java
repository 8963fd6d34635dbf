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
    Clock clock;

    /** The tenant's settings, or the defaults while it has set none. */
    public Uni<NotificationSettings> of(String tenantId) {
        return CurrentTransaction.run(() -> settings.find(tenantId))
                .map(found -> found.orElse(NotificationSettings.DEFAULT));
    }

    public Uni<NotificationSettings> set(String tenantId, NotificationSettings next, String by) {
        return CurrentTransaction.run(() -> settings.save(tenantId, next, OffsetDateTime.now(clock), by)).replaceWith(next);
    }
}
