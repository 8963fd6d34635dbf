package io.tradecredit.claims.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.CollectorHandOver;
import io.tradecredit.claims.domain.Deadline;
import io.tradecredit.claims.domain.DeadlineKind;
import io.tradecredit.claims.domain.DeadlineState;
import io.tradecredit.claims.domain.InsuredDeadline;
import io.tradecredit.claims.domain.InvoiceDeadlines;
import io.tradecredit.claims.domain.PolicyVersion;
import io.tradecredit.claims.events.ClaimEvents;
import io.tradecredit.claims.events.DeadlineEvents;
import io.tradecredit.claims.persistence.DeadlineRepository;
import io.tradecredit.claims.persistence.DeadlineRepository.Overdue;
import io.tradecredit.claims.persistence.DeadlineRepository.ToJudge;
import io.tradecredit.claims.persistence.InsuredLimitRepository;
import io.tradecredit.claims.persistence.PolicyRepository;
import io.tradecredit.common.api.Page;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.persistence.CurrentTransaction;

/**
 * The insurer's deadlines of insured overdue invoices (docs/insurance-claims-service.md, "Deadlines"), for the
 * daily deadlines job, one batch at a time in the batch's transaction: {@link #lookAt} finds which overdue
 * invoices are insured and records their deadlines ({@link InvoiceDeadlines}); {@link #judge} judges each open
 * deadline on the day ({@link Deadline#judge}) and records a warning, a met or a missed deadline with its
 * messages in the same transaction. A missed deadline counts in {@code tradecredit.claims.deadlines.missed}
 * (tagged tenant and kind; the chart's alert TradecreditInsuranceDeadlineMissed fires on it).
 */
@ApplicationScoped
public class Deadlines {
    private static final Logger LOG = Logger.getLogger(Deadlines.class);
    /** The missed counter's kind for deadlines missed before tracking, told per tenant in one summary. */
    static final String BEFORE_TRACKING = "BEFORE_TRACKING";

    @Inject
    DeadlineRepository deadlines;

    @Inject
    PolicyRepository policies;

    @Inject
    Policies policyCases;

    @Inject
    InsuredLimitRepository limits;

    @Inject
    Exposures exposures;

    @Inject
    Buyers tenancy;

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry metrics;

    /** What one batch of judging did; {@code missedBeforeTracking} are also in {@code missed}. */
    public record Judged(int deadlines, int warned, int met, int missed, int missedBeforeTracking) {
    }

    /**
     * Looks at up to {@code batchSize} open invoices past their due date not yet looked at on {@code asOf}: under
     * each of the tenant's policies in force that day in the invoice's currency, an invoice with an insured part
     * (the buyer's exposure split on the day as the exposure API has it, Exposures#split: an invoice issued from the
     * stop-deliveries date on has none) gets its deadlines recorded, or moved (the policy's terms revised since). Returns
     * how many invoices it looked at (0: none left for the day).
     */
    public Uni<Integer> lookAt(LocalDate asOf, int batchSize) {
        return deadlines.startTracking(asOf).chain(() -> deadlines.lockOverdue(asOf, batchSize)).chain(overdue -> overdue.isEmpty() ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(overdue).onItem().transformToUniAndConcatenate(i -> lookAt(i, asOf))
                        .collect().asList()
                        .chain(() -> deadlines.lookedAt(overdue.stream().map(Overdue::invoiceId).toList(), asOf))
                        .replaceWith(overdue.size()));
    }

    private Uni<Void> lookAt(Overdue invoice, LocalDate asOf) {
        return policies.allVersions(invoice.tenantId()).chain(all -> {
            Map<UUID, List<PolicyVersion>> byPolicy = new HashMap<>();
            all.forEach(v -> byPolicy.computeIfAbsent(v.policyId(), k -> new ArrayList<>()).add(v));
            List<PolicyVersion> inForce = byPolicy.values().stream().map(vs -> PolicyVersion.inForce(vs, asOf))
                    .flatMap(java.util.Optional::stream)
                    .filter(v -> v.terms().currency().equals(invoice.currency())).toList();
            return Multi.createFrom().iterable(inForce).onItem()
                    .transformToUniAndConcatenate(policy -> planIfInsured(invoice, policy, asOf)).collect().asList()
                    .replaceWithVoid();
        });
    }

    private Uni<Void> planIfInsured(Overdue invoice, PolicyVersion policy, LocalDate asOf) {
        return limits.decisions(invoice.tenantId(), policy.policyId(), invoice.buyerId())
                .chain(decisions -> decisions.isEmpty() ? Uni.createFrom().voidItem()
                        : exposures.split(invoice.tenantId(), policy.policyId(), policy.terms().currency(),
                                invoice.buyerId(), decisions, asOf).chain(exposure -> {
                            boolean insured = exposure.lines().stream().anyMatch(l -> l.invoice().invoiceId()
                                    .equals(invoice.invoiceId()) && l.insured().isPositive());
                            return insured ? deadlines.plan(invoice, policy.policyId(),
                                    InvoiceDeadlines.of(policy.terms(), invoice.dueDate()))
                                    : Uni.createFrom().voidItem();
                        }));
    }

    /** Judges up to {@code batchSize} open deadlines not yet judged on {@code asOf}. */
    public Uni<Judged> judge(LocalDate asOf, int batchSize) {
        return deadlines.lockToJudge(asOf, batchSize).chain(batch -> {
            if (batch.isEmpty()) {
                return Uni.createFrom().item(new Judged(0, 0, 0, 0, 0));
            }
            Map<UUID, List<PolicyVersion>> terms = new HashMap<>();
            int[] counts = new int[4];
            return Multi.createFrom().iterable(batch).onItem()
                    .transformToUniAndConcatenate(d -> termsOf(d, terms, asOf).chain(policy -> judge(d, policy, asOf, counts)))
                    .collect().asList()
                    .chain(() -> deadlines.judged(batch.stream().map(ToJudge::id).toList(), asOf))
                    .map(x -> new Judged(batch.size(), counts[0], counts[1], counts[2], counts[3]));
        });
    }

    /** The terms in force on the day judged (the lead time, the policy's number and insurer in the messages). */
    private Uni<PolicyVersion> termsOf(ToJudge d, Map<UUID, List<PolicyVersion>> cache, LocalDate asOf) {
        List<PolicyVersion> known = cache.get(d.policyId());
        Uni<List<PolicyVersion>> versions = known != null ? Uni.createFrom().item(known)
                : policies.versions(d.tenantId(), d.policyId()).invoke(v -> cache.put(d.policyId(), v));
        return versions.map(v -> PolicyVersion.inForce(v, asOf).orElse(v.get(0)));
    }

    private Uni<Void> judge(ToJudge d, PolicyVersion policy, LocalDate asOf, int[] counts) {
        LocalDate deadline = d.deadline().date();
        LocalDate handedOver = CollectorHandOver.since(d.agencyMoves(), policy.terms().collectorAgencyCode(),
                deadline.isBefore(asOf) ? deadline : asOf);
        Deadline.Judgement j = d.deadline().judge(policy.terms().warningLeadDays(), d.facts().withHandOver(handedOver),
                asOf);
        DeadlineEvents.Subject s = new DeadlineEvents.Subject(d.id(), d.policyId(), policy.terms(), d.buyerId(),
                d.buyerName() == null ? d.buyerId().toString() : d.buyerName(), d.invoiceId(), d.invoiceNumber(),
                d.dueDate(), d.extendedTo(), d.deadline().kind(), d.deadline().date());
        if (j instanceof Deadline.Warn w) {
            counts[0]++;
            return deadlines.warned(d.id(), asOf).chain(() -> outbox.record(DeadlineEvents.warning(d.tenantId(), s,
                    w.daysLeft(), asOf)));
        }
        if (j instanceof Deadline.Met m) {
            counts[1]++;
            return deadlines.met(d.id(), m);
        }
        if (j instanceof Deadline.Missed && d.deadline().missedBeforeTracking(d.trackedSince())) {
            counts[2]++;
            counts[3]++;
            return deadlines.missedBeforeTracking(d.id(), asOf).chain(() -> stopDeliveries(d, policy));
        }
        if (j instanceof Deadline.Missed) {
            counts[2]++;
            return deadlines.missed(d.id(), asOf).chain(() -> outbox.record(DeadlineEvents.missed(d.tenantId(), s, asOf)))
                    .chain(() -> stopDeliveries(d, policy))
                    .invoke(() -> {
                        metrics.counter("tradecredit.claims.deadlines.missed", "tenant", d.tenantId(), "kind", d.deadline().kind().name())
                                .increment();
                        LOG.warnf("Tenant %s missed the %s deadline of %s for invoice %s of buyer %s under policy %s",
                                d.tenantId(), d.deadline().kind(), d.deadline().date(), d.invoiceNumber(), d.buyerId(),
                                policy.terms().policyNumber());
                    });
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * A stop-deliveries deadline passed unmet: the tenant did not notify in time, and from the deadline's day new
     * deliveries to the buyer are uninsured all the same (domain.StopDeliveries); credit-service learns it as from a
     * notification, by stop-deliveries-started. Other kinds publish nothing more.
     */
    private Uni<Void> stopDeliveries(ToJudge d, PolicyVersion policy) {
        return d.deadline().kind() != DeadlineKind.STOP_DELIVERIES ? Uni.createFrom().voidItem()
                : outbox.record(ClaimEvents.stopDeliveriesMissed(d.tenantId(), d.policyId(), d.buyerId(),
                        d.deadline().date(), d.id(), policy.terms()));
    }

    /**
     * Tells up to {@code batchSize} tenants, each in one critical request, of their deadlines found missed before
     * tracking began and not yet told (docs/insurance-claims-service.md, "The first run"), and counts them in
     * {@code tradecredit.claims.deadlines.missed} under the kind BEFORE_TRACKING, so the alert fires once per tenant.
     * Returns how many tenants it looked at (0: none left).
     */
    public Uni<Integer> summarize(LocalDate asOf, int batchSize) {
        return deadlines.toSummarize(batchSize).chain(tenants -> Multi.createFrom().iterable(tenants).onItem()
                .transformToUniAndConcatenate(t -> deadlines.summarize(t, asOf).chain(missed -> missed.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : outbox.record(DeadlineEvents.missedBeforeTracking(t, asOf, missed)).invoke(() -> {
                            metrics.counter("tradecredit.claims.deadlines.missed", "tenant", t, "kind", BEFORE_TRACKING)
                                    .increment(missed.size());
                            LOG.warnf("Tenant %s: %d insurer's deadline(s) were missed before the deadlines job began to"
                                    + " track their policies (found on %s); told in one summary", t, missed.size(), asOf);
                        })))
                .collect().asList().replaceWith(tenants.size()));
    }

    /**
     * One page of the deadlines under the tenant's policy (404 for another tenant's), of one buyer when given (404 for
     * another tenant's buyer).
     */
    public Uni<Page<InsuredDeadline>> list(String tenantId, UUID policyId, UUID buyerId, DeadlineState state, int page, int size) {
        return CurrentTransaction.run(() -> policyCases.versions(tenantId, policyId)
                .chain(() -> tenancy.visibleTo(tenantId, buyerId))
                .chain(() -> deadlines.count(tenantId, policyId, buyerId, state))
                .chain(total -> deadlines.list(tenantId, policyId, buyerId, state, page, size)
                        .map(items -> new Page<>(items, page, size, total))));
    }
}
