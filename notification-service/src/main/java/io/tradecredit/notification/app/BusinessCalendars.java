package io.tradecredit.notification.app;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.notification.domain.BusinessDays;
import io.tradecredit.notification.persistence.SettingsRepository;

/**
 * The tenant's business days as collections-service shares its calendar (the one a tenant keeps,
 * {@code PUT /api/v1/dunning/calendar}): messages requested from then on wait over its holidays and go
 * out on its make-up working days. A calendar set before the one kept changes nothing.
 */
@ApplicationScoped
public class BusinessCalendars {
    @Inject
    SettingsRepository settings;

    @Inject
    Clock clock;

    /** In the consumer's transaction. */
    public Uni<Void> set(String tenantId, BusinessDays days, OffsetDateTime setAt) {
        return settings.saveBusinessDays(tenantId, days, setAt, OffsetDateTime.now(clock));
    }
}
