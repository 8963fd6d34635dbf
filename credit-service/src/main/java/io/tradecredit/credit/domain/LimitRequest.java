package io.tradecredit.credit.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

/**
 * A proposed limit waiting for a credit manager: asked for by a user, or proposed by the
 * service when a buyer's grade improved (increases never apply by themselves). A proposal of the
 * service's is withdrawn when a later re-grade leaves the buyer worse than the grade it was proposed at
 * ({@link #outdatedAfter}): the formula no longer allows it.
 */
@Entity
@Table(name = "limit_request")
public class LimitRequest {
    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    /** A proposal of the service's that a later fall of the buyer's grade made out of date: nobody decides it. */
    public static final String WITHDRAWN = "WITHDRAWN";

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "buyer_id", nullable = false)
    public UUID buyerId;
    @Column(nullable = false)
    public String currency;
    @Column(name = "requested_limit", nullable = false)
    public BigDecimal requestedLimit;
    @Column(nullable = false)
    public String reason;
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;
    @Column(nullable = false)
    public String status;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    /** The grade a proposal of the service's was made at (V14); null for a user's request or an older proposal. */
    @Column(name = "proposed_at_grade")
    public Integer proposedAtGrade;

    public static LimitRequest pending(Buyer buyer, Money limit, String reason, String by, OffsetDateTime at) {
        LimitRequest r = new LimitRequest();
        r.id = UUID.randomUUID();
        r.tenantId = buyer.tenantId;
        r.buyerId = buyer.id;
        r.currency = limit.currencyCode();
        r.requestedLimit = limit.amount();
        r.reason = reason;
        r.requestedBy = by;
        r.requestedAt = at;
        r.status = PENDING;
        return r;
    }

    /** The service's proposal of {@code limit} after the buyer's grade rose to {@code grade}. */
    public static LimitRequest proposal(Buyer buyer, Money limit, int grade, String reason, String by,
            OffsetDateTime at) {
        LimitRequest r = pending(buyer, limit, reason, by, at);
        r.proposedAtGrade = grade;
        return r;
    }

    /**
     * Whether this pending proposal of {@code service}'s is out of date after a re-grade from {@code gradeBefore} to
     * {@code newGrade}: the buyer is now worse than the grade it was proposed at (4 → 2 proposed, then 2 → 3 withdraws
     * it; 2 → 1 → 2 does not). A proposal made before the grade was kept counts from {@code gradeBefore}. A user's
     * request is a person's ask and stays for a credit manager.
     */
    public boolean outdatedAfter(String service, Integer gradeBefore, int newGrade) {
        if (!PENDING.equals(status) || !service.equals(requestedBy)) {
            return false;
        }
        Integer proposedAt = proposedAtGrade != null ? proposedAtGrade : gradeBefore;
        return proposedAt != null && newGrade > proposedAt;
    }

    /**
     * Whether this is a pending proposal of {@code service}'s that a credit manager's own limit decision supersedes: it
     * proposed a limit for the limit it saw (1,080,000 when the limit was 1,000); approved after the manager set
     * 2,000,000, it would have cut the limit to 1,080,000. A user's request stays for a credit manager to decide.
     */
    public boolean supersededByALimitDecision(String service) {
        return PENDING.equals(status) && service.equals(requestedBy);
    }

    /** Withdrawn by {@code by}, saying why in the decision note; nobody can approve or reject it any more. */
    public void withdraw(String by, String why, OffsetDateTime at) {
        status = WITHDRAWN;
        decidedBy = by;
        decisionNote = why;
        decidedAt = at;
    }

    public Money requested() {
        return Money.of(requestedLimit, currency);
    }

    /**
     * The limit an approval sets: the one asked for, while the buyer still trades in its currency
     * (a buyer without a limit may change currency while a request waits).
     */
    public Money approvedFor(Buyer buyer) {
        if (!currency.equals(buyer.currency)) {
            throw DomainError.conflict("limit-request.currency-changed", "Limit request " + id + " asks for a limit in "
                    + currency + " but the buyer now trades in " + buyer.currency + "; reject it and ask again.");
        }
        return requested();
    }

    public void decide(boolean approve, String by, String note, OffsetDateTime at) {
        status = approve ? APPROVED : REJECTED;
        decidedBy = by;
        decisionNote = note;
        decidedAt = at;
    }
}
