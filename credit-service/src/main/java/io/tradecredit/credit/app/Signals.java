package io.tradecredit.credit.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.credit.domain.Alert;
import io.tradecredit.credit.domain.BlockCause;
import io.tradecredit.credit.domain.Buyer;
import io.tradecredit.credit.domain.SignalReport;
import io.tradecredit.credit.domain.WarningSignal;
import io.tradecredit.credit.persistence.BuyerRepository;
import io.tradecredit.credit.persistence.SignalRepository;

/**
 * Early-warning signals from REST and from the {@code warning-signals} topic. Each re-grades the
 * buyer; an insolvency filing first blocks new credit (docs/domain.md §1).
 */
@ApplicationScoped
public class Signals {
    private static final Logger LOG = Logger.getLogger(Signals.class);

    @Inject
    BuyerRepository buyers;

    @Inject
    SignalRepository signals;

    @Inject
    Assessments assessments;

    @Inject
    CreditLimits limits;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /** A signal as reported: type, who says so, when it was observed, what it is about. */
    public record Report(WarningSignal type, String source, LocalDate observedOn, String details) {
    }

    public Uni<SignalReport> report(String tenantId, UUID buyerId, Report report) {
        requireNotFuture(report.observedOn());
        return Panache.withTransaction(() -> buyers.lockOwned(tenantId, buyerId).map(b -> Buyers.found(b, buyerId))
                .chain(b -> report(b, report)));
    }

    /**
     * From a provider, who knows the buyer by registration number; inside the inbox's transaction.
     * A company that is not a buyer of this tenant is of no concern to it: the signal is dropped.
     */
    public Uni<Void> reportFromProvider(String tenantId, String registrationNumber, Report report) {
        return buyers.lockByRegistration(tenantId, registrationNumber.strip().toUpperCase(Locale.ROOT)).chain(b -> {
            if (b == null) {
                LOG.debugf("warning signal for %s: not a buyer of tenant %s", registrationNumber, tenantId);
                return Uni.createFrom().voidItem();
            }
            return report(b, report).replaceWithVoid();
        });
    }

    public Uni<List<SignalReport>> list(String tenantId, UUID buyerId) {
        return Panache.withSession(() -> buyers.findOwned(tenantId, buyerId).map(b -> Buyers.found(b, buyerId))
                .chain(b -> signals.ofBuyer(tenantId, buyerId)));
    }

    /** Closes a signal (e.g. proceedings withdrawn) and re-grades; a block stays until a manager lifts it. */
    public Uni<SignalReport> resolve(String tenantId, UUID buyerId, UUID signalId, String resolution, String by) {
        return Panache.withTransaction(() -> buyers.lockOwned(tenantId, buyerId).map(b -> Buyers.found(b, buyerId))
                .chain(b -> signals.findOwned(tenantId, buyerId, signalId).chain(s -> {
                    if (s == null) {
                        return Uni.createFrom().failure(DomainError.notFound("warning-signal.not-found", "No warning signal " + signalId));
                    }
                    s.resolve(resolution, by, OffsetDateTime.now(clock));
                    return signals.flush().chain(() -> assessments.reassess(b, "warning signal resolved: " + s.type))
                            .replaceWith(s);
                })));
    }

    private Uni<SignalReport> report(Buyer b, Report r) {
        SignalReport s = SignalReport.report(b, r.type(), r.source(), r.observedOn(), r.details(),
                OffsetDateTime.now(clock));
        String cause = "warning signal: " + r.type();
        if (r.type() != WarningSignal.INSOLVENCY_FILING || b.blocked) {
            return signals.persist(s).chain(() -> assessments.reassess(b, cause)).replaceWith(s);
        }
        // blocked first, so the re-grade finds the limit at 0; then one alert, with the new grade (grade 10)
        String reason = "insolvency filing reported by " + s.source + " on " + s.observedOn;
        return signals.persist(s).chain(() -> limits.block(b, BlockCause.INSOLVENCY, reason, s.id))
                .chain(limitBefore -> assessments.reassessUntold(b, cause)
                        .chain(regrade -> limits.tell(b, Alert.blocked(reason, limitBefore, regrade))))
                .replaceWith(s);
    }

    private void requireNotFuture(LocalDate observedOn) {
        if (observedOn.isAfter(businessZone.today())) {
            throw DomainError.invalidField("warning-signal.observed-in-future", "observedOn", "must not be in the future");
        }
    }
}
