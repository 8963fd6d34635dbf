package io.tradecredit.claims.events;

import java.time.LocalDate;
import java.util.UUID;

import io.tradecredit.claims.domain.InsuredLimit;
import io.tradecredit.claims.domain.LimitDecision;
import io.tradecredit.claims.domain.PolicyTerms;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.common.money.Money;

/**
 * What insurance-claims-service tells the platform, on {@code claim-events}. Schemas:
 * {@code contracts/schemas/io.tradecredit.claims.<name>.v1.json}. A limit's events are keyed by buyer
 * id (credit-service reads one buyer's in order), a claim's by claim id.
 */
public final class ClaimEvents {
    public static final String PREFIX = "io.tradecredit.claims.";

    private ClaimEvents() {
    }

    /**
     * An insurer's decision on a buyer's insured limit was recorded; {@code insuredLimit} is the limit in
     * force on {@code recordedOn} after it (zero: not insured), the decision's own dates say when it applies.
     */
    public record InsuredLimitChanged(UUID policyId, String policyNumber, String insurer, UUID buyerId,
            String decisionId, LimitDecision.Outcome outcome, Money decidedAmount, LocalDate effectiveFrom,
            LocalDate expiresOn, LimitDecision.Source source, LocalDate recordedOn, Money insuredLimit) {
    }

    /** The outgoing event for {@code payload} of type {@code io.tradecredit.claims.<name>.v1}, keyed by {@code key}. */
    public static OutgoingEvent event(String name, String aggregateType, String tenantId, UUID key, Object payload) {
        return new OutgoingEvent(TopicNames.CLAIM_EVENTS, PREFIX + name + ".v1", aggregateType, key.toString(), tenantId,
                payload);
    }

    public static OutgoingEvent insuredLimitChanged(String tenantId, UUID policyId, PolicyTerms terms, LimitDecision d,
            LocalDate recordedOn, InsuredLimit now) {
        return event("insured-limit-changed", "insured-limit", tenantId, d.buyerId(), new InsuredLimitChanged(policyId,
                terms.policyNumber(), terms.insurer(), d.buyerId(), d.decisionId(), d.outcome(), d.amount(),
                d.effectiveFrom(), d.expiresOn(), d.source(), recordedOn, now.amount()));
    }
}
