package io.tradecredit.claims.app;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.OverdueNotification;
import io.tradecredit.claims.domain.PolicyVersion;
import io.tradecredit.claims.domain.ProtractedDefault;
import io.tradecredit.claims.persistence.ClaimRepository;
import io.tradecredit.claims.persistence.OverdueNotificationRepository;
import io.tradecredit.claims.persistence.OverdueNotificationRepository.Waiting;
import io.tradecredit.claims.persistence.PolicyRepository;

/**
 * Claims after a protracted default (docs/insurance-claims-service.md, "Protracted default"), for the daily job,
 * one batch of overdue notifications at a time in the batch's transaction: a notification still in its waiting
 * period is looked at again the next day; once the period has run, the claim the rule gives
 * ({@link ProtractedDefault#on}) is opened and the notification is done with, claim or not.
 */
@ApplicationScoped
public class ProtractedDefaults {
    private static final Logger LOG = Logger.getLogger(ProtractedDefaults.class);

    @Inject
    OverdueNotificationRepository notifications;

    @Inject
    PolicyRepository policies;

    @Inject
    ClaimRepository claimRows;

    @Inject
    Exposures exposures;

    @Inject
    Claims claims;

    /** What one batch did: notifications looked at, and claims opened. */
    public record Looked(int notifications, int opened) {
    }

    public Uni<Looked> lookAt(LocalDate asOf, int batchSize) {
        return notifications.lockWaiting(asOf, batchSize).chain(batch -> batch.isEmpty()
                ? Uni.createFrom().item(new Looked(0, 0))
                : Multi.createFrom().iterable(batch).onItem().transformToUniAndConcatenate(w -> lookAt(w, asOf))
                        .collect().asList().map(opened -> new Looked(batch.size(),
                                (int) opened.stream().filter(Boolean::booleanValue).count())));
    }

    private Uni<Boolean> lookAt(Waiting w, LocalDate asOf) {
        OverdueNotification n = w.notification();
        return policies.versions(w.tenantId(), n.policyId()).chain(versions -> {
            PolicyVersion policy = PolicyVersion.inForce(versions, asOf).orElse(null);
            if (policy == null || !ProtractedDefault.waitingOver(n.notifiedOn(), policy.terms().waitingPeriodDays(), asOf)) {
                return notifications.waited(n.id(), asOf, false).replaceWith(false);
            }
            int waiting = policy.terms().waitingPeriodDays();
            return exposures.of(w.tenantId(), n.policyId(), n.buyerId(), asOf)
                    .chain(x -> claimRows.held(w.tenantId(), n.policyId(), n.buyerId())
                            .map(held -> ProtractedDefault.on(asOf, n, waiting, x.claimable(), held)))
                    .chain(found -> found.isEmpty() ? none(w, asOf)
                            : claims.openOnProtractedDefault(w.tenantId(), policy, n.buyerId(),
                                    w.buyerName() == null ? n.buyerId().toString() : w.buyerName(), found.get(), asOf))
                    .call(() -> notifications.waited(n.id(), asOf, true));
        });
    }

    private static Uni<Boolean> none(Waiting w, LocalDate asOf) {
        LOG.infof("waiting period of overdue notification %s (buyer %s, policy %s, tenant %s) over on %s: nothing"
                + " named is insured and unpaid outside an open claim, no claim", w.notification().id(),
                w.notification().buyerId(), w.notification().policyId(), w.tenantId(), asOf);
        return Uni.createFrom().item(false);
    }
}
