package io.tradecredit.collections.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.AbandonmentRule;
import io.tradecredit.collections.domain.AgencySettlement;
import io.tradecredit.collections.domain.CaseState;
import io.tradecredit.collections.domain.CloseReason;
import io.tradecredit.collections.events.CollectorEvents;
import io.tradecredit.collections.events.CollectorEvents.AbandonmentConfirmed;
import io.tradecredit.collections.events.CollectorEvents.Judged;
import io.tradecredit.collections.events.CollectorEvents.WriteOff;
import io.tradecredit.collections.persistence.AbandonmentRepository;
import io.tradecredit.collections.persistence.AgencyContractRepository;
import io.tradecredit.collections.persistence.AgencyPlacementRepository;
import io.tradecredit.collections.persistence.CaseRepository;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * Abandoning a small debt (docs/domain.md §3 "Abandon small debts"): proposed when
 * {@link AbandonmentRule} (the tenant's costs) says collecting costs more than the debt, by a collector
 * or by the daily review ({@link #review}), and confirmed by another collector (four eyes: the proposer
 * may not). The confirmation judges the
 * debt again as it is then (a case an agency holds at its contract's fee), closes the case as abandoned and publishes abandonment-confirmed, the
 * write-off request of the buyer's overdue invoices for invoice-service (without those an agency's settlement ended: they
 * are the settlement's own proposal's, {@link #proposeSettled}).
 */
@ApplicationScoped
public class Abandonments {
    @Inject
    CollectionCases cases;

    @Inject
    OpenItems openItems;

    @Inject
    TenantCaseTerms terms;

    @Inject
    AbandonmentRepository proposals;

    @Inject
    Outbox outbox;

    @Inject
    CaseRepository caseRows;

    @Inject
    AgencyPlacementRepository placements;

    @Inject
    AgencyContractRepository contracts;

    /** The proposer's name of a proposal the daily review made. */
    static final String REVIEW = "abandonment-review";

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /** The judged amounts of a proposal (or confirmation). */
    public record Judgement(UUID caseId, List<Judged> amounts, String proposedBy, String confirmedBy) {
    }

    public Uni<Judgement> propose(String tenantId, UUID caseId, String by) {
        return CurrentTransaction.run(() -> judged(tenantId, caseId).chain(j -> proposed(tenantId, j, by, null)));
    }

    /** Records, logs and publishes the proposal; 409 when the case has one. {@code reason}: null for the cost rule's. */
    private Uni<Judgement> proposed(String tenantId, Assessed j, String by, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID caseId = j.caseView().id();
        return proposals.propose(tenantId, caseId, by, now, write(j.amounts()), reason).chain(added -> {
            if (!added) {
                throw DomainError.conflict("abandonment.already-proposed",
                        "Abandoning case " + caseId + " was proposed already");
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("amounts", json.convertValue(j.amounts(), List.class));
            if (reason != null) {
                detail.put("reason", reason);
            }
            return cases.log(tenantId, caseId, "abandonment-proposed", by, detail)
                    .chain(() -> outbox.record(CollectorEvents.abandonmentProposed(tenantId, caseId,
                            j.caseView().buyerId(), j.amounts(), by, businessZone.dateOf(now), reason)))
                    .replaceWith(new Judgement(caseId, j.amounts(), by, null));
        });
    }

    /**
     * An agency settled the case, now closed as settled, for less than the buyer owed (docs/collections-service.md,
     * "Agencies"): the settlement ends the debt of the case. The buyer's overdue invoices with something collectible
     * are recorded as settled (the run no longer duns them: {@code SETTLED_BY_AGENCY}) and what they still owe is
     * proposed for write-off by {@code by} (the agency), whatever the tenant's cost rule says, with the reason
     * ({@link AgencySettlement#reason}); a collector confirms ({@link #confirm}). Nothing left: nothing proposed.
     * In the caller's transaction.
     */
    public Uni<Void> proposeSettled(String tenantId, CaseView settled, String agencyCode, LocalDate settledOn, String by) {
        return openItems.overdueInvoicesOf(tenantId, settled.buyerId()).chain(invoices -> {
            AgencySettlement settlement = AgencySettlement.of(agencyCode, settledOn,
                    invoices.stream().map(OpenItems.Overdue::collectible).toList());
            Uni<Void> recorded = placements.settled(tenantId, settled.id(), agencyCode, settledOn,
                    invoices.stream().map(OpenItems.Overdue::invoiceId).toList());
            if (!settlement.leavesSomething()) {
                return recorded;
            }
            return recorded.chain(() -> terms.current(tenantId)).chain(t -> proposed(tenantId, new Assessed(settled,
                    judge(t.abandonment(), settlement.left())), by, settlement.reason())).replaceWithVoid();
        });
    }

    private static List<Judged> judge(AbandonmentRule rule, List<Money> left) {
        return rule.judge(left).stream().map(x -> new Judged(x.overdue(), x.expectedCost())).toList();
    }

    /**
     * One batch of the daily abandonment review (DOMAIN §3: small debts are proposed for write-off, a collector
     * confirms): up to {@code limit} open cases not yet looked at on {@code asOf}, each proposed as {@value #REVIEW}
     * when the tenant's rule says its debt costs more to collect than it is worth and nobody proposed it yet,
     * then marked looked at. Answers how many were looked at and how many proposed.
     */
    public Uni<Reviewed> review(LocalDate asOf, int limit) {
        return caseRows.lockForAbandonmentReview(asOf, limit).chain(batch -> {
            Uni<Integer> proposed = Uni.createFrom().item(0);
            for (CaseRepository.TenantCase c : batch) {
                proposed = proposed.chain(n -> proposeIfWorthAbandoning(c).map(p -> p ? n + 1 : n));
            }
            return proposed.call(() -> batch.isEmpty() ? Uni.createFrom().voidItem()
                    : caseRows.abandonmentReviewed(batch, asOf)).map(n -> new Reviewed(batch.size(), n));
        });
    }

    /** What a batch of the review did. */
    public record Reviewed(int looked, int proposed) {
    }

    private Uni<Boolean> proposeIfWorthAbandoning(CaseRepository.TenantCase c) {
        String tenant = c.tenantId();
        UUID caseId = c.stored().current().id();
        return ruleFor(tenant, caseId).chain(rule -> openItems.openItemsOf(tenant, c.stored().current().buyerId())
                .chain(items -> !rule.worthAbandoning(items.standing().overdue())
                        ? Uni.createFrom().item(false)
                        : proposals.find(tenant, caseId).chain(found -> found.isPresent() ? Uni.createFrom().item(false)
                                : propose(tenant, caseId, REVIEW).replaceWith(true))));
    }

    public Uni<Judgement> confirm(String tenantId, UUID caseId, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return CurrentTransaction.run(() -> cases.find(tenantId, caseId).chain(c -> proposals.find(tenantId, caseId))
                .chain(found -> {
                    AbandonmentRepository.Proposal p = found.orElseThrow(() -> DomainError.conflict(
                            "abandonment.not-proposed", "Abandoning case " + caseId + " has not been proposed"));
                    if (p.proposedBy().equals(by)) {
                        throw DomainError.conflict("abandonment.same-collector",
                                "The collector who proposed abandoning case " + caseId + " may not confirm it");
                    }
                    if (p.reason() != null) {
                        return confirmSettled(tenantId, caseId, p, by, now);
                    }
                    return judged(tenantId, caseId).chain(j -> openItems.overdueUnsettledOf(tenantId,
                            j.caseView().buyerId()).chain(invoices -> {
                                AbandonmentConfirmed confirmed = new AbandonmentConfirmed(caseId,
                                        j.caseView().buyerId(), j.amounts(), invoices.stream()
                                                .map(i -> new WriteOff(i.invoiceId(), i.invoiceNumber(), i.collectible()))
                                                .toList(), p.proposedBy(), by, businessZone.dateOf(now));
                                return proposals.confirm(tenantId, caseId, by, now)
                                        .chain(() -> cases.close(tenantId, caseId, CloseReason.ABANDONED, by,
                                                "abandoned: costs more to collect than it is worth"))
                                        .chain(() -> outbox.record(CollectorEvents.abandonmentConfirmed(tenantId,
                                                confirmed)))
                                        .replaceWith(new Judgement(caseId, j.amounts(), p.proposedBy(), by));
                            }));
                }));
    }

    /**
     * Confirms writing off what an agency's settlement left (the case closed as settled already, so it stays so): the
     * settled invoices still owing something collectible are the write-off request; 409 when confirmed already, 422
     * {@code abandonment.nothing-overdue} when they owe nothing any more (paid since).
     */
    private Uni<Judgement> confirmSettled(String tenantId, UUID caseId, AbandonmentRepository.Proposal p, String by,
            OffsetDateTime now) {
        if (p.confirmedBy() != null) {
            throw DomainError.conflict("abandonment.already-confirmed", "Abandoning case " + caseId
                    + " was confirmed already by " + p.confirmedBy());
        }
        return cases.find(tenantId, caseId).chain(c -> placements.settledInvoicesOf(tenantId, caseId)
                .chain(settled -> openItems.overdueInvoicesOf(tenantId, c.buyerId()).map(all -> all.stream()
                        .filter(i -> settled.contains(i.invoiceId())).toList()))
                .chain(invoices -> terms.current(tenantId).chain(t -> {
                    List<Judged> amounts = judge(t.abandonment(), AgencySettlement.perCurrency(
                            invoices.stream().map(OpenItems.Overdue::collectible).toList()));
                    if (amounts.isEmpty()) {
                        throw DomainError.unprocessable("abandonment.nothing-overdue",
                                "Nothing the agency's settlement left is owed any more: there is nothing to write off");
                    }
                    AbandonmentConfirmed confirmed = new AbandonmentConfirmed(caseId, c.buyerId(), amounts,
                            invoices.stream().map(i -> new WriteOff(i.invoiceId(), i.invoiceNumber(), i.collectible()))
                                    .toList(), p.proposedBy(), by, businessZone.dateOf(now));
                    return proposals.confirm(tenantId, caseId, by, now)
                            .chain(() -> cases.log(tenantId, caseId, "abandonment-confirmed", by,
                                    Map.of("reason", p.reason())))
                            .chain(() -> outbox.record(CollectorEvents.abandonmentConfirmed(tenantId, confirmed)))
                            .replaceWith(new Judgement(caseId, amounts, p.proposedBy(), by));
                })));
    }

    /** The open case and its debt per currency with the expected cost of collecting it. */
    private record Assessed(CaseView caseView, List<Judged> amounts) {
    }

    /** The case's debt judged by the tenant's rule today; refused unless worth abandoning, or if the case is closed. */
    private Uni<Assessed> judged(String tenantId, UUID caseId) {
        return cases.find(tenantId, caseId).chain(c -> {
            if (c.state() == CaseState.CLOSED) {
                throw DomainError.conflict("case.closed", "Case " + caseId + " is closed (" + c.closeReason() + ")");
            }
            return ruleFor(tenantId, caseId).chain(rule -> openItems.openItemsOf(tenantId, c.buyerId())
                    .map(items -> new Assessed(c, rule.requireWorthAbandoning(items.standing().overdue())
                            .stream().map(x -> new Judged(x.overdue(), x.expectedCost())).toList())));
        });
    }

    /**
     * The tenant's abandonment rule for the case: with the fee of the agency contract of the agency that holds the case,
     * if one does (its success fee is what collecting would cost there), else the tenant's estimate.
     */
    private Uni<AbandonmentRule> ruleFor(String tenantId, UUID caseId) {
        return terms.current(tenantId).chain(t -> placements.currentOf(tenantId, caseId).chain(placed -> placed.isEmpty()
                ? Uni.createFrom().item(t.abandonment())
                : contracts.find(tenantId, placed.get().agencyCode(), businessZone.today()).map(contract -> t.abandonment()
                        .withAgencyFee(contract.map(c -> c.contract().successFeePercent()).orElse(null)))));
    }

    private String write(List<Judged> amounts) {
        try {
            return json.writeValueAsString(amounts);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
