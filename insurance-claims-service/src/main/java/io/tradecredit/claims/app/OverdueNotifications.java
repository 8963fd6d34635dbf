package io.tradecredit.claims.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.OverdueNotification;
import io.tradecredit.claims.domain.PolicyVersion;
import io.tradecredit.claims.events.ClaimEvents;
import io.tradecredit.claims.persistence.OverdueNotificationRepository;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * Overdue notifications: the tenant notifies the insurer of an insured buyer's overdue account under a policy in
 * force; recorded with who and when and the invoices concerned, and published as {@code overdue-notified} and
 * {@code stop-deliveries-started} on {@code claim-events} in the same transaction.
 */
@ApplicationScoped
public class OverdueNotifications {
    @Inject
    Policies policies;

    @Inject
    Exposures exposures;

    @Inject
    Buyers tenancy;

    @Inject
    OverdueNotificationRepository notifications;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /**
     * 404 for another tenant's policy or buyer; 409 when the policy is not in force today; 422 without insured
     * overdue.
     */
    public Uni<OverdueNotification> notify(String tenantId, UUID policyId, UUID buyerId, String note, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return CurrentTransaction.run(() -> policies.versions(tenantId, policyId).chain(all -> {
            PolicyVersion policy = PolicyVersion.inForce(all, businessZone.dateOf(now)).orElseThrow(() -> DomainError.conflict(
                    "overdue.policy-not-in-force", "Policy " + policyId + " is not in force on " + businessZone.dateOf(now)
                            + " (its first terms start " + all.get(0).effectiveFrom() + ")"));
            return tenancy.visibleTo(tenantId, buyerId).chain(() -> exposures.of(tenantId, policyId, buyerId,
                    businessZone.dateOf(now))).chain(exposure -> {
                OverdueNotification n = OverdueNotification.of(policyId, buyerId, exposure, note, businessZone.dateOf(now), now, by);
                return notifications.add(tenantId, n)
                        .chain(() -> outbox.record(ClaimEvents.overdueNotified(tenantId, n, policy.terms())))
                        .chain(() -> outbox.record(ClaimEvents.stopDeliveriesStarted(tenantId, n, policy.terms())))
                        .replaceWith(n);
            });
        }));
    }

    /**
     * The buyer's notifications under the tenant's policy, newest first (none: empty); 404 for another tenant's policy
     * or buyer.
     */
    public Uni<List<OverdueNotification>> ofBuyer(String tenantId, UUID policyId, UUID buyerId) {
        return CurrentTransaction.run(() -> policies.versions(tenantId, policyId)
                .chain(() -> tenancy.visibleTo(tenantId, buyerId))
                .chain(() -> notifications.ofBuyer(tenantId, policyId, buyerId)));
    }
}
