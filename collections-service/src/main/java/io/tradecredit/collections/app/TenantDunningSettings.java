package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.BusinessCalendar.DayCount;
import io.tradecredit.collections.domain.CurrencyThresholds;
import io.tradecredit.collections.domain.DunningRunPolicy;
import io.tradecredit.collections.domain.DunningSettings;
import io.tradecredit.collections.domain.PaymentDeadline;
import io.tradecredit.collections.domain.RunSettings;
import io.tradecredit.collections.domain.TenantCalendar;
import io.tradecredit.collections.events.BusinessDaysSet;
import io.tradecredit.collections.persistence.DunningPolicyRepository;
import io.tradecredit.common.events.Outbox;

/**
 * A tenant's calendar (with how offsets count) and its run settings. Both live in one row, each
 * door changes its own half; not versioned: they apply to the runs made after the change. A calendar
 * set is also shared with notification-service (its send windows keep to the tenant's business days).
 */
@ApplicationScoped
public class TenantDunningSettings {
    @Inject
    DunningPolicyRepository policies;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    public Uni<DunningSettings> current(String tenantId) {
        return Panache.withSession(() -> policies.settings(tenantId));
    }

    public Uni<DunningSettings> saveCalendar(String tenantId, TenantCalendar calendar, DayCount dayCount, String by) {
        return Panache.withTransaction(() -> policies.settings(tenantId).chain(now -> {
            DunningRunPolicy run = now.run().run();
            DunningSettings next = new DunningSettings(calendar, new RunSettings(
                    new DunningRunPolicy(dayCount, run.tolerance(), run.consolidation()), now.run().approvalMode(),
                    now.run().paymentDeadline()));
            OffsetDateTime at = OffsetDateTime.now(clock);
            return policies.saveSettings(tenantId, next, by, at)
                    .chain(() -> outbox.record(BusinessDaysSet.of(tenantId, calendar, at))).replaceWith(next);
        }));
    }

    public Uni<DunningSettings> saveRunSettings(String tenantId, CurrencyThresholds tolerance, boolean consolidation,
            boolean approvalMode, PaymentDeadline paymentDeadline, String by) {
        return Panache.withTransaction(() -> policies.settings(tenantId).chain(now -> {
            DunningSettings next = new DunningSettings(now.calendar(), new RunSettings(
                    new DunningRunPolicy(now.run().run().dayCount(), tolerance, consolidation), approvalMode,
                    paymentDeadline));
            return policies.saveSettings(tenantId, next, by, OffsetDateTime.now(clock)).replaceWith(next);
        }));
    }
}
