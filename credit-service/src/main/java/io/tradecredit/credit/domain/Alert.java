package io.tradecredit.credit.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.tradecredit.common.money.Money;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something a credit manager must look at: a grade fall, a cut limit, a blocked buyer. */
@Entity
@Table(name = "alert")
public class Alert {
    public static final String GRADE_DROP = "GRADE_DROP";
    public static final String BUYER_BLOCKED = "BUYER_BLOCKED";
    /** collections-service judged a buyer's promise to pay broken: a payment-behaviour signal. */
    public static final String PROMISE_BROKEN = "PROMISE_BROKEN";
    /** A dispute's resolution asks to adjust the buyer's credit policy (dispute step 4, docs/domain.md §2). */
    public static final String CREDIT_POLICY_REVIEW = "CREDIT_POLICY_REVIEW";
    /**
     * The service withdrew its own proposed limit increase, waiting for a credit manager, because the grade fell below
     * the one it was proposed at (told only when the same re-grade raised no GRADE_DROP, whose message then says it).
     */
    public static final String PROPOSAL_WITHDRAWN = "PROPOSAL_WITHDRAWN";

    /** What a credit manager is to be told: the kind of alert and its message. */
    public record Notice(String kind, String message) {
    }

    /**
     * What a re-grade tells the credit manager, once: a fall past the threshold ({@code fall}, with the cut's figures)
     * as GRADE_DROP, naming the withdrawn proposal too when there is one; a withdrawn proposal alone as
     * PROPOSAL_WITHDRAWN; nothing otherwise (null).
     */
    public static Notice afterRegrade(String fall, String withdrawal) {
        if (fall != null) {
            return new Notice(GRADE_DROP, withdrawal == null ? fall : fall + "; " + withdrawal);
        }
        return withdrawal == null ? null : new Notice(PROPOSAL_WITHDRAWN, withdrawal);
    }

    /**
     * The one alert of a block (an insolvency filing): why, the limit it took to 0 when there was one, and what the
     * re-grade that follows it tells ({@code regrade}, null when nothing), so the credit manager gets one message with
     * the new grade, not the block with the grade before it and then the fall.
     */
    public static Notice blocked(String reason, Money limitBefore, Notice regrade) {
        StringBuilder m = new StringBuilder("new credit blocked: ").append(reason);
        if (limitBefore != null && limitBefore.isPositive()) {
            m.append("; limit cut from ").append(limitBefore).append(" to ")
                    .append(Money.zero(limitBefore.currency()));
        }
        if (regrade != null) {
            m.append("; ").append(regrade.message());
        }
        return new Notice(BUYER_BLOCKED, m.toString());
    }

    /**
     * The one alert of a cause that raises its own (a broken promise to pay, a dispute asking to adjust the credit
     * policy) and then grades the buyer again: its kind and message, followed by what the re-grade tells
     * ({@code regrade}, null when nothing), so the credit manager gets one message, not the cause and then the fall.
     */
    public static Notice withRegrade(Notice own, Notice regrade) {
        return regrade == null ? own : new Notice(own.kind(), own.message() + "; " + regrade.message());
    }

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "buyer_id", nullable = false)
    public UUID buyerId;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false)
    public String message;
    @Column(name = "raised_at", nullable = false)
    public OffsetDateTime raisedAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    /** The credit manager has seen it; the first acknowledgement stands. */
    public void acknowledge(String by, OffsetDateTime at) {
        if (acknowledgedAt == null) {
            acknowledgedAt = at;
            acknowledgedBy = by;
        }
    }

    public static Alert raise(Buyer buyer, String kind, String message, OffsetDateTime at) {
        Alert a = new Alert();
        a.id = UUID.randomUUID();
        a.tenantId = buyer.tenantId;
        a.buyerId = buyer.id;
        a.kind = kind;
        a.message = message;
        a.raisedAt = at;
        return a;
    }
}
