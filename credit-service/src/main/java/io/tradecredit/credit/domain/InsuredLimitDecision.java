package io.tradecredit.credit.domain;

import java.time.LocalDate;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * One insurer decision on a buyer's insured limit under one policy, as insurance-claims-service
 * announced it ({@code insured-limit-changed}). {@code amount} is set for grants only;
 * {@code sequence} is the order decisions arrived in (a later one of the same effective day corrects).
 */
public record InsuredLimitDecision(UUID policyId, String decisionId, Outcome outcome, Money amount,
        LocalDate effectiveFrom, LocalDate expiresOn, long sequence) {

    /**
     * A decision as insurance-claims-service announced it ({@code insured-limit-changed}): {@code amount}
     * is null except for grants, {@code currency} is the policy's.
     */
    public record Announced(UUID policyId, String policyNumber, String insurer, UUID buyerId, String decisionId,
            Outcome outcome, Money amount, String currency, LocalDate effectiveFrom, LocalDate expiresOn,
            String source, LocalDate recordedOn) {
    }

    public enum Outcome {
        APPROVED,
        PARTLY_APPROVED,
        REFUSED,
        PENDING_INVESTIGATION,
        CANCELLED;

        /** Grants and cancellations set the limit; refusals and pending investigations leave it as it was. */
        boolean replacesLimit() {
            return this != REFUSED && this != PENDING_INVESTIGATION;
        }

        boolean grants() {
            return this == APPROVED || this == PARTLY_APPROVED;
        }
    }
}
