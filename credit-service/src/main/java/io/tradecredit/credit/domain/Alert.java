package io.tradecredit.credit.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

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
