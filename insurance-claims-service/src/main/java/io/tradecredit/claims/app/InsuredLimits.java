package io.tradecredit.claims.app;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.BuyerTenancy;
import io.tradecredit.claims.domain.InsuredLimit;
import io.tradecredit.claims.domain.LimitDecision;
import io.tradecredit.claims.domain.LimitRequest;
import io.tradecredit.claims.events.ClaimEvents;
import io.tradecredit.claims.persistence.BuyerRepository;
import io.tradecredit.claims.persistence.InsuredLimitRepository;
import io.tradecredit.claims.persistence.PolicyRepository;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.signatures.TimestampedSignature;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * Insured limits per buyer: the tenant's requests, the insurer's decisions (entered by the tenant or
 * posted by the insurer's system to the signed callback), and the limit in force on a day.
 */
@ApplicationScoped
public class InsuredLimits {
    /** How far a callback's signing time may be from ours: older is a replay, and clocks differ a little. */
    public static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);

    @Inject
    Policies policies;

    @Inject
    PolicyRepository policyRows;

    @Inject
    InsuredLimitRepository limits;

    @Inject
    BuyerRepository buyers;

    @Inject
    Buyers tenancy;

    @Inject
    InsuredLimitSchedules schedules;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /** A decision as recorded, and whether it was a repeat of one recorded before (then nothing changed). */
    public record Recorded(LimitDecision decision, boolean repeat) {
    }

    /** What the tenant asked the insurer; kept with who and when. */
    public Uni<LimitRequest> request(String tenantId, UUID policyId, UUID buyerId, LimitRequest.Kind kind, Money amount,
            String note, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return CurrentTransaction.run(() -> policies.current(tenantId, policyId).chain(policy -> {
            LimitRequest asked = LimitRequest.of(policyId, policy.terms().currency(), buyerId, kind, amount, note, now, by);
            return ofTenant("limit-request.invalid", tenantId, buyerId)
                    .chain(() -> limits.decisions(tenantId, policyId, buyerId))
                    .map(all -> asked.against(InsuredLimit.on(businessZone.dateOf(now), all,
                            Money.currencyOf(policy.terms().currency()))))
                    .chain(r -> limits.addRequest(tenantId, r).replaceWith(r));
        }));
    }

    public Uni<List<LimitRequest>> requests(String tenantId, UUID policyId, UUID buyerId) {
        return CurrentTransaction.run(() -> policies.versions(tenantId, policyId)
                .chain(() -> tenancy.visibleTo(tenantId, buyerId))
                .chain(() -> limits.requests(tenantId, policyId, buyerId)));
    }

    /** The insurer's decision, built from what the caller gave (every wrong field named); see {@link #decide}. */
    public record DecisionInput(String decisionId, UUID buyerId, LimitDecision.Outcome outcome, Money amount,
            LocalDate effectiveFrom, LocalDate expiresOn, UUID requestId) {
    }

    /**
     * Records the insurer's decision and publishes {@code insured-limit-changed} with the limit in force
     * today, then the buyer's whole schedule ({@code insured-limit-schedule-changed}); a decision whose id was recorded before is a repeat: nothing changes, the first is answered,
     * also when both deliveries arrive at the same instant (the later insert steps aside).
     */
    public Uni<Recorded> decide(String tenantId, UUID policyId, DecisionInput in, LimitDecision.Source source,
            String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = businessZone.dateOf(now);
        return CurrentTransaction.run(() -> policies.current(tenantId, policyId).chain(policy -> {
            LimitDecision decision = LimitDecision.of(policy.terms().currency(), in.decisionId(), in.buyerId(),
                    in.outcome(), in.amount(), in.effectiveFrom(), in.expiresOn(), in.requestId(), source, now, by);
            return ofTenant("limit-decision.invalid", tenantId, decision.buyerId())
                    .chain(() -> limits.decision(policyId, decision.decisionId())).chain(earlier -> {
                if (earlier.isPresent()) {
                    return Uni.createFrom().item(new Recorded(decision.repeatedBy(earlier.get()), true));
                }
                return answers(tenantId, policyId, decision)
                        .chain(() -> limits.addDecision(tenantId, policyId, decision))
                        .chain(added -> added.isEmpty() ? recordedMeanwhile(policyId, decision)
                                : limits.decisions(tenantId, policyId, added.get().buyerId()).chain(all -> {
                                    InsuredLimit limitToday = InsuredLimit.on(today, all,
                                            Money.currencyOf(policy.terms().currency()));
                                    return outbox.record(ClaimEvents.insuredLimitChanged(tenantId, policyId,
                                            policy.terms(), added.get(), today, limitToday))
                                            .chain(() -> schedules.publish(tenantId, added.get().buyerId(), "DECISION"))
                                            .replaceWith(new Recorded(added.get(), false));
                                }));
            });
        }));
    }

    /** The same decision arrived twice at once and the other delivery recorded it first: a repeat. */
    private Uni<Recorded> recordedMeanwhile(UUID policyId, LimitDecision decision) {
        return limits.decision(policyId, decision.decisionId())
                .map(earlier -> new Recorded(decision.repeatedBy(earlier.orElseThrow()), true));
    }

    /** The buyer's insured limit on {@code asOf} (today when null) under the policy, with the decision setting it. */
    public Uni<InsuredLimit> on(String tenantId, UUID policyId, UUID buyerId, LocalDate asOf) {
        LocalDate day = asOf == null ? businessZone.today() : asOf;
        return CurrentTransaction.run(() -> policies.current(tenantId, policyId).chain(policy -> tenancy
                .visibleTo(tenantId, buyerId).chain(() -> limits.decisions(tenantId, policyId, buyerId))
                .map(all -> InsuredLimit.on(day, all, Money.currencyOf(policy.terms().currency())))));
    }

    /** Every decision on the buyer's limit under the policy, in the order recorded; 404 for another tenant's buyer. */
    public Uni<List<LimitDecision>> history(String tenantId, UUID policyId, UUID buyerId) {
        return CurrentTransaction.run(() -> policies.versions(tenantId, policyId)
                .chain(() -> tenancy.visibleTo(tenantId, buyerId))
                .chain(() -> limits.decisions(tenantId, policyId, buyerId)));
    }

    /** Every decision on the buyer of one of the tenant's claims under the policy, in the order recorded. */
    public Uni<List<LimitDecision>> decisionsOf(String tenantId, UUID policyId, UUID buyerId) {
        return CurrentTransaction.run(() -> policies.versions(tenantId, policyId)
                .chain(() -> limits.decisions(tenantId, policyId, buyerId)));
    }

    /**
     * The tenant whose policy the insurer's system signed {@code body} for, if {@code signature} is
     * the policy secret's HMAC of it made within {@link #SIGNATURE_TOLERANCE} of now; empty for an
     * unknown policy, one without a secret, a forged or a stale signature (all alike to the caller).
     */
    public Uni<Optional<String>> signedFor(UUID policyId, String signature, String body) {
        return CurrentTransaction.run(() -> policyRows.tenantOf(policyId).chain(tenant -> policyRows
                .callbackSecret(policyId).map(secret -> tenant.filter(t -> secret.isPresent() && TimestampedSignature
                        .verify(secret.get(), signature, body, clock.instant(), SIGNATURE_TOLERANCE)))));
    }

    /** Nothing when the buyer may be the tenant's; 400 {@code code} naming buyerId for another tenant's (common.domain.BuyerTenancy). */
    private Uni<Void> ofTenant(String code, String tenantId, UUID buyerId) {
        return buyers.tenantsOf(buyerId).invoke(known -> BuyerTenancy.ensureOfTenant(code, tenantId, buyerId, known))
                .replaceWithVoid();
    }

    /** The request the decision answers, if it names one: the tenant's, under the policy (else 400 naming requestId). */
    private Uni<Void> answers(String tenantId, UUID policyId, LimitDecision decision) {
        if (decision.requestId() == null) {
            return Uni.createFrom().voidItem();
        }
        return limits.request(tenantId, policyId, decision.requestId()).invoke(request -> decision.answering(
                request.orElseThrow(() -> DomainError.invalidField("limit-decision.invalid", "requestId",
                        "no limit request " + decision.requestId() + " under this policy")))).replaceWithVoid();
    }
}
