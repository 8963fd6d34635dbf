package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.RequestedMessage;
import io.tradecredit.collections.domain.WithdrawalRule;
import io.tradecredit.collections.events.WithdrawalRequested;
import io.tradecredit.collections.persistence.DunningRequestRepository;
import io.tradecredit.common.events.Outbox;

/**
 * Withdraws the dunning messages a ledger event made untrue (docs/collections-service.md,
 * "Withdrawal"), in the inbox's transaction: each of the buyer's recent requests not withdrawn yet
 * that {@link WithdrawalRule} finds without anything collectible left is marked withdrawn, its
 * withdrawal recorded in the outbox for notification-service, and logged in the buyer's open case
 * (kind {@code message-withdrawn}), all once.
 */
@ApplicationScoped
public class Withdrawals {
    private static final Logger LOG = Logger.getLogger(Withdrawals.class);

    @Inject
    DunningRequestRepository requests;

    @Inject
    CollectionCases cases;

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    /** How far back a request may still be held by notification-service (days; 14 unless configured). */
    @ConfigProperty(name = "tradecredit.collections.withdrawal.recent-days", defaultValue = "14")
    int recentDays;

    /** A withdrawal decided: the request and why. */
    record Withdrawn(UUID requestId, String reason) {
    }

    /** Withdraws what is no longer true of the buyer's recent requests after the ledger's event. In the current transaction. */
    public Uni<Void> afterLedgerEvent(String tenantId, UUID buyerId, String actor) {
        return withdrawMoot(tenantId, buyerId, null, actor);
    }

    /**
     * Withdraws the buyer's recent requests an agency's settlement of case {@code settledCaseId} left with nothing
     * collectible (its invoices, recorded as settled: "nothing collectible left: INV-1 settled by agency &lt;code&gt;"),
     * logged in that case, now closed as settled (docs/collections-service.md, "Agencies"). In the current transaction,
     * after the settlement's invoices are recorded.
     */
    public Uni<Void> afterSettlement(String tenantId, UUID buyerId, UUID settledCaseId, String actor) {
        return withdrawMoot(tenantId, buyerId, settledCaseId, actor);
    }

    /**
     * Withdraws every recent request of a buyer now in insolvency proceedings ({@link WithdrawalRule#INSOLVENCY}),
     * logged in its open case. In the current transaction.
     */
    public Uni<Void> afterInsolvency(String tenantId, UUID buyerId, String actor) {
        Instant now = clock.instant();
        WithdrawalRule rule = new WithdrawalRule(recentDays);
        return requests.recentOf(tenantId, buyerId, rule.since(now)).chain(recent -> withdraw(tenantId, buyerId, null,
                recent.stream().flatMap(r -> rule.reasonToWithdrawFromInsolvent(r, now).stream()
                        .map(reason -> new Withdrawn(r.requestId(), reason))).toList(), actor, now));
    }

    /** {@code logIn}: the case the withdrawals are logged in; null: the buyer's open case, if any. */
    private Uni<Void> withdrawMoot(String tenantId, UUID buyerId, UUID logIn, String actor) {
        Instant now = clock.instant();
        WithdrawalRule rule = new WithdrawalRule(recentDays);
        return requests.recentOf(tenantId, buyerId, rule.since(now)).chain(recent -> recent.isEmpty()
                ? Uni.createFrom().voidItem()
                : requests.invoicesNow(tenantId, recent.stream().flatMap(r -> r.invoiceIds().stream()).distinct().toList())
                        .chain(invoices -> {
                            List<Withdrawn> moot = new ArrayList<>();
                            for (RequestedMessage r : recent) {
                                rule.reasonToWithdraw(r, invoices, now)
                                        .ifPresent(reason -> moot.add(new Withdrawn(r.requestId(), reason)));
                            }
                            return withdraw(tenantId, buyerId, logIn, moot, actor, now);
                        }));
    }

    private Uni<Void> withdraw(String tenantId, UUID buyerId, UUID logIn, List<Withdrawn> moot, String actor,
            Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Withdrawn w : moot) {
            chain = chain.chain(() -> requests.withdrawn(tenantId, w.requestId(), w.reason(), now)
                    .chain(marked -> marked ? published(tenantId, buyerId, logIn, w, actor) : Uni.createFrom().voidItem()));
        }
        return chain;
    }

    private Uni<Void> published(String tenantId, UUID buyerId, UUID logIn, Withdrawn w, String actor) {
        LOG.infof("dunning message %s to buyer %s (tenant %s) withdrawn: %s", w.requestId(), buyerId, tenantId, w.reason());
        metrics.counter("tradecredit.dunning.withdrawals").increment();
        return outbox.record(WithdrawalRequested.of(tenantId, w.requestId(), w.reason()))
                .chain(() -> logIn != null ? Uni.createFrom().item(Optional.of(logIn))
                        : cases.openCaseOf(tenantId, buyerId).map(open -> open.map(CaseView::id)))
                .chain(open -> {
                    if (open.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("requestId", w.requestId().toString());
                    detail.put("reason", w.reason());
                    return cases.log(tenantId, open.get(), "message-withdrawn", actor, detail);
                });
    }
}
