package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * The insurer's decision on one buyer's insured limit under a policy, entered by the tenant or posted
 * by the insurer's system. {@code decisionId} is the insurer's reference: the same decision sent twice
 * is recorded once. An approval (full or partial) carries the amount insured from {@code effectiveFrom}
 * up to and including {@code expiresOn} (open-ended when absent); a cancellation ends cover from its
 * effective date; a refusal or a pending investigation leaves the limit in force as it was.
 * {@code sequence} orders decisions as they were recorded.
 */
public record LimitDecision(String decisionId, UUID buyerId, Outcome outcome, Money amount, LocalDate effectiveFrom,
        LocalDate expiresOn, UUID requestId, Source source, long sequence, OffsetDateTime recordedAt, String recordedBy) {

    /** What the insurer decided. */
    public enum Outcome {
        APPROVED, PARTLY_APPROVED, REFUSED, PENDING_INVESTIGATION, CANCELLED;

        /** Whether the decision sets an insured amount. */
        public boolean grants() {
            return this == APPROVED || this == PARTLY_APPROVED;
        }

        /** Whether the decision replaces the limit in force (a grant or a cancellation); the others leave it. */
        public boolean replacesLimit() {
            return grants() || this == CANCELLED;
        }
    }

    /** Who recorded the decision. */
    public enum Source {
        TENANT, INSURER
    }

    /** The decision as a request gives it, under a policy in {@code currency}: valid, or refused naming every wrong field. */
    public static LimitDecision of(String currency, String decisionId, UUID buyerId, Outcome outcome, Money amount,
            LocalDate effectiveFrom, LocalDate expiresOn, UUID requestId, Source source, OffsetDateTime at, String by) {
        List<Violation> wrong = new ArrayList<>();
        if (decisionId == null || decisionId.isBlank() || decisionId.length() > 100) {
            wrong.add(new Violation("decisionId", "is required: the insurer's reference, at most 100 characters"));
        }
        if (buyerId == null) {
            wrong.add(new Violation("buyerId", "is required"));
        }
        if (outcome == null) {
            wrong.add(new Violation("outcome", "is required: APPROVED, PARTLY_APPROVED, REFUSED, PENDING_INVESTIGATION or CANCELLED"));
        } else if (outcome.grants()) {
            if (amount == null || !amount.isPositive()) {
                wrong.add(new Violation("amount", "is required and must be above 0 for " + outcome));
            } else if (!amount.currencyCode().equals(currency)) {
                wrong.add(new Violation("amount.currency", "must be the policy's currency " + currency));
            }
        } else if (amount != null) {
            wrong.add(new Violation("amount", outcome + " insures no amount"));
        }
        if (effectiveFrom == null) {
            wrong.add(new Violation("effectiveFrom", "is required"));
        } else if (expiresOn != null && expiresOn.isBefore(effectiveFrom)) {
            wrong.add(new Violation("expiresOn", "must be on or after effectiveFrom"));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("limit-decision.invalid", "The limit decision is incomplete or inconsistent", wrong);
        }
        return new LimitDecision(decisionId.strip(), buyerId, outcome, amount, effectiveFrom, expiresOn, requestId,
                source, 0, at, by);
    }

    /**
     * This decision as the insurer's answer to the tenant's {@code request} it names: a decision on the request's buyer,
     * and a partial approval insures less than was asked (PARTLY_APPROVED 120,000 on a request of 100,000 would insure
     * 20,000 the tenant never asked for nor the insurer granted; all of it is APPROVED), and an approval grants no less
     * than was asked (APPROVED 60,000 on a request of 100,000 was recorded and listed as the request granted in full; it
     * is PARTLY_APPROVED). A request to CANCEL the cover is answered by a cancellation, a refusal or a pending
     * investigation, never by a grant: APPROVED or PARTLY_APPROVED 80,000 naming it was recorded as the answer and set an
     * 80,000 limit the tenant had asked to end; 400 naming {@code outcome}. Refused naming the field otherwise (400).
     */
    public LimitDecision answering(LimitRequest request) {
        List<Violation> wrong = new ArrayList<>();
        if (!request.buyerId().equals(buyerId)) {
            wrong.add(new Violation("buyerId", "must be the buyer of request " + request.id() + ": " + request.buyerId()));
        }
        if (request.kind() == LimitRequest.Kind.CANCEL && outcome.grants()) {
            wrong.add(new Violation("outcome", "request " + request.id() + " asked to cancel the cover: " + outcome
                    + " does not answer it (CANCELLED, REFUSED or PENDING_INVESTIGATION does)"));
        }
        if (outcome == Outcome.PARTLY_APPROVED && request.amount() != null
                && !request.amount().isGreaterThan(amount)) {
            wrong.add(new Violation("amount", "a partial approval is below the " + request.amount().amountText()
                    + " requested; all of it is APPROVED"));
        }
        if (outcome == Outcome.APPROVED && request.amount() != null && request.amount().isGreaterThan(amount)) {
            wrong.add(new Violation("outcome", "an approval of less than the " + request.amount().amountText()
                    + " requested is PARTLY_APPROVED"));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("limit-decision.invalid", "The limit decision does not answer its request", wrong);
        }
        return this;
    }

    /**
     * {@code earlier}, the decision recorded under this one's {@code decisionId}, answers this one as a repeat when it
     * decided the same: buyer, outcome, amount, effective and expiry dates and request alike (who sent it, the tenant or
     * the insurer's system, and when do not matter). Another decision under a reference already recorded is refused
     * (409 {@code limit-decision.id-taken} naming {@code decisionId} and each field that differs), nothing recorded:
     * answered 200 with the first, a correction (80,000 entered again as 60,000) would look recorded and not be.
     */
    public LimitDecision repeatedBy(LimitDecision earlier) {
        List<Violation> differ = new ArrayList<>();
        if (!buyerId.equals(earlier.buyerId)) {
            differ.add(new Violation("buyerId", "differs from " + earlier.buyerId + " recorded under " + decisionId));
        }
        if (outcome != earlier.outcome) {
            differ.add(new Violation("outcome", "differs from " + earlier.outcome + " recorded under " + decisionId));
        }
        if (amount == null ? earlier.amount != null : earlier.amount == null || !amount.currency().equals(earlier.amount
                .currency()) || amount.compareTo(earlier.amount) != 0) {
            differ.add(new Violation("amount", "differs from " + earlier.amount + " recorded under " + decisionId));
        }
        if (!effectiveFrom.equals(earlier.effectiveFrom)) {
            differ.add(new Violation("effectiveFrom", "differs from " + earlier.effectiveFrom + " recorded under "
                    + decisionId));
        }
        if (expiresOn == null ? earlier.expiresOn != null : !expiresOn.equals(earlier.expiresOn)) {
            differ.add(new Violation("expiresOn", "differs from " + earlier.expiresOn + " recorded under " + decisionId));
        }
        if (requestId == null ? earlier.requestId != null : !requestId.equals(earlier.requestId)) {
            differ.add(new Violation("requestId", "differs from " + earlier.requestId + " recorded under " + decisionId));
        }
        if (!differ.isEmpty()) {
            differ.add(0, new Violation("decisionId", "was recorded for another decision: a new decision takes a"
                    + " reference of its own"));
            throw DomainError.conflict("limit-decision.id-taken", "Decision " + decisionId
                    + " was recorded with other terms; nothing changed", differ);
        }
        return earlier;
    }

    /** The same decision as stored, at its place in the recording order. */
    public LimitDecision recordedAs(long seq) {
        return new LimitDecision(decisionId, buyerId, outcome, amount, effectiveFrom, expiresOn, requestId, source, seq,
                recordedAt, recordedBy);
    }
}
